import { useState } from "react";
import { Notice as Status } from "../../components/alert.tsx";
import { DataState } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, segment, useLocation } from "../../lib/router.tsx";
import { useApi } from "../../lib/use-api.ts";
import { NoticeView } from "./detail/notice-view.tsx";
import { Timeline } from "./detail/timeline.tsx";
import type { Notice, NoticeEvent } from "./types.ts";

/** The notice page; in "review" mode (the GS decision screen) the findings and decision come first. */
export function NoticeDetailPage({ id, mode = "view" }: { id: string; mode?: "view" | "review" }) {
  const { t } = useI18n();
  const notice = useApi<Notice>(`/notices/${segment(id)}`);
  const history = useApi<{ items: NoticeEvent[] }>(`/notices/${segment(id)}/history`);
  const [done, setDone] = useState<string | null>(null);
  const { query } = useLocation();

  const acted = (message: string) => {
    setDone(message);
    notice.reload();
    history.reload();
  };

  return (
    <>
      <p className="breadcrumb">
        {mode === "review" ? (
          <Link to="/review">{t("review.back")}</Link>
        ) : (
          <Link to="/notices">{t("notices.back")}</Link>
        )}
      </p>
      {query.get("submitted") && !done && (
        <Status kind="success">
          <span data-testid="notice-submitted">{t("notices.submittedDone")}</span>
        </Status>
      )}
      {done && (
        <Status kind="success">
          <span data-testid="notice-action-done">{done}</span>
        </Status>
      )}
      <DataState {...notice}>
        {(n) => (
          <>
            {n.state === "draft" && <ReturnedBanner events={history.data?.items ?? []} />}
            <NoticeView notice={n} mode={mode} onDone={acted} onReload={notice.reload}>
              <section className="panel" aria-labelledby="history-heading">
                <h2 id="history-heading">{t("notices.history")}</h2>
                <DataState {...history}>{(h) => <Timeline events={h.items} />}</DataState>
              </section>
            </NoticeView>
          </>
        )}
      </DataState>
    </>
  );
}

/** A draft the General Secretariat sent back: what it asks for, before anything else. */
function ReturnedBanner({ events }: { events: NoticeEvent[] }) {
  const { t } = useI18n();
  const last = events.at(-1);
  if (last?.action !== "return_to_owner") return null;
  return (
    <div className="alert alert-warning" role="note" data-testid="notice-returned-banner">
      <strong>{t("notices.returnedTitle")}</strong> <bdi>{last.reasons ?? ""}</bdi>
    </div>
  );
}
