import type { CandidateRow, DecisionRow, SearchRow } from "./biometrics.repo.ts";
import type { CandidateView, DecisionView, SearchSummaryView, SearchView } from "./biometrics.schema.ts";

/* Stored rows as the API shows them (docs/biometric-search.md). */

const iso = (d: Date | string) => new Date(d).toISOString();

export const decisionView = (d: DecisionRow): DecisionView => ({
  id: d.id,
  decision: d.decision,
  candidateId: d.candidate_id,
  note: d.note,
  decidedBy: d.decided_by,
  decidedAt: iso(d.decided_at),
});

/** Ranks are counted among the candidates the reader sees: a hidden one leaves no gap behind. */
export const candidateViews = (rows: readonly CandidateRow[]): CandidateView[] =>
  rows.map((c, i) => ({
    id: c.id,
    rank: i + 1,
    score: c.score,
    aboveThreshold: c.above_threshold,
    templateId: c.template_id,
    recordId: c.record_id,
    caption: c.caption,
    reference: c.reference,
    owner: c.owner,
    fingers: c.fingers,
    photoId: c.photo_id === null ? null : Number(c.photo_id),
  }));

function header(s: SearchRow, decisions: readonly DecisionRow[]) {
  const newest = decisions.at(-1);
  return {
    id: s.id,
    seq: Number(s.seq),
    at: iso(s.at),
    country: s.country,
    searchedBy: s.searched_by,
    purpose: s.purpose,
    modality: s.modality,
    reason: s.reason,
    probe: {
      format: s.probe_format,
      minutiae: s.probe_minutiae,
      dimension: s.probe_dimension,
      sha256: s.probe_sha256,
      hasImage: s.probe_image !== null,
    },
    location: s.location,
    traveller: s.traveller,
    threshold: s.threshold,
    state: s.state,
    decision: newest ? decisionView(newest) : null,
  };
}

export const searchView = (
  s: SearchRow,
  candidates: readonly CandidateRow[],
  decisions: readonly DecisionRow[],
): SearchView => ({
  ...header(s, decisions),
  candidates: candidateViews(candidates),
  decisions: decisions.map(decisionView),
});

export const summaryView = (
  s: SearchRow & { candidate_count: number | string | null },
  decisions: readonly DecisionRow[],
): SearchSummaryView => ({ ...header(s, decisions), candidateCount: Number(s.candidate_count ?? 0) });
