import { useState } from "react";
import { useI18n } from "../lib/i18n/index.tsx";

/** First and last characters of a long hash; the full value is in the title and copied whole. */
export const abbreviate = (value: string, keep = 8): string =>
  value.length <= keep * 2 + 1 ? value : `${value.slice(0, keep)}…${value.slice(-keep)}`;

/** `name` names the row in the copy button's label where a table shows many hashes ("Copy md5 3f2a…"). */
export function HashValue({ value, testId, name }: { value: string; testId?: string; name?: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard refused: the full value stays readable in the title and to assistive technology.
    }
  };

  return (
    <span className="hash" dir="ltr">
      <code title={value} data-testid={testId} data-value={value}>
        <span aria-hidden="true">{abbreviate(value)}</span>
        <span className="visually-hidden">{value}</span>
      </code>
      <button
        type="button"
        className="btn btn-small btn-copy"
        onClick={copy}
        aria-label={name ? t("deadends.hash.copyOf", { name }) : t("content.copyHash")}
        title={t("content.copyHash")}
      >
        {copied ? "✓" : t("common.copy")}
      </button>
      <span role="status" className="visually-hidden">
        {copied ? t("common.copied") : ""}
      </span>
    </span>
  );
}
