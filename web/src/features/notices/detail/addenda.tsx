import { useI18n } from "../../../lib/i18n/index.tsx";
import type { Notice } from "../types.ts";

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});

/** Addenda to a published notice, by its owner or the General Secretariat, oldest first. */
export function Addenda({ notice }: { notice: Notice }) {
  const { t, dateTime } = useI18n();
  if (notice.addenda.length === 0 && !notice.allowedActions.includes("add_addendum")) return null;
  return (
    <section className="panel" aria-labelledby="addenda-heading" data-testid="notice-addenda">
      <h2 id="addenda-heading">{t("notices.addenda")}</h2>
      {notice.addenda.length === 0 ? (
        <p className="muted">{t("notices.noAddenda")}</p>
      ) : (
        <ol className="timeline">
          {notice.addenda.map((a, i) => {
            const text = o(a.text);
            const at = typeof a.at === "string" ? a.at : "";
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: addenda are append-only, in order
              <li key={i}>
                <time dateTime={at}>{dateTime(at)}</time>{" "}
                <span className="muted">
                  {a.by === "gs_reviewer" ? t("notices.byGs") : t("notices.byOwner")}
                </span>
                <p lang={typeof text.language === "string" ? text.language : undefined} dir="auto">
                  {String(text.text ?? "")}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
