/*
 * Person and name screening: a pure, in-memory engine. See docs/screening-engine.md.
 */
export type { Alignment, PartMatch } from "./align-names.ts";
export type { BirthDateExplanation, BirthDateResult } from "./birth-dates.ts";
export { compareBirthDates } from "./birth-dates.ts";
export type { NameExplanation, NameResult } from "./compare-names.ts";
export { compareNames } from "./compare-names.ts";
export type { Explanation, ScreeningSubject, TravellerQuery } from "./explanation.ts";
export type { NameToken, ParsedName } from "./parse-name.ts";
export { parseName } from "./parse-name.ts";
export type { QualifierExplanation, QualifierResult } from "./qualifiers.ts";
export type { ScreeningMatch, SearchOptions } from "./screening-index.ts";
export { MATCH_THRESHOLD, ScreeningIndex } from "./screening-index.ts";
export type { TokenHow } from "./token-similarity.ts";
