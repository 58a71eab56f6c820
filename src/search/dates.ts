/*
 * Dates of birth as police sources give them: exact, month or year only, approximate ("about
 * 1970"), or a range ("between 1963 and 1968"). The store writes each in the Extended Date/Time
 * Format of ISO 8601-2 (EDTF level 1), so one string says what is known and how well:
 *   1970-05-12   exact          1970-05   month          1970   year
 *   1970~        about 1970     1963/1968 between 1963 and 1968 (either end may be YYYY-MM[-DD])
 * FtM's date type knows only the first three; `ftmDates` turns the others into what FtM writes.
 */

export type DateOfBirth = {
  /** The value as stored (EDTF). */
  edtf: string;
  precision: "day" | "month" | "year" | "range";
  approximate: boolean;
  /** The first and last day the value allows (YYYY-MM-DD): a year spans 1 January to 31 December. */
  from: string;
  to: string;
};

const PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const MIN_YEAR = 1800;

type Part = { from: string; to: string; precision: "day" | "month" | "year" };

/** One calendar date of YYYY, YYYY-MM or YYYY-MM-DD, or a reason it is not one (1985-02-30). */
function partOf(s: string): Part | string {
  const m = PART.exec(s);
  if (!m) return `"${s.slice(0, 40)}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`;
  const y = Number(m[1]);
  if (y < MIN_YEAR) return `${s} is not a real date`;
  if (!m[2]) return { from: `${y}-01-01`, to: `${y}-12-31`, precision: "year" };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return `${s} is not a real date`;
  if (!m[3])
    return { from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${lastDay(y, mo)}`, precision: "month" };
  const d = Number(m[3]);
  if (d < 1 || d > lastDay(y, mo)) return `${s} is not a real date`;
  return { from: s, to: s, precision: "day" };
}

/**
 * The spellings a file may use, rewritten to EDTF: "circa 1970", "c. 1970", "approx. 1970" and
 * "~1970" become 1970~; "1963..1968", "1963-1968" (a year after the hyphen cannot be a month) and
 * "between 1963 and 1968" become 1963/1968.
 */
function canonical(input: string): string {
  const s = input.trim().replace(/\s+/g, " ");
  const approx = /^(?:~|circa |ca\.? |c\. ?|approx(?:\.|imately)? |about )(\S+)$/i.exec(s);
  if (approx) return `${approx[1]}~`;
  const between = /^between (\S+) and (\S+)$/i.exec(s);
  if (between) return `${between[1]}/${between[2]}`;
  const yearRange = /^(\d{4})(?:\.\.|-)(\d{4})$/.exec(s);
  if (yearRange) return `${yearRange[1]}/${yearRange[2]}`;
  return s.replace("..", "/");
}

/** A date of birth in any accepted spelling, or the reason it is refused. */
export function parseDateOfBirth(input: string): DateOfBirth | string {
  const s = canonical(input);
  if (s.includes("/")) {
    const [a = "", b = "", ...rest] = s.split("/");
    if (rest.length) return `"${input.slice(0, 40)}" is not a date range`;
    const from = partOf(a);
    const to = partOf(b);
    if (typeof from === "string") return from;
    if (typeof to === "string") return to;
    if (from.from > to.to) return `${input.slice(0, 40)}: the range ends before it starts`;
    return { edtf: `${a}/${b}`, precision: "range", approximate: false, from: from.from, to: to.to };
  }
  const approximate = s.endsWith("~");
  const core = approximate ? s.slice(0, -1) : s;
  const p = partOf(core);
  if (typeof p === "string") return p;
  return { edtf: s, precision: p.precision, approximate, from: p.from, to: p.to };
}

/** The problem with a date of birth, or null (the validators' shape). */
export const dateOfBirthProblem = (s: string): string | null => {
  const d = parseDateOfBirth(s);
  return typeof d === "string" ? d : null;
};

/** A date value rewritten to EDTF; the input when it is not one (the validator refuses it). */
export const normaliseDateOfBirth = (s: string): string => {
  const d = parseDateOfBirth(s);
  return typeof d === "string" ? s : d.edtf;
};

/** At most this many years of a range are written out for FtM; wider ranges give their ends. */
const MAX_RANGE_YEARS = 12;

/**
 * The value as FtM's date type writes it: approximate becomes its plain date, and a range
 * becomes the years it spans (OpenSanctions writes "between 1963 and 1968" the same way), so a
 * tool that reads FtM matches any of them.
 */
export function ftmDates(edtf: string): string[] {
  const d = parseDateOfBirth(edtf);
  if (typeof d === "string") return [];
  if (d.precision !== "range") return [edtf.replace(/~$/, "")];
  const first = Number(d.from.slice(0, 4));
  const last = Number(d.to.slice(0, 4));
  if (last - first + 1 > MAX_RANGE_YEARS) return [String(first), String(last)];
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
}
