import { Notice as Status } from "../../components/alert.tsx";
import { Pager } from "../../components/pager.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { navigate, useLocation } from "../../lib/router.tsx";
import type { Page } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { NoticesTable } from "./notices-page.tsx";
import type { Notice } from "./types.ts";

const PAGE_SIZE = 25;

/** The General Secretariat's queue: requests awaiting review, highest risk score first (server order). */
export function ReviewQueuePage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const state = useApi<Page<Notice>>(withQuery("/notices/review-queue", { page, pageSize: PAGE_SIZE }));
  return (
    <>
      <h1>{t("review.title")}</h1>
      <p className="muted">{t("review.intro")}</p>
      {query.get("returned") && (
        <Status kind="success">
          <span data-testid="review-returned">{t("review.returned")}</span>
        </Status>
      )}
      <DataState {...state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("review.empty")}</Empty>
          ) : (
            <>
              <NoticesTable items={data.items} review />
              <Pager
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onPage={(p) => navigate("/review", { page: p })}
              />
            </>
          )
        }
      </DataState>
    </>
  );
}
