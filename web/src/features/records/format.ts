import { formatDate } from "../../lib/i18n/dates.ts";
import { hasOwnText, type I18n, type MessageKey } from "../../lib/i18n/index.tsx";

/*
 * How the persons screens write the values the store keeps in machine form: dates of birth in EDTF
 * (1970~, 1963/1968), FtM topics (crime.terror, role.ftf), FtM country codes (lower case) and
 * property names. Everything goes through Intl and the i18n messages, so Arabic reads as Arabic.
 */

const PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** One calendar date of YYYY, YYYY-MM or YYYY-MM-DD as precise as it is (the app's one date format), or null. */
function partText(s: string, i18n: Pick<I18n, "lang">): string | null {
  return PART.test(s) ? formatDate(i18n.lang, s) : null;
}

/** The locale Intl formats with for the current language (Latin digits in Arabic, as the shell does). */
export function localeOf(i18n: Pick<I18n, "lang">): string {
  return i18n.lang === "ar" ? "ar-u-nu-latn" : i18n.lang === "en" ? "en-GB" : i18n.lang;
}

/**
 * A date of birth in EDTF as a reader says it: "12 May 1970", "May 1970", "1970", "about 1970",
 * "between 1963 and 1968". A value the formatter does not know is shown as stored.
 */
export function edtfText(edtf: string, i18n: I18n): string {
  if (edtf.includes("/")) {
    const [a = "", b = ""] = edtf.split("/");
    const from = partText(a, i18n);
    const to = partText(b, i18n);
    return from && to ? i18n.t("persons.dob.between", { from, to }) : edtf;
  }
  if (edtf.endsWith("~")) {
    const core = partText(edtf.slice(0, -1), i18n);
    return core ? i18n.t("persons.dob.about", { date: core }) : edtf;
  }
  return partText(edtf, i18n) ?? edtf;
}

/** A topic's label ("role.ftf" is "Foreign terrorist fighter"); an unknown topic as stored. */
export function topicLabel(topic: string, i18n: I18n): string {
  const key = `persons.topic.${topic}`;
  return hasOwnText("en", key) ? i18n.t(key as MessageKey) : topic;
}

/** Topics that mark a file as serious get the warning colour. */
export const ALERT_TOPICS: ReadonlySet<string> = new Set(["crime.terror", "role.ftf", "wanted", "sanction"]);

/** A property's label ("birthDate" is "Date of birth"); an unknown one keeps its FtM name. */
export function propLabel(prop: string, i18n: I18n): string {
  const key = `persons.prop.${prop}`;
  return hasOwnText("en", key) ? i18n.t(key as MessageKey) : prop;
}

/** A country's name in the reader's language, from its ISO code (FtM writes them in lower case). */
export function countryName(code: string, i18n: I18n): string {
  return i18n.country(code);
}

/** FtM property types the screens render specially. */
const DATE_PROPS = new Set(["birthDate", "deathDate", "startDate", "endDate", "date", "incorporationDate"]);
const COUNTRY_PROPS = new Set(["nationality", "country", "citizenship", "jurisdiction", "birthCountry"]);

/** A value as a reader reads it: dates, countries, topics and sexes in words. */
export function valueText(prop: string, value: string, i18n: I18n): string {
  if (DATE_PROPS.has(prop)) return edtfText(value, i18n);
  if (COUNTRY_PROPS.has(prop)) return countryName(value, i18n);
  if (prop === "topics") return topicLabel(value, i18n);
  if (prop === "gender" && hasOwnText("en", `persons.gender.${value}`))
    return i18n.t(`persons.gender.${value}` as MessageKey);
  return value;
}

export const isDateProp = (prop: string) => DATE_PROPS.has(prop);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A value that names another record (FtM entity properties hold record ids). */
export const isRecordId = (value: string) => UUID.test(value);

/** The order properties are shown in: names first, then identity, then the rest alphabetically. */
const ORDER = [
  "name",
  "alias",
  "weakAlias",
  "previousName",
  "firstName",
  "lastName",
  "birthDate",
  "birthPlace",
  "nationality",
  "country",
  "gender",
  "topics",
];
export function byDisplayOrder(a: string, b: string): number {
  const ia = ORDER.indexOf(a);
  const ib = ORDER.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? ORDER.length : ia) - (ib === -1 ? ORDER.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A schema's label ("Organization" is "Group or organisation"); others keep their FtM name. */
export function schemaLabel(schema: string, i18n: I18n): string {
  const key = `persons.schema.${schema}`;
  return hasOwnText("en", key) ? i18n.t(key as MessageKey) : schema;
}
