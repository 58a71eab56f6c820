import { readBirthYymmdd, readExpiryYymmdd } from "./dates.ts";
import { readEdifact, type Segment } from "./edifact.ts";
import type { FormatReading, ManifestProblem, RawRow } from "./manifest.types.ts";

/*
 * UN/EDIFACT PAXLST (the WCO/IATA/ICAO API message) as airlines send it. A passenger's segment group
 * starts at NAD+FL (passenger), NAD+DDU (passenger in transit), NAD+FM (crew) or NAD+DDT (crew in
 * transit) and runs to the next such NAD, the CNT or the UNT. In it: NAD name surname:given:given,
 * ATT+2 sex, DTM+329 date of birth, NAT+2 nationality, RFF references, then per document DOC (code
 * and number), DTM+36 expiry and LOC+91 issuing country.
 */

const travellerParties = new Set(["FL", "DDU", "FM", "DDT"]);

/* DOC document name codes: P passport, V visa, A/C/I/IP identity cards, AC crew member certificate,
   F approved non-standard travel document, M military identification. */
function documentType(code: string): string {
  if (code.startsWith("P") && code !== "PT") return "passport";
  if (code === "V") return "visa";
  if (code === "AC" || code === "F" || code === "PT") return "travel_document";
  if (["A", "C", "I", "IP", "ID"].includes(code)) return "id_card";
  return "other";
}

const at = (s: Segment, element: number, component = 0) => (s.elements[element]?.[component] ?? "").trim();

interface Group {
  start: Segment;
  segments: Segment[];
}

/** DTM dates: YYMMDD (format 101, the default) or CCYYMMDD (102). */
function date(
  raw: string,
  read: typeof readBirthYymmdd,
  today: string,
): { date: string | null; problem?: string } {
  if (/^\d{8}$/.test(raw)) {
    const r = read(raw.slice(2), `${raw.slice(0, 4)}-12-31`);
    return r.ok ? { date: r.date } : { date: null, problem: r.message };
  }
  const r = read(raw, today);
  return r.ok ? { date: r.date } : { date: null, problem: r.message };
}

function readGroup(group: Group, position: number, today: string): RawRow {
  const problems: string[] = [];
  const [surname = "", ...given] = group.start.elements[3] ?? [];
  const documents: Array<{ number: string; country?: string; type: string; expiryDate?: string }> = [];
  const refs: Record<string, string> = {};
  let sex: string | undefined;
  let dateOfBirth: string | undefined;
  let nationality: string | undefined;
  for (const s of group.segments) {
    const doc = documents[documents.length - 1];
    if (s.tag === "ATT" && at(s, 0) === "2") sex = at(s, 2);
    else if (s.tag === "NAT" && at(s, 0) === "2") nationality = at(s, 1);
    else if (s.tag === "RFF") refs[at(s, 0, 0)] ??= at(s, 0, 1);
    else if (s.tag === "DOC") documents.push({ number: at(s, 1), type: documentType(at(s, 0)) });
    else if (s.tag === "LOC" && at(s, 0) === "91" && doc) doc.country = at(s, 1);
    else if (s.tag === "DTM") {
      const [qualifier, value = ""] = s.elements[0] ?? [];
      if (qualifier === "329") {
        const r = date(value.trim(), readBirthYymmdd, today);
        if (r.problem) problems.push(`DTM+329 (segment ${s.index}): the date of birth ${r.problem}`);
        else dateOfBirth = r.date ?? undefined;
      } else if (qualifier === "36" && doc) {
        const r = date(value.trim(), readExpiryYymmdd, today);
        if (r.problem) problems.push(`DTM+36 (segment ${s.index}): the expiry date ${r.problem}`);
        else if (r.date?.length === 10) doc.expiryDate = r.date;
      }
    }
  }
  if (!surname.trim()) problems.push(`NAD+${at(group.start, 0)} (segment ${group.start.index}) has no name`);
  for (const d of documents) if (!d.number) problems.push("a DOC segment has no document number");
  // ABO is the passenger's own reference; AVF (the booking reference) may be shared by a party.
  const id = refs.ABO || refs.AVF || null;
  const input = {
    surname: surname.trim() || undefined,
    givenNames:
      given
        .map((g) => g.trim())
        .filter(Boolean)
        .join(" ") || undefined,
    sex,
    dateOfBirth,
    nationality,
    documents: documents.filter((d) => d.number),
  };
  return problems.length > 0 ? { position, id, input, problems } : { position, id, input };
}

