import { hasOwnText, type MessageKey, useI18n } from "../../lib/i18n/index.tsx";
import type { AuditEntry } from "./types.ts";

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return "";
  if (typeof detail === "string") return detail;
  return JSON.stringify(detail);
}

export function AuditTable({ items }: { items: AuditEntry[] }) {
  const { t, instant } = useI18n();
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
            <th scope="col" className="num">
              {t("audit.seq")}
            </th>
            <th scope="col">{t("audit.at")}</th>
            <th scope="col">{t("audit.actor")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.record")}</th>
            <th scope="col">{t("audit.detail")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.seq}>
              <td className="num">{e.seq}</td>
              <td className="nowrap">
                <time dateTime={e.at}>{instant(e.at)}</time>
              </td>
              <td>
                <bdi>{e.actorUsername ?? "—"}</bdi>
                {e.actorCountry && <code className="sep">{e.actorCountry}</code>}
                {e.actorRole && <span className="muted sep">{roleLabel(e.actorRole)}</span>}
              </td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                {e.recordType && <span className="muted">{e.recordType} </span>}
                {e.recordId && <code className="wrap">{e.recordId}</code>}
              </td>
              <td>
                <code className="detail wrap" dir="ltr">
                  {detailText(e.detail)}
                </code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
