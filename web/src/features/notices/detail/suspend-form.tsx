import { useState } from "react";
import { ErrorAlert } from "../../../components/alert.tsx";
import { ConfirmDialog } from "../../../components/confirm-button.tsx";
import { TextAreaField, TextField } from "../../../components/fields.tsx";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { useSubmit } from "../../../lib/use-submit.ts";
import { noticeAction } from "../api.ts";
import type { Notice } from "../types.ts";

/** An owner may suspend for at most six months (rules/lifecycle.ts). */
const MAX_SUSPENSION_MONTHS = 6;

const addMonths = (d: Date, months: number): Date => {
  const out = new Date(d.getTime());
  out.setUTCMonth(out.getUTCMonth() + months);
  return out;
};
const ymd = (d: Date) => d.toISOString().slice(0, 10);

/** Suspension until a date; an owner may suspend for six months at most, and need not give reasons. */
export function SuspendForm({
  notice,
  owner,
  onDone,
}: {
  notice: Notice;
  owner: boolean;
  onDone: (m: string) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [until, setUntil] = useState("");
  const [reasons, setReasons] = useState("");
  const [asking, setAsking] = useState(false);
  const { pending, error, handler } = useSubmit();
  const today = new Date();
  const min = ymd(new Date(today.getTime() + 24 * 3600 * 1000));
  const max = ymd(addMonths(today, MAX_SUSPENSION_MONTHS));
  const tooLong = owner && until !== "" && until > max;
  if (!open)
    return (
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setOpen(true)}
          data-testid="notice-suspend"
        >
          {t("noticeAction.suspend")}
        </button>
      </div>
    );
  const submit = handler(async () => {
    // The end of the chosen day, in UTC.
    await noticeAction(notice.id, "suspend", {
      until: `${until}T23:59:59Z`,
      ...(reasons.trim() ? { reasons: reasons.trim() } : {}),
      expectedVersion: notice.version,
    });
    setOpen(false);
    onDone(t("notices.actionDone"));
  });
  return (
    <form
      className="panel reasons-form"
      onSubmit={(e) => {
        e.preventDefault();
        setAsking(true);
      }}
      data-testid="notice-suspend-form"
    >
      <ErrorAlert error={error} />
      <TextField
        label={t("notices.suspendUntil")}
        hint={owner ? t("notices.suspendHint", { max }) : undefined}
        type="date"
        required
        min={min}
        max={owner ? max : undefined}
        value={until}
        onChange={(e) => setUntil(e.target.value)}
        aria-invalid={tooLong || undefined}
        testId="notice-suspend-until"
      />
      {tooLong && (
        <p className="field-error" role="alert">
          {t("notices.suspendTooLong")}
        </p>
      )}
      <TextAreaField
        label={owner ? t("action.reasonsOptional") : t("action.reasonsRequired")}
        required={!owner}
        rows={2}
        value={reasons}
        onChange={(e) => setReasons(e.target.value)}
      />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={pending || until === "" || tooLong || (!owner && reasons.trim() === "")}
          data-testid="notice-suspend-submit"
        >
          {t("noticeAction.suspend")}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </button>
      </div>
      <ConfirmDialog
        open={asking}
        title={t("confirm.suspend.title")}
        body={<p>{t("confirm.suspend.body")}</p>}
        confirmLabel={t("confirm.suspend.action")}
        danger
        onConfirm={() => {
          setAsking(false);
          void submit();
        }}
        onCancel={() => setAsking(false)}
        testId="notice-suspend"
      />
    </form>
  );
}
