import { parseDateOfBirth } from "../dates.ts";

/*
 * Date of birth as a qualifier of a name match. The query gives what a document or an officer
 * gives (YYYY-MM-DD, YYYY-MM or YYYY, sometimes unpadded or impossible: read what can be read);
 * the listed person may have several dates, each exact, partial, approximate or a range (EDTF).
 * The best-agreeing listed date decides.
 */

export type BirthDateResult =
  | "exact"
  | "same_month"
  | "same_year"
  | "within_range"
  | "approximate"
  | "day_month_swapped"
  | "close"
  | "conflict"
  | "not_given";

export type BirthDateExplanation = {
  result: BirthDateResult;
  /** What this feature added to (or took from) the score. */
  effect: number;
  query?: string;
  listed?: string;
  /** The query date could only be read in part (1974-01-32 was read as 1974-01). */
  queryReadAs?: string;
};

/** Score effect of each result. A year apart is "close": documents and lists often disagree by one. */
const EFFECT: Record<BirthDateResult, number> = {
  exact: 0.07,
  same_month: 0.04,
  same_year: 0.03,
  within_range: 0.02,
  approximate: 0.01,
  day_month_swapped: 0.02,
  close: -0.04,
  conflict: -0.2,
  not_given: 0,
};
/** The most a date of birth can add to a score. */
export const BIRTH_DATE_MAX_EFFECT = Math.max(...Object.values(EFFECT));
const RANK: BirthDateResult[] = [
  "exact",
  "same_month",
  "day_month_swapped",
  "same_year",
  "within_range",
  "approximate",
  "close",
  "conflict",
];

/** Days from 1 January 1800 of a YYYY-MM-DD (for range arithmetic without Date objects). */
export function dayNumber(iso: string): number {
  const y0 = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) || 1;
  const d = Number(iso.slice(8, 10)) || 1;
  // Days from civil (proleptic Gregorian), shifted so that 1 January 1800 is 0: no Date objects.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468 + 62_091;
}

export type QueryDate = { year: number; month?: number; day?: number; text: string; readAs?: string };

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, "0");

/** A query date read leniently: unpadded parts accepted, an impossible day or month dropped. */
export function readQueryDate(text: string | undefined): QueryDate | undefined {
  const m = /^\s*(\d{4})(?:[-./](\d{1,2})(?:[-./](\d{1,2}))?)?\s*$/.exec(text ?? "");
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1800 || year > 2200) return undefined;
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  const q: QueryDate = { year, text: text?.trim() ?? "" };
  if (month !== undefined && month >= 1 && month <= 12) {
    q.month = month;
    if (day !== undefined && day >= 1 && day <= lastDay(year, month)) q.day = day;
  }
  const shown = q.day
    ? `${year}-${pad(month ?? 1)}-${pad(q.day)}`
    : q.month
      ? `${year}-${pad(q.month)}`
      : `${year}`;
  if ((month !== undefined && !q.month) || (day !== undefined && !q.day)) q.readAs = shown;
  return q;
}

/* Listed dates recur (a few tens of thousands of distinct days across a million persons): each is
 * parsed once rather than once per candidate scored. */
type ListedDate = Exclude<ReturnType<typeof parseDateOfBirth>, string> & { fromDay: number; toDay: number };
const parsedDates = new Map<string, ListedDate | null>();
function parsedDate(listed: string): ListedDate | null {
  let d = parsedDates.get(listed);
  if (d === undefined) {
    if (parsedDates.size >= 100_000) parsedDates.clear();
    const p = parseDateOfBirth(listed);
    d = typeof p === "string" ? null : { ...p, fromDay: dayNumber(p.from), toDay: dayNumber(p.to) };
    parsedDates.set(listed, d);
  }
  return d;
}

/** The query date's first and last day (computed once per query). */
function querySpan(q: QueryDate & { span?: [number, number] }): [number, number] {
  if (q.span) return q.span;
  const from = dayNumber(`${q.year}-${pad(q.month ?? 1)}-${pad(q.day ?? 1)}`);
  const to = q.day
    ? from
    : dayNumber(`${q.year}-${pad(q.month ?? 12)}-${pad(q.month ? lastDay(q.year, q.month) : 31)}`);
  q.span = [from, to];
  return q.span;
}

/** One query date against one listed EDTF date. */
function compareOne(q: QueryDate, listed: string): BirthDateResult | undefined {
  const d = parsedDate(listed);
  if (d === null) return undefined;
  const [qFrom, qTo] = querySpan(q);
  const from = d.fromDay;
  const to = d.toDay;
  const yearOf = (s: string) => Number(s.slice(0, 4));
  if (d.approximate) {
    const gap = Math.min(Math.abs(q.year - yearOf(d.from)), Math.abs(q.year - yearOf(d.to)));
    if (qTo >= from && qFrom <= to) return "approximate";
    return gap <= 2 ? "approximate" : gap <= 3 ? "close" : "conflict";
  }
  if (d.precision === "range") {
    if (qFrom >= from && qTo <= to) return "within_range";
    if (qTo >= from && qFrom <= to) return "within_range";
    const gap = Math.min(Math.abs(q.year - yearOf(d.from)), Math.abs(q.year - yearOf(d.to)));
    return gap <= 1 ? "close" : "conflict";
  }
  if (qFrom === from && qTo === to && d.precision === "day") return "exact";
  if (qTo >= from && qFrom <= to) {
    // The two overlap: the coarser of the two says how much is known to agree.
    const bothDays = q.day && d.precision === "day";
    if (bothDays) return "exact";
    return (q.month && d.precision !== "year") || (q.day && d.precision === "month")
      ? "same_month"
      : "same_year";
  }
  if (q.day && q.month && d.precision === "day") {
    const [ly = 0, lm = 0, ld = 0] = d.from.split("-").map(Number);
    if (ly === q.year && lm === q.day && ld === q.month) return "day_month_swapped";
    // Two full dates are "close" when one part slipped: the year by one, or the month by one.
    const yearSlip = Math.abs(ly - q.year) === 1 && lm === q.month && ld === q.day;
    const monthSlip = ly === q.year && Math.abs(lm - q.month) === 1 && ld === q.day;
    return yearSlip || monthSlip ? "close" : "conflict";
  }
  const gap = Math.abs(q.year - yearOf(d.from));
  return gap <= 1 ? "close" : "conflict";
}

/* The query date is the same for every candidate of one search. */
let lastQuery: { text: string | undefined; date: QueryDate | undefined } = {
  text: undefined,
  date: undefined,
};

export function compareBirthDates(
  query: string | undefined,
  listed: readonly string[] | undefined,
): BirthDateExplanation {
  const q = lastQuery.text === query ? lastQuery.date : readQueryDate(query);
  lastQuery = { text: query, date: q };
  if (!q || !listed || listed.length === 0) return { result: "not_given", effect: 0 };
  let best: { result: BirthDateResult; listed: string } | undefined;
  for (const l of listed) {
    const r = compareOne(q, l);
    if (r && (!best || RANK.indexOf(r) < RANK.indexOf(best.result))) best = { result: r, listed: l };
  }
  if (!best) return { result: "not_given", effect: 0 };
  const out: BirthDateExplanation = {
    result: best.result,
    effect: EFFECT[best.result],
    query: q.text,
    listed: best.listed,
  };
  if (q.readAs) out.queryReadAs = q.readAs;
  return out;
}
