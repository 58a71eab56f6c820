import { type Lang, localeOf } from "../../lib/i18n/languages.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Unit = "minute" | "hour" | "day" | "week" | "month" | "year";

/** The largest unit that still reads naturally: 90 minutes is "90 minutes", 50 hours "2 days". */
function unitOf(ms: number): { value: number; unit: Unit } {
  if (ms < HOUR) return { value: Math.floor(ms / MINUTE), unit: "minute" };
  if (ms < 2 * DAY) return { value: Math.floor(ms / HOUR), unit: "hour" };
  if (ms < 14 * DAY) return { value: Math.floor(ms / DAY), unit: "day" };
  if (ms < 60 * DAY) return { value: Math.floor(ms / (7 * DAY)), unit: "week" };
  if (ms < 730 * DAY) return { value: Math.floor(ms / (30 * DAY)), unit: "month" };
  return { value: Math.floor(ms / (365 * DAY)), unit: "year" };
}

/**
 * A length of time in words, in the reader's language ("3 days", "3 jours", "3 días", "3 أيام"),
 * with the language's own plural forms (Intl unit formatting); null under a minute.
 */
export function durationWords(lang: Lang, ms: number): string | null {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return null;
  const { value, unit } = unitOf(abs);
  return new Intl.NumberFormat(localeOf(lang), { style: "unit", unit, unitDisplay: "long" }).format(value);
}
