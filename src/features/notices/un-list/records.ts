import { UnListParseError } from "./errors.ts";
import type {
  UnAlias,
  UnAliasQuality,
  UnDateOfBirth,
  UnDocument,
  UnEntity,
  UnIndividual,
  UnNames,
  UnPlace,
  UnRegime,
} from "./types.ts";

/** A parsed XML element: child tags as keys, repeated tags as arrays, leaf values as strings. */
export type XmlNode = Record<string, unknown>;

// Values seen in the real list that mean "nothing": a serialisation bug and a literal null.
const junk = new Set(["[object Object]", "null"]);

/** Whitespace-normalised text, or undefined for empty/placeholder values (stray spaces, line breaks). */
const text = (v: unknown): string | undefined => {
  if (typeof v !== "string" && typeof v !== "number") return undefined;
  const s = String(v).replace(/\s+/g, " ").trim();
  return s === "" || junk.has(s) ? undefined : s;
};

const nodeOf = (v: unknown): XmlNode | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as XmlNode) : undefined;

// Empty groups (<INDIVIDUAL_DOCUMENT/>) parse as "", so only objects count.
const nodesOf = (v: unknown): XmlNode[] =>
  (Array.isArray(v) ? v : [v]).map(nodeOf).filter((n): n is XmlNode => n !== undefined);

/** The texts of a <X><VALUE>..</VALUE>...</X> group, placeholders dropped. */
const values = (v: unknown): string[] =>
  (nodeOf(v)?.VALUE as unknown[] | undefined)?.map(text).filter((s): s is string => s !== undefined) ?? [];

const int = (v: unknown): number | undefined => {
  const s = text(v);
  return s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined;
};

/** Drop undefined members so records compare and serialise cleanly. */
const compact = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const regimes: Record<string, UnRegime> = { QD: "isil_al_qaida", TA: "taliban" };

const required = (n: XmlNode, tag: string, dataId: unknown): string => {
  const v = text(n[tag]);
  if (v === undefined) {
    throw new UnListParseError(
      "invalid_record",
      `A listed record (DATAID ${text(dataId) ?? "?"}) has no ${tag}`,
    );
  }
  return v;
};

const qualities: ReadonlySet<string> = new Set(["Good", "Low", "a.k.a.", "f.k.a."]);

const alias = (n: XmlNode): UnAlias | undefined => {
  const name = text(n.ALIAS_NAME);
  // Placeholder aliases (<QUALITY/><ALIAS_NAME/>) carry no name; a name-less alias cannot be screened.
  if (name === undefined) return undefined;
  const q = text(n.QUALITY);
  return compact({
    name,
    quality: (q !== undefined && qualities.has(q) ? q : "unknown") as UnAliasQuality,
    dateOfBirth: text(n.DATE_OF_BIRTH),
    cityOfBirth: text(n.CITY_OF_BIRTH),
    countryOfBirth: text(n.COUNTRY_OF_BIRTH),
    note: text(n.NOTE),
  });
};

const place = (n: XmlNode): UnPlace | undefined => {
  const p = compact({
    street: text(n.STREET),
    city: text(n.CITY),
    stateProvince: text(n.STATE_PROVINCE),
    zipCode: text(n.ZIP_CODE),
    country: text(n.COUNTRY),
    note: text(n.NOTE),
  });
  return Object.keys(p).length > 0 ? p : undefined;
};

const dateTypes = new Set(["EXACT", "APPROXIMATELY", "BETWEEN"]);

/** One INDIVIDUAL_DATE_OF_BIRTH: a full date, a year, or a year range; undefined for an empty placeholder. */
export const dateOfBirth = (n: XmlNode): UnDateOfBirth | undefined => {
  const t = text(n.TYPE_OF_DATE);
  const typeOfDate = t !== undefined && dateTypes.has(t) ? (t as UnDateOfBirth["typeOfDate"]) : undefined;
  const note = text(n.NOTE);
  const approximate = typeOfDate === "APPROXIMATELY" || /approx/i.test(note ?? "");
  const date = text(n.DATE)?.slice(0, 10);
  const year = int(n.YEAR);
  const fromYear = int(n.FROM_YEAR);
  const toYear = int(n.TO_YEAR);
  if (date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    return compact<UnDateOfBirth>({
      typeOfDate,
      precision: "day",
      approximate,
      date,
      year: Number(date.slice(0, 4)),
      note,
    });
  }
  if (fromYear !== undefined || toYear !== undefined) {
    return compact<UnDateOfBirth>({ typeOfDate, precision: "range", approximate, fromYear, toYear, note });
  }
  if (year !== undefined)
    return compact<UnDateOfBirth>({ typeOfDate, precision: "year", approximate, year, note });
  return note === undefined
    ? undefined
    : compact<UnDateOfBirth>({ typeOfDate, precision: "note", approximate, note });
};

