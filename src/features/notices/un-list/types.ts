/**
 * Typed records of the UN Security Council Consolidated List, as produced by parse.ts.
 * Text values are whitespace-normalised; empty placeholder groups are dropped; dates stay ISO strings.
 */

/** QD = ISIL (Da'esh) and Al-Qaida (res. 1267/1989/2253), TA = Taliban (res. 1988); the rest are other regimes. */
export type UnRegime = "isil_al_qaida" | "taliban" | "other";

export type UnAliasQuality = "Good" | "Low" | "a.k.a." | "f.k.a." | "unknown";

export interface UnAlias {
  name: string;
  quality: UnAliasQuality;
  /** Some aliases carry their own birth data (free text: "1938-08-17", "1960", "1962 - 1963"). */
  dateOfBirth?: string;
  cityOfBirth?: string;
  countryOfBirth?: string;
  note?: string;
}

export interface UnDateOfBirth {
  /** The list's TYPE_OF_DATE; undefined when the element omits it. */
  typeOfDate: "EXACT" | "APPROXIMATELY" | "BETWEEN" | undefined;
  /** "note": only free text survives ("Nov. 1973", "30-35 years old"), kept for the reviewer. */
  precision: "day" | "year" | "range" | "note";
  /** True for APPROXIMATELY or a note saying "approximately". */
  approximate: boolean;
  /** YYYY-MM-DD when precision is "day". */
  date?: string;
  year?: number;
  fromYear?: number;
  toYear?: number;
  note?: string;
}

export interface UnPlace {
  street?: string;
  city?: string;
  stateProvince?: string;
  zipCode?: string;
  country?: string;
  note?: string;
}

export interface UnDocument {
  type?: string;
  /** TYPE_OF_DOCUMENT2: the free-text refinement ("Afghan national identification card (tazkira) number"). */
  typeDetail?: string;
  number?: string;
  /** ISSUING_COUNTRY, or COUNTRY_OF_ISSUE when only that is given. */
  issuingCountry?: string;
  cityOfIssue?: string;
  dateOfIssue?: string;
  note?: string;
}

export interface UnNames {
  first?: string;
  second?: string;
  third?: string;
  fourth?: string;
  /** The name parts joined; for entities the whole name, which the list keeps in FIRST_NAME. */
  full: string;
  originalScript?: string;
}

interface UnListedBase {
  dataId: number;
  versionNum: number;
  /** e.g. "QDi.006". */
  referenceNumber: string;
  /** The two-letter prefix of the reference ("QD", "TA", "KP", ...). */
  regimeCode: string;
  regime: UnRegime;
  /** False for regimes other than ISIL/Al-Qaida and Taliban: kept, but flagged as outside counter-terrorism. */
  counterTerrorism: boolean;
  /** UN_LIST_TYPE as written ("Al-Qaida", "Taliban", "DPRK", ...). */
  unListType: string;
  names: UnNames;
  aliases: UnAlias[];
  addresses: UnPlace[];
  listedOn?: string;
  comments?: string;
  listTypes: string[];
  lastDayUpdated: string[];
}

export interface UnIndividual extends UnListedBase {
  kind: "individual";
  gender?: string;
  titles: string[];
  designations: string[];
  nationalities: string[];
  datesOfBirth: UnDateOfBirth[];
  placesOfBirth: UnPlace[];
  documents: UnDocument[];
}

export interface UnEntity extends UnListedBase {
  kind: "entity";
}

export type UnListed = UnIndividual | UnEntity;

export interface UnConsolidatedList {
  /** The root's dateGenerated attribute (ISO timestamp). */
  generatedAt: string;
  individuals: UnIndividual[];
  entities: UnEntity[];
}
