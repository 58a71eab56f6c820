import { CountryName } from "../../components/country-name.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, segment } from "../../lib/router.tsx";
import { scoreText } from "./explanation-view.tsx";
import { kindLabel } from "./texts.ts";
import type { StoredHit } from "./types.ts";

/** A hit without a name came from a document check, or from a firearm or vehicle checked alone. */
const noNameKey = (h: StoredHit) =>
  h.subjectKind === "document" ? "scr.inbox.noName" : "scr.inbox.noNameGiven";

/** Hits newest first; each opens its page. `current` marks the hit the page is about. */
export function HitsTable({
  items,
  isNew,
  current,
  testId = "hits-table",
}: {
  items: readonly StoredHit[];
  isNew?: ReadonlySet<string>;
  current?: string;
  testId?: string;
}) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  return (
    <div className="table-wrap">
      <table className="data hits" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t("scr.inbox.col.when")}</th>
            <th scope="col">{t("scr.inbox.col.traveller")}</th>
            <th scope="col">{t("scr.inbox.col.where")}</th>
            <th scope="col">{t("scr.inbox.col.checkedBy")}</th>
            <th scope="col">{t("scr.inbox.col.record")}</th>
            <th scope="col" className="num">
              {t("scr.result.score")}
            </th>
            <th scope="col">{t("scr.inbox.col.state")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((h) => (
            <tr
              key={h.id}
              className={isNew?.has(h.id) ? "is-new" : undefined}
              aria-current={h.id === current ? "true" : undefined}
              data-testid="hit-row"
              data-state={h.state}
            >
              <td>
                <time dateTime={h.at}>{dateTime(h.at)}</time>
                {isNew?.has(h.id) && <span className="badge badge-on new-badge">{t("scr.inbox.new")}</span>}
              </td>
              <td>
                {h.id === current ? (
                  <strong>{t("scr.encounters.current")}</strong>
                ) : (
                  <Link to={`/hits/${segment(h.id)}`} data-testid="hit-link">
                    <bdi>{h.traveller.name || t(noNameKey(h))}</bdi>
                  </Link>
                )}
                {h.traveller.dateOfBirth && (
                  <span className="muted">
                    {" "}
                    <bdi dir="ltr">{h.traveller.dateOfBirth}</bdi>
                  </span>
                )}
              </td>
              <td>{h.location ? <bdi>{h.location}</bdi> : "—"}</td>
              <td>
                <CountryName code={h.checkedByCountry} withCode />
              </td>
              <td>
                <span data-testid="hit-kind">{kindLabel(i18n, h.subjectKind, h.category)}</span>{" "}
                <bdi dir="ltr">{h.reference ?? ""}</bdi>
                {h.discreet && <span className="badge badge-h2">{t("scr.inbox.discreet")}</span>}
              </td>
              <td className="num">
                <bdi>{scoreText(h.score, i18n)}</bdi>
              </td>
              <td>
                <span className={`badge state-${h.state}`} data-testid="hit-state">
                  {t(`scr.state.${h.state}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
