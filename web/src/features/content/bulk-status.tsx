import { useId, useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { SelectField, TextAreaField } from "../../components/fields.tsx";
import { client, data } from "../../lib/api/client.ts";
import type { Answer } from "../../lib/api/schema.ts";
import type { Labels } from "../../lib/field-labels.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { useSubmit } from "../../lib/use-submit.ts";
import { ENTRY_STATUSES, type EntryStatus } from "./types.ts";

type Result = Answer<"setBankEntriesStatus">;

const LABELS: Labels = {
  entryIds: "deadends.bulk.selected",
  status: "deadends.bulk.status",
  reason: "deadends.bulk.reason",
};

/**
 * The status of the selected entries, with the reason, in one request: the server changes all of them
 * or none (and says which it refused), and audits each change with the reason.
 */
export function BulkStatusForm({
  bankId,
  selected,
  onDone,
}: {
  bankId: string;
  selected: number[];
  onDone: (result: Result) => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [status, setStatus] = useState<EntryStatus>("disputed");
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<Result | null>(null);
  const { pending, error, handler } = useSubmit();
  const count = selected.length;

  const submit = handler(async () => {
    setDone(null);
    const result = await data(
      client.POST("/api/v1/content/banks/{id}/entries/status", {
        params: { path: { id: bankId } },
        body: { entryIds: selected, status, reason: reason.trim() },
      }),
    );
    setDone(result);
    setReason("");
    onDone(result);
  });

  return (
    <form
      className="panel bulk-status"
      onSubmit={submit}
      aria-labelledby={headingId}
      data-testid="bulk-status"
    >
      <h3 id={headingId}>{t("deadends.bulk.title")}</h3>
      <p className="hint" data-testid="bulk-selected">
        {t("deadends.bulk.selectedCount", { count })}
      </p>
      <ErrorAlert error={error} labels={LABELS} />
      <div role="status">
        {done && (
          <p className="alert alert-success" data-testid="bulk-done">
            {t("deadends.bulk.done", { changed: done.changed, unchanged: done.unchanged })}
          </p>
        )}
      </div>
      <div className="toolbar">
        <SelectField
          label={t("deadends.bulk.status")}
          value={status}
          onChange={(e) => setStatus(e.target.value as EntryStatus)}
          testId="bulk-status-select"
        >
          {ENTRY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`content.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t("deadends.bulk.reason")}
          className="grow"
          required
          rows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          testId="bulk-reason"
        />
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={pending || count === 0 || !reason.trim()}
          data-testid="bulk-apply"
        >
          {t("deadends.bulk.apply", { count, status: t(`content.status.${status}`) })}
        </button>
      </div>
    </form>
  );
}
