import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { inTransaction } from "../../storage/ambient.ts";
import { createDecisions } from "./biometrics.decisions.ts";
import { createGalleries } from "./biometrics.galleries.ts";
import { biometricsPolicy } from "./biometrics.policy.ts";
import { readFacePhoto, readFaceTemplate, readFingerprint } from "./biometrics.probe.ts";
import { createReview, loadSearch } from "./biometrics.review.ts";
import { faceTemplateSearchBody, rawSearchQuery, type SearchView } from "./biometrics.schema.ts";
import { createBiometricScreening } from "./biometrics.screening.ts";
import { createSearcher, faceProbe, fingerprintProbe, type Probe } from "./biometrics.search.ts";

/*
 * Biometric 1:N search by a bureau (docs/biometric-search.md): every search needs a reason, is
 * stored and audited, and answers the candidate list that a person at the bureau then decides on.
 */

export function createBiometricSearchService(deps: Deps) {
  const galleries = createGalleries(deps);
  const searcher = createSearcher(deps, galleries);
  const review = createReview(deps);
  const ensure = (actor: Actor) => {
    if (!biometricsPolicy.search(actor))
      throw new AppError("forbidden", "Your role may not run biometric searches.");
  };

  async function search(actor: Actor, probe: Probe, reason: string, limit: number): Promise<SearchView> {
    const ranked = await searcher.rank(actor, probe, limit);
    return inTransaction(deps.db, async (trx) => {
      const s = await searcher.run(trx, actor, probe, { purpose: "search", reason, limit }, ranked);
      if (!s) throw new AppError("internal", "The search was not stored.");
      return loadSearch(trx, deps, actor, s.id);
    });
  }

  return {
    galleries,
    ...review,
    ...createDecisions(deps),
    ...createBiometricScreening(deps, searcher),

    async searchFingerprint(actor: Actor, bytes: Uint8Array, query: unknown) {
      ensure(actor);
      const q = parseOrThrow(rawSearchQuery, query, "search");
      return search(actor, fingerprintProbe(readFingerprint(bytes, "template")), q.reason, q.limit);
    },

    async searchFace(actor: Actor, bytes: Uint8Array, query: unknown) {
      ensure(actor);
      const q = parseOrThrow(rawSearchQuery, query, "search");
      const face = await readFacePhoto(bytes, "photo");
      return search(actor, faceProbe(face.vector, face.format, face.photo.data), q.reason, q.limit);
    },

    async searchFaceTemplate(actor: Actor, body: unknown) {
      ensure(actor);
      const b = parseOrThrow(faceTemplateSearchBody, body, "search");
      const t = readFaceTemplate(b, deps.config.faceTemplateDimensions, "vector");
      return search(actor, faceProbe(t.vector, t.format, null), b.reason, b.limit ?? 10);
    },
  };
}

export type BiometricSearchService = ReturnType<typeof createBiometricSearchService>;
