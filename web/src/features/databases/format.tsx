import { useMemo } from "react";
import { CountryName } from "../../components/country-name.tsx";
import { formatDate } from "../../lib/i18n/dates.ts";
import { hasOwnText, LANGUAGES, type MessageKey, useI18n } from "../../lib/i18n/index.tsx";
import type { FieldSpec } from "./specs.ts";

/** A message key built from data ("db.docStatus.stolen"): the key when it exists, else null. */
export const keyOf = (key: string): MessageKey | null => (hasOwnText("en", key) ? (key as MessageKey) : null);

/**
 * Formatting in the reader's language beyond what the i18n context gives: calendar dates (review
 * dates, event dates) read in UTC so a date never shifts by a day with the reader's time zone,
 * durations and rates with their units, and the labels of coded values.
 */
export function useFormat() {
  const { t, lang } = useI18n();
  return useMemo(() => {
    const locale = LANGUAGES.find((l) => l.code === lang)?.locale ?? "en-GB";
    const seconds = new Intl.NumberFormat(locale, {
      style: "unit",
      unit: "second",
      maximumFractionDigits: 0,
    });
    const minutes = new Intl.NumberFormat(locale, {
      style: "unit",
      unit: "minute",
      maximumFractionDigits: 0,
    });
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
    return {
      locale,
      /** `YYYY-MM-DD` (or an instant) as a calendar date, in the app's one date format. */
      day: (iso: unknown): string => (typeof iso === "string" ? formatDate(lang, iso) : ""),
      duration: (s: number): string => (s < 120 ? seconds.format(s) : minutes.format(s / 60)),
      decimal: (n: number): string => decimal.format(n),
      percent: (n: number): string => percent.format(n),
      /** The label of a coded value ("stolen" as "Stolen"), or the value as sent when unknown. */
      option: (prefix: string | undefined, value: unknown): string => {
        if (value === null || value === undefined || value === "") return "";
        const key = prefix ? keyOf(`${prefix}.${String(value)}`) : null;
        return key ? t(key) : String(value);
      },
    };
  }, [lang, t]);
}

export type Format = ReturnType<typeof useFormat>;

/** A field's value as the list and the detail page show it. */
export function FieldValue({ field, value, f }: { field: FieldSpec; value: unknown; f: Format }) {
  const { t } = useI18n();
  if (value === null || value === undefined || value === "") return <span className="muted">—</span>;
  if (field.kind === "flag") return <>{t(value ? "common.yes" : "common.no")}</>;
  if (field.kind === "date") return <time dateTime={String(value)}>{f.day(value)}</time>;
  if (field.kind === "select") return <>{f.option(field.optionPrefix, value)}</>;
  if (field.kind === "number") return <>{f.decimal(Number(value))}</>;
  // Country codes by name (the code beside it); identifiers isolated left to right, whatever the page's direction.
  if (field.hint === "db.hint.countryCode") return <CountryName code={String(value)} withCode />;
  if (field.code) return <code dir="ltr">{String(value)}</code>;
  return <bdi>{String(value)}</bdi>;
}
