import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, segment } from "../../lib/router.tsx";
import { useApi } from "../../lib/use-api.ts";
import { propLabel, schemaLabel } from "./format.ts";
import type { IntelRecord, MergedEntity } from "./types.ts";

type Ref = { id: string; schema: string; caption: string; owner: string };
type Links = {
  outgoing: { prop: string; record: Ref }[];
  incoming: { prop: string; record: Ref; others: { prop: string; record: Ref }[] }[];
};

/**
 * The links of a record both ways (GET /records/{id}/links): the records it names (a membership's
 * member and organization) and the records that name it (its memberships, family, passports),
 * each with the other ends it names. The server lists only records the reader may see.
 */
export function LinksPanel({ record }: { record: IntelRecord }) {
  const i18n = useI18n();
  const state = useApi<Links>(`/records/${segment(record.id)}/links`);
  const links = state.data;
  const empty = links && links.outgoing.length === 0 && links.incoming.length === 0;
  return (
    <section className="panel" aria-labelledby="links-heading" data-testid="record-links">
      <h2 id="links-heading">{i18n.t("persons.links")}</h2>
      {empty && <p className="empty">{i18n.t("persons.noLinks")}</p>}
      {links && !empty && (
        <ul className="section-list">
          {links.outgoing.map(({ prop, record: r }) => (
            <li key={`out:${prop}:${r.id}`}>
              {propLabel(prop, i18n)}: <RefLink r={r} />
            </li>
          ))}
          {links.incoming.map(({ prop, record: r, others }) => (
            <li key={`in:${r.id}`}>
              {schemaLabel(r.schema, i18n)} ({propLabel(prop, i18n)}) <RefLink r={r} />
              {others.map((o) => (
                <span key={`${o.prop}:${o.record.id}`}>
                  {" · "}
                  {propLabel(o.prop, i18n)}: <RefLink r={o.record} />
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{i18n.t("persons.linksNote")}</p>
    </section>
  );
}

function RefLink({ r }: { r: Ref }) {
  return (
    <Link to={`/records/${segment(r.id)}`} data-testid="record-link">
      <bdi dir="auto">{r.caption}</bdi>
    </Link>
  );
}

/** When the record was judged the same as others, a way to the merged entity. */
export function MergedBanner({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useApi<MergedEntity>(`/resolution/entities/${segment(id)}`);
  const entity = state.data;
  if (!entity || entity.members.length < 2) return null;
  return (
    <div className="alert alert-info" role="status" data-testid="merged-banner">
      <p>
        {t("persons.partOfMerged", { n: entity.members.length })}{" "}
        <Link to={`/entities/${segment(entity.id)}`} data-testid="merged-link">
          {t("persons.openMerged")}
        </Link>
      </p>
    </div>
  );
}
