import type { Kysely } from "kysely";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { inTransaction } from "../../storage/ambient.ts";
import type { Database } from "../../storage/schema.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { actionFor } from "../screening/screening.actions.ts";
import { storeHits } from "../screening/screening.hits.ts";
import { biometricsPolicy } from "./biometrics.policy.ts";
import { unprocessable } from "./biometrics.probe.ts";
import * as repo from "./biometrics.repo.ts";
import { loadSearch } from "./biometrics.review.ts";
import type { DecisionInput, SearchView } from "./biometrics.schema.ts";

/*
 * The human decision on a candidate list: appended, never changed (the newest is the search's
 * decision, the earlier ones its history), audited. A potential candidate on a screening search
 * becomes a screening hit on the chosen person, stored and queued for its owner exactly as a name
 * hit is (inbox, live stream, signed webhook), in the decision's transaction.
 */

export function createDecisions(deps: Deps) {
  const { db, clock } = deps;

  /** The screening hit for the chosen person (one per search and person, however often decided). */
  async function raiseHit(
    trx: Kysely<Database>,
    actor: Actor,
    s: repo.SearchRow,
    c: repo.CandidateRow,
    earlier: readonly repo.DecisionRow[],
  ): Promise<string> {
    const again = earlier.find((d) => d.hit_id !== null && d.candidate_id === c.id);
    if (again?.hit_id) return again.hit_id;
    const category = `biometric:${s.modality}`;
    const [hit] = await storeHits(
      trx,
      [
        {
          at: clock.now(),
          checked_by_country: s.country,
          checked_by: s.searched_by,
          checked_by_kind: s.searched_by_kind === "client" ? "client" : "user",
          location: s.location,
          traveller: JSON.stringify(s.traveller ?? {}),
          // The same probe is the same traveller: a rejected hit is then not raised again for them.
          traveller_key: `biometric:${s.probe_sha256}`,
          subject_kind: "person",
          subject_id: c.record_id,
          reference: c.reference,
          category,
          score: Math.min(1, Math.max(0, c.score)),
          explanation: JSON.stringify({
            searchId: s.id,
            modality: s.modality,
            candidateId: c.id,
            score: c.score,
            decidedByCountry: actor.country,
          }),
          action: actionFor("person", category, c.discreet_check),
          discreet: c.discreet_check,
          owner: c.owner,
        },
      ],
      clock.now(),
    );
    if (!hit) throw new AppError("internal", "The hit was not stored.");
    await appendAudit(trx, clock, actor, {
      action: "screening.hit",
      recordType: "person",
      recordId: c.record_id,
      detail: { hitId: hit.id, owner: hit.owner, score: hit.score, discreet: hit.discreet, searchId: s.id },
    });
    return hit.id;
  }

  async function decide(actor: Actor, id: string, body: DecisionInput): Promise<SearchView> {
    if (!biometricsPolicy.review(actor))
      throw new AppError("forbidden", "Your role may not review biometric searches.");
    return inTransaction(db, async (trx) => {
      const s = isUuid(id) ? await repo.findSearch(trx, actor, id) : undefined;
      if (!s) throw new AppError("not_found", "No such search.");
      if (!biometricsPolicy.decide(actor, s.country))
        throw new AppError("forbidden", "Only the searching country's bureau decides on its candidates.");
      const wantsCandidate = body.decision === "potential_candidate";
      if (wantsCandidate && !body.candidateId)
        throw unprocessable(
          "candidateId",
          "A potential candidate decision names the candidate (candidateId).",
        );
      if (!wantsCandidate && body.candidateId !== undefined)
        throw unprocessable("candidateId", `A ${body.decision} decision names no candidate.`);
      const candidates = await repo.candidatesOf(trx, actor, s.id);
      const chosen = wantsCandidate ? candidates.find((c) => c.id === body.candidateId) : undefined;
      if (wantsCandidate && !chosen) throw unprocessable("candidateId", "No such candidate in this search.");
      const earlier = await repo.decisionsOf(trx, actor, [s.id]);
      const hitId =
        chosen && s.purpose === "screening" ? await raiseHit(trx, actor, s, chosen, earlier) : null;
      const d = await repo.insertDecision(trx, {
        search_id: s.id,
        decision: body.decision,
        candidate_id: chosen?.id ?? null,
        note: body.note ?? null,
        decided_by: actor.username,
        decided_by_user: actor.kind === "user" ? actor.id : null,
        decided_at: clock.now(),
        hit_id: hitId,
      });
      await repo.markDecided(trx, s.id);
      await appendAudit(trx, clock, actor, {
        action: "biometric.decision",
        ...(chosen ? { recordType: "Person", recordId: chosen.record_id } : {}),
        detail: {
          searchId: s.id,
          decisionId: d.id,
          decision: body.decision,
          candidateId: chosen?.id ?? null,
          hitId,
        },
      });
      return loadSearch(trx, deps, actor, s.id);
    });
  }

  return { decide };
}
