import { useState } from "react";
import { ErrorAlert } from "../../../components/alert.tsx";
import { ConfirmDialog } from "../../../components/confirm-button.tsx";
import { ReasonsAction } from "../../../components/reasons-action.tsx";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { navigate } from "../../../lib/router.tsx";
import { useSubmit } from "../../../lib/use-submit.ts";
import { noticeAction } from "../api.ts";
import type { Notice } from "../types.ts";

/** The reviewer's decision: publish, refuse with reasons, or return to the owner asking for documents. */
export function DecisionPanel({
  notice: n,
  onDone,
  onReload,
}: {
  notice: Notice;
  onDone: (message: string) => void;
  onReload?: () => void;
}) {
  const { t } = useI18n();
  const { pending, error, handler } = useSubmit();
  const [asking, setAsking] = useState(false);
  const reload = onReload ? { onReload } : {};
  const can = (a: Notice["allowedActions"][number]) => n.allowedActions.includes(a);
  const blocked = n.findings.some((f) => f.severity === "block");
  const pendingReview = n.state === "submitted" || n.state === "under_review";

  const publish = handler(async () => {
    // A submitted request is taken into review first: the state machine publishes only from review.
    // Each call names the version it acts on: a request another reviewer decided meanwhile is refused.
    const taken =
      n.state === "submitted" ? await noticeAction(n.id, "start-review", { expectedVersion: n.version }) : n;
    await noticeAction(n.id, "publish", { expectedVersion: taken.version });
    onDone(t("review.published"));
  });

  return (
    <section className="panel decision" aria-labelledby="decision-heading" data-testid="review-decision">
      <h2 id="decision-heading">{t("review.decision")}</h2>
      {!pendingReview ? (
        <p className="muted">{t("review.notPending")}</p>
      ) : (
        <>
          <ErrorAlert error={error} {...reload} />
          {blocked && <p className="field-error">{t("review.blocked")}</p>}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setAsking(true);
            }}
            className="form-actions"
          >
            <button
              type="submit"
              className="btn btn-primary"
              disabled={pending || blocked || !(can("publish") || can("start_review"))}
              data-testid="review-publish"
            >
              {t("review.publish")}
            </button>
            <ConfirmDialog
              open={asking}
              title={t("confirm.publish.title")}
              body={<p>{t("confirm.publish.body")}</p>}
              confirmLabel={t("confirm.publish.action")}
              onConfirm={() => {
                setAsking(false);
                void publish();
              }}
              onCancel={() => setAsking(false)}
              testId="review-publish"
            />
          </form>
          {can("refuse") && (
            <ReasonsAction
              label={t("review.refuse")}
              required
              danger
              testId="review-refuse"
              confirm={{
                title: t("confirm.refuse.title"),
                body: <p>{t("confirm.refuse.body")}</p>,
                action: t("confirm.refuse.action"),
              }}
              {...reload}
              onSubmit={async (reasons) => {
                await noticeAction(n.id, "refuse", { reasons, expectedVersion: n.version });
                onDone(t("review.refused"));
              }}
            />
          )}
          {can("return_to_owner") && (
            <ReasonsAction
              label={t("review.return")}
              required
              testId="review-return"
              confirm={{
                title: t("confirm.return.title"),
                body: <p>{t("confirm.return.body")}</p>,
                action: t("confirm.return.action"),
              }}
              {...reload}
              onSubmit={async (reasons) => {
                await noticeAction(n.id, "return", { reasons, expectedVersion: n.version });
                // A returned request is the owner's draft again, which the General Secretariat does not read.
                navigate("/review", { returned: 1 });
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
