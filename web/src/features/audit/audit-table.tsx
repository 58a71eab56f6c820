import { CountryName } from "../../components/country-name.tsx";
import { SortableHeader, type SortState } from "../../components/sortable-header.tsx";
import { hasOwnText, type MessageKey, useI18n } from "../../lib/i18n/index.tsx";
import { Link } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import { actorTarget, recordTarget } from "./links.ts";
import type { AuditEntry } from "./types.ts";

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return "";
  if (typeof detail === "string") return detail;
  return JSON.stringify(detail);
}

export function AuditTable({ items, sorting }: { items: AuditEntry[]; sorting: SortState }) {
  const { t, instant } = useI18n();
  const me = useMe();
  const roleLabel = (role: string | null) => {
    if (!role) return "";
    const key = `role.${role}`;
    return hasOwnText("en", key) ? t(key as MessageKey) : role;
  };
  return (
    <div className="table-wrap">
      <table className="data audit" data-testid="audit-table">
        <thead>
          <tr>
            <SortableHeader column="seq" className="num" firstDescending {...sorting}>
              {t("audit.seq")}
            </SortableHeader>
            <th scope="col">{t("audit.at")}</th>
            <SortableHeader column="actor" {...sorting}>
              {t("audit.actor")}
            </SortableHeader>
            <SortableHeader column="action" {...sorting}>
              {t("audit.action")}
            </SortableHeader>
            <th scope="col">{t("audit.record")}</th>
            <th scope="col">{t("audit.detail")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => {
            const actor = actorTarget(e, me.role);
            const record = recordTarget(e, me.role);
            return (
              <tr key={e.seq} data-testid={`audit-row-${e.seq}`}>
                <td className="num">{e.seq}</td>
                <td className="nowrap">
                  <time dateTime={e.at}>{instant(e.at)}</time>
                </td>
                <td>
                  {actor ? (
                    <Link
                      to={actor.to}
                      query={actor.query}
                      aria-label={t("deadends.audit.openActor", { name: e.actorUsername ?? "" })}
                      data-testid="audit-actor-link"
                    >
                      <bdi>{e.actorUsername}</bdi>
                    </Link>
                  ) : (
                    <bdi>{e.actorUsername ?? "—"}</bdi>
                  )}
                  {e.actorCountry && (
                    <span className="sep">
                      <CountryName code={e.actorCountry} />
                    </span>
                  )}
                  {e.actorRole && <span className="muted sep">{roleLabel(e.actorRole)}</span>}
                </td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.recordType && <span className="muted">{e.recordType} </span>}
                  {e.recordId &&
                    (record ? (
                      <Link
                        to={record.to}
                        query={record.query}
                        aria-label={t("deadends.audit.openRecord", { id: e.recordId })}
                        data-testid="audit-record-link"
                      >
                        <code className="wrap">{e.recordId}</code>
                      </Link>
                    ) : (
                      <code className="wrap">{e.recordId}</code>
                    ))}
                </td>
                <td>
                  <code className="detail wrap" dir="ltr">
                    {detailText(e.detail)}
                  </code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
