import type { Kysely } from "kysely";
import type { Deps } from "../../deps.ts";
import { FACE_MATCH_THRESHOLD } from "../../search/faces/index.ts";
import { AUTOMATIC_HIT_SCORE, type CylinderTemplate } from "../../search/fingerprints/matcher/index.ts";
import type { Actor } from "../../shared/actor.ts";
import type { Database } from "../../storage/schema.ts";
import { appendAudit } from "../audit/audit.append.ts";
import type { GalleryFeed } from "./biometrics.galleries.ts";
import { type FingerprintProbe, faceBytes, sha256Of } from "./biometrics.probe.ts";
import * as repo from "./biometrics.repo.ts";
import type { FaceScored } from "./face-galleries.ts";

/*
 * One 1:N search: rank the galleries (cut to the searcher's view before ranking), check the
 * candidates again in SQL, and store the search, its probe and its ranked candidates with an audit
 * row, in the caller's transaction. A screening search is stored only when a candidate reaches the
 * threshold; a bureau's search always is, whatever the scores.
 */

export type Probe = {
  modality: "fingerprint" | "face";
  format: string;
  minutiae: number | null;
  dimension: number | null;
  /** The stored probe: the template's bytes, or a face template's float32 values. */
  bytes: Buffer;
  /** A face photo probe, re-encoded. */
  image: Buffer | null;
  views?: CylinderTemplate[];
  vector?: Float32Array;
};

export const fingerprintProbe = (p: FingerprintProbe): Probe => ({
  modality: "fingerprint",
  format: p.template.format,
  minutiae: p.minutiae,
  dimension: null,
  bytes: p.bytes,
  image: null,
  views: p.prepared,
});

export const faceProbe = (vector: Float32Array, format: string, image: Buffer | null): Probe => ({
  modality: "face",
  format,
  minutiae: null,
  dimension: vector.length,
  bytes: faceBytes(vector),
  image,
  vector,
});

export const thresholdFor = (modality: Probe["modality"]) =>
  modality === "fingerprint" ? AUTOMATIC_HIT_SCORE : FACE_MATCH_THRESHOLD;

type Scored = FaceScored;

export type SearchMeta = {
  purpose: "search" | "screening";
  reason: string;
  limit: number;
  location?: string | null;
  traveller?: Record<string, unknown> | null;
};

export function createSearcher({ clock }: Deps, galleries: GalleryFeed) {
  /** The best candidates the actor may see, from memory. */
  async function rank(actor: Actor, probe: Probe, limit: number): Promise<Scored[]> {
    const g = await galleries.current();
    if (probe.modality === "fingerprint") return g.fingerprints.search(probe.views ?? [], actor, limit);
    return g.faces.search(probe.format, probe.vector as Float32Array, actor, limit);
  }

  /**
   * Ranks, re-checks in SQL and stores; undefined for a screening search with nothing to refer.
   * `ranked` comes from `rank`, called before the caller's transaction where it can be (ranking is
   * CPU work that should not hold a connection); without it, the galleries are ranked here.
   */
  async function run(trx: Kysely<Database>, actor: Actor, probe: Probe, meta: SearchMeta, ranked?: Scored[]) {
    const threshold = thresholdFor(probe.modality);
    ranked ??= await rank(actor, probe, meta.limit);
    const allowed = await repo.visibleTemplates(
      trx,
      actor,
      ranked.map((c) => c.templateId),
    );
    const candidates = ranked.filter((c) => allowed.has(c.templateId));
    const above = candidates.filter((c) => c.score >= threshold).length;
    if (meta.purpose === "screening" && above === 0) return undefined;
    const search = await repo.insertSearch(trx, {
      at: clock.now(),
      country: actor.country,
      searched_by: actor.username,
      searched_by_kind: actor.kind,
      purpose: meta.purpose,
      modality: probe.modality,
      reason: meta.reason,
      probe_format: probe.format,
      probe_minutiae: probe.minutiae,
      probe_dimension: probe.dimension,
      probe_template: probe.bytes,
      probe_sha256: sha256Of(probe.bytes),
      probe_image: probe.image,
      threshold,
      location: meta.location ?? null,
      traveller: meta.traveller ? JSON.stringify(meta.traveller) : null,
    });
    await repo.insertCandidates(
      trx,
      candidates.map((c, i) => ({
        search_id: search.id,
        rank: i + 1,
        template_id: c.templateId,
        record_id: c.recordId,
        score: c.score,
        above_threshold: c.score >= threshold,
      })),
    );
    await appendAudit(trx, clock, actor, {
      action: "biometric.search",
      detail: {
        searchId: search.id,
        purpose: meta.purpose,
        modality: probe.modality,
        reason: meta.reason,
        location: meta.location ?? null,
        candidates: candidates.map((c) => c.recordId),
        aboveThreshold: above,
      },
    });
    return search;
  }

  return { rank, run };
}

export type Searcher = ReturnType<typeof createSearcher>;
