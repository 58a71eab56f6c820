import { normaliseDocumentNumber, ocrFold } from "../../search/document-index/keys.ts";
import { MATCH_THRESHOLD } from "../../search/screening/index.ts";
import type { DocumentRow } from "./screening.documents.repo.ts";
import type { DocumentHolder, ListedMatch } from "./watchlist.ts";

/*
 * One traveller's candidates from the three ways a record can be reached - by name (with the other
 * facts), by a document a listed person holds, and by a reported travel document - merged so that a
 * record appears once, with the best score and every reason.
 */

export type CandidateKind = "notice" | "diffusion" | "person" | "document" | "firearm" | "vehicle";

export type Candidate = {
  kind: CandidateKind;
  sourceId: string;
  owner: string;
  discreet: boolean;
  /** The notice type, diffusion kind, "person", or the document's status. */
  category: string;
  score: number;
  match: boolean;
  explanation: Record<string, unknown>;
};

export type DocumentQuery = { number: string; country?: string; type?: string };

/** How a stored document number compares with the one read at the border. */
function numberAgreement(given: string, listed: string): "exact" | "ocr_tolerant" | "different" {
  const a = normaliseDocumentNumber(given);
  const b = normaliseDocumentNumber(listed);
  if (a === b) return "exact";
  return ocrFold(a) === ocrFold(b) ? "ocr_tolerant" : "different";
}

/** A reported travel document: a match when number, issuing country and type agree (or are not given). */
export function documentCandidate(q: DocumentQuery, row: DocumentRow): Candidate {
  const number = numberAgreement(q.number, row.number_norm);
  const country = !q.country ? "not_given" : q.country === row.issuing_country ? "same" : "different";
  const type = !q.type ? "not_given" : q.type === row.doc_type ? "same" : "different";
  const agrees = number !== "different" && country !== "different" && type !== "different";
  const score = !agrees ? 0.5 : number === "exact" ? (country === "same" ? 1 : 0.95) : 0.9;
  return {
    kind: "document",
    sourceId: String(row.id),
    owner: row.owner,
    discreet: false,
    category: row.status,
    score,
    match: agrees,
    explanation: {
      document: {
        number,
        given: normaliseDocumentNumber(q.number),
        listed: row.number_norm,
        issuingCountry: country,
        listedIssuingCountry: row.issuing_country,
        type,
        listedType: row.doc_type,
        status: row.status,
      },
      summary: agrees
        ? `Document ${row.issuing_country} ${row.number_norm} is reported ${row.status}${number === "ocr_tolerant" ? " (the number read differs only in characters a reader confuses)" : ""}.`
        : `A document with a similar number is reported ${row.status}, but its ${country === "different" ? "issuing country" : "type"} differs.`,
    },
  };
}

/** A listed person known to hold a document with the traveller's number. */
function holderCandidate(q: DocumentQuery, h: DocumentHolder): Candidate {
  const number = numberAgreement(q.number, h.document.number);
  const country =
    !q.country || !h.document.country ? "not_given" : q.country === h.document.country ? "same" : "different";
  const agrees = country !== "different";
  return {
    kind: h.meta.kind,
    sourceId: h.meta.sourceId,
    owner: h.meta.owner,
    discreet: h.meta.discreet,
    category: h.meta.category,
    score: !agrees ? 0.5 : number === "exact" ? 0.97 : 0.9,
    match: agrees,
    explanation: {
      document: {
        number,
        given: normaliseDocumentNumber(q.number),
        issuingCountry: country,
        heldByListedPerson: true,
      },
    },
  };
}

const fromName = (m: ListedMatch): Candidate => ({
  kind: m.meta.kind,
  sourceId: m.meta.sourceId,
  owner: m.meta.owner,
  discreet: m.meta.discreet,
  category: m.meta.category,
  score: m.score,
  match: m.match,
  explanation: m.explanation as unknown as Record<string, unknown>,
});

/** Merges the three sources: one candidate per record, best score, every reason, best first. */
export function mergeCandidates(
  names: readonly ListedMatch[],
  holders: readonly DocumentHolder[],
  documents: readonly DocumentRow[],
  q: DocumentQuery | null,
  more: readonly Candidate[] = [],
): Candidate[] {
  const byKey = new Map<string, Candidate>();
  const add = (c: Candidate) => {
    const key = `${c.kind}:${c.sourceId}`;
    const known = byKey.get(key);
    if (!known) return void byKey.set(key, c);
    const best = c.score > known.score ? c : known;
    byKey.set(key, {
      ...best,
      match: known.match || c.match,
      explanation: { ...known.explanation, ...c.explanation, summary: best.explanation.summary },
    });
  };
  for (const m of names) add(fromName(m));
  if (q) {
    for (const h of holders) add(holderCandidate(q, h));
    for (const d of documents) add(documentCandidate(q, d));
  }
  for (const c of more) add(c);
  return [...byKey.values()].sort((a, b) => b.score - a.score);
}

export { MATCH_THRESHOLD };
