import { useState } from "react";
import { ErrorAlert } from "../../../components/alert.tsx";
import { ConfirmButton } from "../../../components/confirm-button.tsx";
import { ReasonsAction } from "../../../components/reasons-action.tsx";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { Link, segment } from "../../../lib/router.tsx";
import { useMe } from "../../../lib/session.tsx";
import { type ActionBody, type ActionPath, noticeAction } from "../api.ts";
import type { Notice } from "../types.ts";
import { AddendumForm } from "./addendum-form.tsx";
import { SuspendForm } from "./suspend-form.tsx";

/** An action on the notice as this page shows it: the server refuses it if the notice changed since. */
function useAct(notice: Notice, onDone: (message: string) => void) {
  const { t } = useI18n();
  return (path: ActionPath, body: ActionBody = {}) =>
    async () => {
      await noticeAction(notice.id, path, { ...body, expectedVersion: notice.version });
      onDone(t("notices.actionDone"));
    };
}

/** The owner's and the General Secretariat's actions on the notice page, as the API allows them. */
export function ActionsPanel({
  notice: n,
  onDone,
  onReload,
}: {
  notice: Notice;
  onDone: (message: string) => void;
  /** Loads the notice again (after a stale refusal); what was typed stays. */
  onReload?: () => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const act = useAct(n, onDone);
  const [error, setError] = useState<unknown>(undefined);
  const can = (a: Notice["allowedActions"][number]) => n.allowedActions.includes(a);
  const isOwner = me.country.code === n.envelope.owner;
  const run = (action: () => Promise<void>) => () => {
    setError(undefined);
    action().catch(setError);
  };
  if (n.allowedActions.length === 0) return null;
  return (
    <section className="panel actions-panel" aria-labelledby="actions-heading" data-testid="notice-actions">
      <h2 id="actions-heading">{t("common.actions")}</h2>
      <ErrorAlert error={error} {...(onReload ? { onReload } : {})} />
      {n.renewalDue && isOwner && can("renew") && (
        <p className="hint" data-testid="notice-renewal-hint">
          {t("notices.renewalHint")}
        </p>
      )}
      <div className="form-actions">
        {can("edit") && (
          <Link className="btn btn-small" to={`/notices/${segment(n.id)}/edit`} data-testid="notice-edit">
            {t("notices.edit")}
          </Link>
        )}
        {can("submit") && (
          <ConfirmButton
            label={t("noticeAction.submit")}
            question={t("confirm.submitNotice.title")}
            consequence={<p>{t("confirm.submitNotice.body")}</p>}
            confirmLabel={t("confirm.submitNotice.action")}
            onConfirm={run(act("submit"))}
            testId="notice-submit"
          />
        )}
        {(can("start_review") || can("publish")) && (
          <Link
            className="btn btn-small btn-primary"
            to={`/review/${segment(n.id)}`}
            data-testid="notice-review"
          >
            {t("review.open")}
          </Link>
        )}
        {can("resume") && (
          <ConfirmButton
            label={t("noticeAction.resume")}
            question={t("confirm.resume.title")}
            consequence={<p>{t("confirm.resume.body")}</p>}
            confirmLabel={t("confirm.resume.action")}
            onConfirm={run(act("resume"))}
            testId="notice-resume"
          />
        )}
      </div>
      {can("suspend") && <SuspendForm notice={n} owner={isOwner} onDone={onDone} />}
      {can("add_addendum") && <AddendumForm notice={n} onDone={onDone} />}
      <LifecycleActions notice={n} act={act} {...(onReload ? { onReload } : {})} />
    </section>
  );
}

/** Renewal, withdrawal and cancellation, each asking for reasons (required where the rules say so). */
function LifecycleActions({
  notice: n,
  act,
  onReload,
}: {
  notice: Notice;
  act: ReturnType<typeof useAct>;
  onReload?: () => void;
}) {
  const { t } = useI18n();
  const can = (a: Notice["allowedActions"][number]) => n.allowedActions.includes(a);
  return (
    <div className="form-actions">
      {can("renew") && (
        <ReasonsAction
          label={t("noticeAction.renew")}
          required={n.type === "red"}
          testId="notice-renew"
          {...(onReload ? { onReload } : {})}
          onSubmit={(reasons) => act("renew", reasons ? { reasons } : {})()}
        />
      )}
      {can("withdraw") && (
        <ReasonsAction
          label={t("noticeAction.withdraw")}
          required={false}
          danger
          testId="notice-withdraw"
          confirm={{
            title: t("confirm.withdraw.title"),
            body: <p>{t("confirm.withdraw.body")}</p>,
            action: t("confirm.withdraw.action"),
          }}
          {...(onReload ? { onReload } : {})}
          onSubmit={(reasons) => act("withdraw", reasons ? { reasons } : {})()}
        />
      )}
      {can("cancel") && (
        <ReasonsAction
          label={t("noticeAction.cancel")}
          required
          danger
          testId="notice-cancel"
          confirm={{
            title: t("confirm.cancelNotice.title"),
            body: <p>{t("confirm.cancelNotice.body")}</p>,
            action: t("confirm.cancelNotice.action"),
          }}
          {...(onReload ? { onReload } : {})}
          onSubmit={(reasons) => act("cancel", { reasons })()}
        />
      )}
    </div>
  );
}
