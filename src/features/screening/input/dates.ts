/*
 * Dates as travellers give them. A date of birth may be partial (YYYY-MM or YYYY): documents of people
 * whose day or month of birth is unknown carry fillers there, and watchlists hold year-only dates.
 * Two-digit years (MRZ and PAXLST YYMMDD) get their century from the date they must not pass.
 */

/** ISO date: YYYY-MM-DD, YYYY-MM or YYYY. */
export type PartialDate = string;

/** How far ahead an expiry date may lie; a two-digit year beyond it is read in the previous century. */
export const EXPIRY_HORIZON_YEARS = 20;

/** A person older than this is taken for a typing error, not a traveller. */
const OLDEST_TRAVELLER_YEARS = 130;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Compares partial dates on what both give: "1974" is not after "1974-08-12". */
export function comparePartial(a: PartialDate, b: PartialDate): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether two partial dates can be the same day (one may be less precise than the other). */
export const sameDay = (a: PartialDate, b: PartialDate) => comparePartial(a, b) === 0;

function addYears(today: string, years: number): string {
  return `${pad(Number(today.slice(0, 4)) + years, 4)}${today.slice(4)}`;
}

export type DateReading = { ok: true; date: PartialDate | null } | { ok: false; message: string };

/**
 * YYMMDD with '<' for unknown parts (MRZ) or digits only (PAXLST). The century is the latest one
 * that puts the date on or before `limit`: a date of birth cannot be after today, and an expiry
 * cannot be more than EXPIRY_HORIZON_YEARS ahead. '74<<<<' gives "1974", '7408<<' "1974-08",
 * '<<<<<<' null (not given).
 */
export function readYymmdd(yymmdd: string, limit: string): DateReading {
  if (!/^[0-9<]{6}$/.test(yymmdd))
    return { ok: false, message: `${yymmdd} is not a date in the form YYMMDD` };
  if (yymmdd === "<<<<<<") return { ok: true, date: null };
  const [yy, mm, dd] = [yymmdd.slice(0, 2), yymmdd.slice(2, 4), yymmdd.slice(4, 6)];
  const known = (s: string) => /^\d\d$/.test(s);
  const unknown = (s: string) => s === "<<";
  if (!known(yy) || !(known(mm) || unknown(mm)) || !(known(dd) || unknown(dd)) || (unknown(mm) && known(dd)))
    return { ok: false, message: `${yymmdd} mixes digits and fillers in a way no date does` };
  const limitYear = Number(limit.slice(0, 4));
  let year = Math.floor(limitYear / 100) * 100 + Number(yy);
  const iso = (y: number) =>
    [pad(y, 4), known(mm) ? mm : null, known(dd) ? dd : null].filter(Boolean).join("-");
  while (comparePartial(iso(year), limit) > 0) year -= 100;
  if (known(mm) && !isRealDate(year, Number(mm), known(dd) ? Number(dd) : 1))
    return { ok: false, message: `${yymmdd} is not a real date` };
  return { ok: true, date: iso(year) };
}

export const readBirthYymmdd = (yymmdd: string, today: string) => readYymmdd(yymmdd, today);
export const readExpiryYymmdd = (yymmdd: string, today: string) =>
  readYymmdd(yymmdd, addYears(today, EXPIRY_HORIZON_YEARS));

/**
 * A date of birth typed in a form or a manifest: YYYY-MM-DD, YYYY-MM or YYYY (also YYYYMMDD). Refused:
 * impossible days (1990-02-30), dates after today, and dates more than 130 years ago.
 */
export function readDateOfBirth(raw: string, today: string): DateReading {
  const text = raw.trim();
  const match = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?$/.exec(text);
  if (!match)
    return { ok: false, message: `${JSON.stringify(text)} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)` };
  const [, y, m, d] = match as unknown as [string, string, string | undefined, string | undefined];
  if (m && !isRealDate(Number(y), Number(m), d ? Number(d) : 1))
    return { ok: false, message: `${text} is not a real date` };
  const date = [y, m, d].filter(Boolean).join("-");
  if (comparePartial(date, today) > 0) return { ok: false, message: `${date} is in the future` };
  if (Number(y) < Number(today.slice(0, 4)) - OLDEST_TRAVELLER_YEARS)
    return { ok: false, message: `${date} is more than ${OLDEST_TRAVELLER_YEARS} years ago` };
  return { ok: true, date };
}

/** Whether `today` is a real YYYY-MM-DD date; callers pass it, so a wrong one is a programming error. */
export function assertToday(today: string): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3])))
    throw new Error(`today must be a YYYY-MM-DD date, got ${JSON.stringify(today)}`);
}
