import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, segment } from "../../lib/router.tsx";
import { useApi } from "../../lib/use-api.ts";
import { isRecordId, propLabel } from "./format.ts";
import type { IntelRecord, MergedEntity } from "./types.ts";

/**
 * The links a record holds: FtM relationship schemata (Membership, Family, Associate...) and entity
 * properties name other records by id (member, organization, person, relative, associate). The
 * records that name this one cannot be listed yet: the search does not look into property values.
 */
export function LinksPanel({ record }: { record: IntelRecord }) {
  const i18n = useI18n();
  const links = Object.entries(record.properties).flatMap(([prop, values]) =>
    values.filter(isRecordId).map((id) => ({ prop, id })),
  );
  return (
    <section className="panel" aria-labelledby="links-heading" data-testid="record-links">
      <h2 id="links-heading">{i18n.t("persons.links")}</h2>
      {links.length === 0 ? (
        <p className="empty">{i18n.t("persons.noLinks")}</p>
      ) : (
        <ul className="section-list">
          {links.map(({ prop, id }) => (
            <li key={`${prop}:${id}`}>
              {propLabel(prop, i18n)}:{" "}
              <Link to={`/records/${segment(id)}`} data-testid="record-link">
                <code>{id}</code>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{i18n.t("persons.linksNote")}</p>
    </section>
  );
}

/** When the record was judged the same as others, a way to the merged entity. */
export function MergedBanner({ id }: { id: string }) {
  const { t, num } = useI18n();
  const state = useApi<MergedEntity>(`/resolution/entities/${segment(id)}`);
  const entity = state.data;
  if (!entity || entity.members.length < 2) return null;
  return (
    <div className="alert alert-info" role="status" data-testid="merged-banner">
      <p>
        {t("persons.partOfMerged", { n: num(entity.members.length) })}{" "}
        <Link to={`/entities/${segment(entity.id)}`} data-testid="merged-link">
          {t("persons.openMerged")}
        </Link>
      </p>
    </div>
  );
}