/**
 * Reads an interchange: one or more PAXLST messages, their passengers in order. A message cut short
 * (no UNT/UNZ, or a segment without its terminator) keeps every passenger whose group was closed by
 * the next NAD; the passenger being read at the cut becomes a row with a problem, and the file gets a
 * `truncated` problem. A UNT whose segment count is wrong gives `segment_count`: segments were lost,
 * though the passengers read are still returned.
 */
export function readPaxlst(text: string, today: string): FormatReading {
  const { segments, unterminated } = readEdifact(text);
  const problems: ManifestProblem[] = [];
  const rows: RawRow[] = [];
  let group: Group | null = null;
  let messageStart: Segment | null = null;
  let messages = 0;
  let groups = 0;
  let sawUnz = false;
  const close = () => {
    if (group) rows.push(readGroup(group, rows.length + 1, today));
    group = null;
  };
  for (const s of segments) {
    if (s.tag === "UNH") {
      close();
      messageStart = s;
      messages++;
      if (at(s, 1) !== "PAXLST")
        problems.push({
          code: "not_paxlst",
          message: `message ${at(s, 0)} is a ${at(s, 1) || "?"}, not a PAXLST`,
        });
    } else if (s.tag === "UNT") {
      close();
      const counted = messageStart ? s.index - messageStart.index + 1 : null;
      if (counted === null)
        problems.push({ code: "envelope", message: `UNT at segment ${s.index} has no UNH before it` });
      else if (String(counted) !== at(s, 0))
        problems.push({
          code: "segment_count",
          message: `message ${at(s, 1)} says it has ${at(s, 0)} segments but has ${counted}: segments are missing or extra`,
        });
      messageStart = null;
    } else if (s.tag === "UNG") {
      groups++;
    } else if (s.tag === "UNZ") {
      sawUnz = true;
      // UNZ counts the functional groups where there are any, else the messages.
      const [count, what] = groups > 0 ? [groups, "functional group(s)"] : [messages, "message(s)"];
      if (at(s, 0) !== String(count))
        problems.push({
          code: "envelope",
          message: `UNZ counts ${at(s, 0)}, the interchange has ${count} ${what}`,
        });
    } else if (s.tag === "NAD" && travellerParties.has(at(s, 0))) {
      close();
      group = { start: s, segments: [] };
    } else if (s.tag === "CNT" || s.tag === "NAD") {
      close();
    } else if (group) {
      (group as Group).segments.push(s);
    }
  }
  if (messages === 0) problems.push({ code: "not_paxlst", message: "the interchange holds no UNH message" });
  const cut = messageStart !== null || !sawUnz || unterminated !== null;
  if (cut) {
    const last = segments[segments.length - 1];
    const pending = group as Group | null;
    if (pending) {
      // Whatever of the passenger came through is kept for the officer to see, but not screened.
      const row = readGroup(pending, rows.length + 1, today);
      const cutHere = `the message was cut short in this passenger's data (NAD at segment ${pending.start.index})`;
      rows.push({ ...row, problems: [...(row.problems ?? []), cutHere] });
    }
    const missing = messageStart !== null ? "UNT and UNZ" : !sawUnz ? "UNZ" : "a segment terminator";
    problems.push({
      code: "truncated",
      message: `the PAXLST was cut short after segment ${last?.index ?? 0} (${last?.tag ?? "none"}): no ${missing}; ${rows.length - (pending ? 1 : 0)} complete passenger(s) read`,
    });
  }
  return { rows, problems };
}
