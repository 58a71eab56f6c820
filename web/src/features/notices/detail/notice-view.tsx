import type { ReactNode } from "react";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { FindingsPanel } from "../parts.tsx";
import { NoticeFiles } from "../photos/notice-files.tsx";
import { NoticePhotos } from "../photos/notice-photos.tsx";
import { RequestView } from "../request-view.tsx";
import type { Notice } from "../types.ts";
import { ActionsPanel } from "./actions-panel.tsx";
import { Addenda } from "./addenda.tsx";
import { DecisionPanel } from "./decision-panel.tsx";
import { FactsPanel } from "./facts-panel.tsx";
import { NoticeHeader } from "./notice-header.tsx";

/** The notice itself: header, actions or decision, facts, findings, request, addenda, then `children`. */
export function NoticeView({
  notice: n,
  mode,
  onDone,
  onReload,
  children,
}: {
  notice: Notice;
  mode: "view" | "review";
  onDone: (message: string) => void;
  /** Loads the notice again, offered when an action was refused because it changed meanwhile. */
  onReload?: () => void;
  children: ReactNode;
}) {
  const reload = onReload ? { onReload } : {};
  const { t } = useI18n();
  // The decision screen puts findings and decision first while the request awaits review.
  const deciding = mode === "review" && (n.state === "submitted" || n.state === "under_review");
  const findings = (
    <FindingsPanel findings={n.findings} heading={t("notices.findings")} testId="notice-findings" />
  );
  return (
    <article aria-labelledby="notice-title">
      <NoticeHeader notice={n} />
      <NoticeFiles notice={n} />
      {deciding ? (
        <div className="detail-grid">
          {findings}
          <DecisionPanel notice={n} onDone={onDone} {...reload} />
        </div>
      ) : (
        <ActionsPanel notice={n} onDone={onDone} {...reload} />
      )}
      <div className="detail-grid">
        <FactsPanel notice={n} />
        {!deciding && findings}
      </div>
      <NoticePhotos notice={n} />
      <RequestView request={n.request} />
      <Addenda notice={n} />
      {children}
    </article>
  );
}
