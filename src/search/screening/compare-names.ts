import { type Alignment, alignNames, type PartMatch } from "./align-names.ts";
import { type DroppedWord, type ParsedName, parseName, type Schema } from "./parse-name.ts";

/*
 * The name feature of a screening score: the best-agreeing pair of (query name, listed name)
 * and a readable account of how their parts met.
 */

export type NameResult = "exact" | "strong" | "possible" | "weak" | "none";

export type NameExplanation = {
  result: NameResult;
  score: number;
  /** The query name and the listed name that were compared, as written. */
  query: string;
  listed: string;
  /** Scripts of the two names (ISO 15924), when either is not Latin. */
  scripts?: { query: string; listed: string };
  /** The listed name is a weak alias (a nickname or kunya shared by many). */
  weakAlias?: boolean;
  parts: PartMatch[];
  missing: string[];
  extra: string[];
  conflicting: { query: string; listed: string }[];
  orderSwapped: boolean;
  filiationMismatch?: boolean;
  /** Words set aside before comparing: titles, particles, legal forms. */
  ignored: { word: string; why: DroppedWord["why"] | "particle" }[];
};

export function nameResult(score: number): NameResult {
  if (score >= 0.995) return "exact";
  if (score >= 0.88) return "strong";
  if (score >= 0.78) return "possible";
  if (score >= 0.6) return "weak";
  return "none";
}

const isOrg = (schema?: Schema) => schema !== undefined && schema !== "Person";

export function explainName(
  query: { text: string; parsed: ParsedName },
  listed: { text: string; parsed: ParsedName },
  a: Alignment,
  weakAlias = false,
): NameExplanation {
  const ignored: NameExplanation["ignored"] = [];
  for (const p of [query.parsed, listed.parsed]) {
    for (const d of p.dropped) ignored.push(d);
    for (const t of p.tokens) if (t.kind === "particle") ignored.push({ word: t.text, why: "particle" });
  }
  const out: NameExplanation = {
    result: nameResult(a.score),
    score: a.score,
    query: query.text,
    listed: listed.text,
    parts: a.parts,
    missing: a.missing,
    extra: a.extra,
    conflicting: a.conflicting,
    orderSwapped: a.orderSwapped,
    ignored,
  };
  if (query.parsed.script !== "Latn" || listed.parsed.script !== "Latn")
    out.scripts = { query: query.parsed.script, listed: listed.parsed.script };
  if (weakAlias) out.weakAlias = true;
  if (a.filiationMismatch) out.filiationMismatch = true;
  return out;
}

/**
 * The pair comparator: how alike two names are (0..1), with the explanation. `schema` (FtM schema
 * name) switches organisation rules on: legal forms set aside, extra words cost more.
 */
export function compareNames(
  a: string,
  b: string,
  schema?: Schema,
): { score: number; explanation: NameExplanation } {
  const pa = parseName(a, schema);
  const pb = parseName(b, schema);
  const alignment = alignNames(pa, pb, { org: isOrg(schema) });
  let score = alignment.score;
  // Companies of different legal forms (AG / GmbH) are more likely two companies than one.
  if (
    isOrg(schema) &&
    pa.legalForms.length &&
    pb.legalForms.length &&
    !pa.legalForms.some((f) => pb.legalForms.includes(f))
  )
    score *= 0.95;
  const explanation = explainName({ text: a, parsed: pa }, { text: b, parsed: pb }, { ...alignment, score });
  return { score: explanation.score, explanation };
}
