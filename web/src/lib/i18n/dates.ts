import { FSI, PDI } from "./icu.ts";
import { type Lang, localeOf } from "./languages.ts";

/*
 * One date format and one date-time format per language, everywhere: "12 May 2024", "12 mai 2024",
 * "12 may 2024", "12 مايو 2024"; the time on a 24-hour clock. A month name cannot be misread the way
 * 05/12 can between bureaus. Audit instants add the seconds to the same format.
 *
 * A calendar date as the server writes it (YYYY-MM-DD, or YYYY-MM / YYYY where the source leaves the
 * rest open) is formatted in UTC at the precision it has, so no time zone moves the day. An instant is
 * shown in the reader's time zone.
 */

const DAY: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
const MONTH: Intl.DateTimeFormatOptions = { month: "short", year: "numeric" };
const YEAR: Intl.DateTimeFormatOptions = { year: "numeric" };
const TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

const STYLES = {
  day: DAY,
  dayMonth: { day: "numeric", month: "short" },
  month: MONTH,
  year: YEAR,
  dateTime: { ...DAY, ...TIME },
  instant: { ...DAY, ...TIME, second: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

type Style = keyof typeof STYLES;

const CALENDAR = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, style: Style, utc: boolean): Intl.DateTimeFormat {
  const id = `${lang}|${style}|${utc}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf(lang), { ...STYLES[style], ...(utc ? { timeZone: "UTC" } : {}) });
    formatters.set(id, f);
  }
  return f;
}

type DateInput = string | Date | null | undefined;

/** A calendar date at its own precision, or null when the text is not one. */
function calendar(lang: Lang, text: string): string | null {
  const m = CALENDAR.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m;
  // Noon UTC, formatted in UTC: no time zone can move the day.
  const at = new Date(Date.UTC(Number(y), Number(mo ?? "1") - 1, Number(d ?? "1"), 12));
  if (Number.isNaN(at.getTime())) return null;
  return formatter(lang, d ? "day" : mo ? "month" : "year", true).format(at);
}

function instant(lang: Lang, value: DateInput, style: Style): string {
  if (!value) return "";
  if (typeof value === "string") {
    // INTERPOL's public notices write dates of birth as YYYY/MM/DD.
    const day = calendar(lang, /^\d{4}\/\d{2}(\/\d{2})?$/.test(value) ? value.replaceAll("/", "-") : value);
    if (day !== null) return day;
  }
  const at = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(at.getTime()) ? String(value) : formatter(lang, style, false).format(at);
}

/** A date ("" for none; a text that is no date is shown as it is). */
export const formatDate = (lang: Lang, value: DateInput): string => instant(lang, value, "day");

/** The date format without its year, for chart axes whose range says the year. */
export function formatDayMonth(lang: Lang, day: string): string {
  const m = CALENDAR.exec(day);
  if (!m?.[3]) return formatDate(lang, day);
  return formatter(lang, "dayMonth", true).format(new Date(`${day}T12:00:00Z`));
}

/**
 * A range of calendar dates ("1963–1968", "1 Jan 1963 – 1 May 1968") in the date format, at the
 * coarser precision of the two, bidi-isolated: a range of numbers must never read backwards in Arabic.
 */
export function formatDateRange(lang: Lang, from: string, to: string): string {
  const a = CALENDAR.exec(from);
  const b = CALENDAR.exec(to);
  if (!a || !b) return `${FSI}${from}–${to}${PDI}`;
  const style: Style = a[3] && b[3] ? "day" : a[2] && b[2] ? "month" : "year";
  const at = (m: RegExpExecArray) =>
    new Date(Date.UTC(Number(m[1]), Number(m[2] ?? "1") - 1, Number(m[3] ?? "1"), 12));
  return `${FSI}${formatter(lang, style, true).formatRange(at(a), at(b))}${PDI}`;
}

/** A date and time to the minute; a calendar date stays a date. */
export const formatDateTime = (lang: Lang, value: DateInput): string => instant(lang, value, "dateTime");

/** A date and time to the second, for audit entries and timelines. */
export const formatInstant = (lang: Lang, value: DateInput): string => instant(lang, value, "instant");