const documentOf = (n: XmlNode): UnDocument | undefined => {
  const d = compact({
    type: text(n.TYPE_OF_DOCUMENT),
    typeDetail: text(n.TYPE_OF_DOCUMENT2),
    number: text(n.NUMBER),
    issuingCountry: text(n.ISSUING_COUNTRY) ?? text(n.COUNTRY_OF_ISSUE),
    cityOfIssue: text(n.CITY_OF_ISSUE),
    dateOfIssue: text(n.DATE_OF_ISSUE),
    note: text(n.NOTE),
  });
  return Object.keys(d).length > 0 ? d : undefined;
};

const defined = <T>(xs: (T | undefined)[]): T[] => xs.filter((x): x is T => x !== undefined);

const names = (n: XmlNode, dataId: unknown): UnNames => {
  const first = required(n, "FIRST_NAME", dataId);
  const parts = compact({
    first,
    second: text(n.SECOND_NAME),
    third: text(n.THIRD_NAME),
    fourth: text(n.FOURTH_NAME),
  });
  const full = [parts.first, parts.second, parts.third, parts.fourth].filter(Boolean).join(" ");
  return compact({ ...parts, full, originalScript: text(n.NAME_ORIGINAL_SCRIPT) });
};

/** Fields common to individuals and entities. */
const base = (n: XmlNode, aliasTag: string, addressTag: string) => {
  const dataId = int(n.DATAID);
  if (dataId === undefined)
    throw new UnListParseError("invalid_record", "A listed record has no numeric DATAID");
  const referenceNumber = required(n, "REFERENCE_NUMBER", dataId);
  const regimeCode = referenceNumber.slice(0, 2).toUpperCase();
  const regime = regimes[regimeCode] ?? "other";
  return {
    dataId,
    versionNum: int(n.VERSIONNUM) ?? 1,
    referenceNumber,
    regimeCode,
    regime,
    counterTerrorism: regime !== "other",
    unListType: text(n.UN_LIST_TYPE) ?? "",
    names: names(n, dataId),
    aliases: defined(nodesOf(n[aliasTag]).map(alias)),
    addresses: defined(nodesOf(n[addressTag]).map(place)),
    // Ten LISTED_ON values carry a zone suffix ("2006-10-12-05:00"): the calendar date is what counts.
    listedOn: text(n.LISTED_ON)?.slice(0, 10),
    comments: text(n.COMMENTS1),
    listTypes: values(n.LIST_TYPE),
    lastDayUpdated: values(n.LAST_DAY_UPDATED),
  };
};

export const toIndividual = (n: XmlNode): UnIndividual =>
  compact({
    kind: "individual" as const,
    ...base(n, "INDIVIDUAL_ALIAS", "INDIVIDUAL_ADDRESS"),
    gender: text(n.GENDER),
    titles: values(n.TITLE),
    designations: values(n.DESIGNATION),
    nationalities: values(n.NATIONALITY),
    datesOfBirth: defined(nodesOf(n.INDIVIDUAL_DATE_OF_BIRTH).map(dateOfBirth)),
    placesOfBirth: defined(nodesOf(n.INDIVIDUAL_PLACE_OF_BIRTH).map(place)),
    documents: defined(nodesOf(n.INDIVIDUAL_DOCUMENT).map(documentOf)),
  });

export const toEntity = (n: XmlNode): UnEntity =>
  compact({ kind: "entity" as const, ...base(n, "ENTITY_ALIAS", "ENTITY_ADDRESS") });
