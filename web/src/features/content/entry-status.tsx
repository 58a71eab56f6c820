import { useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { client, data } from "../../lib/api/client.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { ENTRY_STATUSES, type Entry, type EntryStatus } from "./types.ts";

/** How a row is named to screen readers: its signal type and the start of its hash ("pdq 3f2a9c1e…"). */
export const entryName = (e: Pick<Entry, "signalType" | "value">): string =>
  `${e.signalType} ${e.value.slice(0, 8)}…`;

export function StatusBadge({ status }: { status: EntryStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-entry-${status}`}>{t(`content.status.${status}`)}</span>;
}

/** Choose a new status, then apply it: nothing changes until the button is pressed. */
export function EntryStatusControl({ entry, onChanged }: { entry: Entry; onChanged: (e: Entry) => void }) {
  const { t } = useI18n();
  const [next, setNext] = useState<EntryStatus>(entry.status);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const id = `entry-status-${entry.id}`;

  const apply = async () => {
    setPending(true);
    setError(undefined);
    try {
      onChanged(
        await data(
          client.PATCH("/api/v1/content/entries/{id}", {
            params: { path: { id: entry.id } },
            body: { status: next },
          }),
        ),
      );
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="status-control">
      <label htmlFor={id} className="visually-hidden">
        {t("deadends.entry.statusOf", { name: entryName(entry) })}
      </label>
      <select
        id={id}
        value={next}
        onChange={(e) => setNext(e.target.value as EntryStatus)}
        data-testid={`entry-status-select-${entry.id}`}
      >
        {ENTRY_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`content.status.${s}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn-small"
        disabled={pending || next === entry.status}
        onClick={apply}
        aria-label={t("deadends.entry.applyTo", {
          status: t(`content.status.${next}`),
          name: entryName(entry),
        })}
        data-testid={`entry-status-apply-${entry.id}`}
      >
        {t("content.apply")}
      </button>
      <ErrorAlert error={error} />
    </div>
  );
}
