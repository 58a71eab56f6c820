import type { Kysely } from "kysely";
import type { Deps } from "../../deps.ts";
import { type FingerprintTemplate, readTemplate } from "../../search/fingerprints/formats/index.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { inTransaction } from "../../storage/ambient.ts";
import type { Database } from "../../storage/schema.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { biometricsPolicy } from "./biometrics.policy.ts";
import * as repo from "./biometrics.repo.ts";
import type { ListQuery, MinutiaeView, SearchView } from "./biometrics.schema.ts";
import { searchView, summaryView } from "./biometrics.views.ts";

/*
 * The review side: a country's searches, one search with its candidates and decisions (opening a
 * candidate list is reading the persons in it, so it is audited), the probe's photo and the
 * minutiae of a probe or an enrolled template for the side-by-side view.
 */

const notFound = () => new AppError("not_found", "No such search.");

const minutiaeOf = (t: FingerprintTemplate): MinutiaeView => ({
  format: t.format,
  views: t.views.map((v) => ({
    position: v.position,
    width: v.width,
    height: v.height,
    resolution: v.resolutionX,
    minutiae: v.minutiae.map((m) => ({
      x: m.x,
      y: m.y,
      angle: Math.round(((m.angle * 180) / Math.PI) * 100) / 100,
      type: m.type,
      quality: m.quality,
    })),
  })),
});

/** A search as the actor may see it now, or not found; the read is audited with the persons shown. */
export async function loadSearch(
  trx: Kysely<Database>,
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<SearchView> {
  const s = isUuid(id) ? await repo.findSearch(trx, actor, id) : undefined;
  if (!s) throw notFound();
  const [candidates, decisions] = await Promise.all([
    repo.candidatesOf(trx, actor, s.id),
    repo.decisionsOf(trx, actor, [s.id]),
  ]);
  await appendAudit(trx, deps.clock, actor, {
    action: "biometric.search.read",
    detail: { searchId: s.id, country: s.country, candidates: candidates.map((c) => c.record_id) },
  });
  return searchView(s, candidates, decisions);
}

export function createReview(deps: Deps) {
  const { db } = deps;
  const ensure = (actor: Actor) => {
    if (!biometricsPolicy.review(actor))
      throw new AppError("forbidden", "Your role may not review biometric searches.");
  };

  async function probeOf(actor: Actor, id: string) {
    ensure(actor);
    const s = isUuid(id) ? await repo.findSearch(db, actor, id) : undefined;
    if (!s) throw notFound();
    return s;
  }

  return {
    async list(actor: Actor, q: ListQuery) {
      ensure(actor);
      const [rows, pending] = await Promise.all([
        repo.listSearches(db, actor, q, q.limit),
        repo.countPending(db, actor),
      ]);
      const decisions = await repo.decisionsOf(
        db,
        actor,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) =>
          summaryView(
            r,
            decisions.filter((d) => d.search_id === r.id),
          ),
        ),
        pending,
      };
    },

    async get(actor: Actor, id: string): Promise<SearchView> {
      ensure(actor);
      return inTransaction(db, (trx) => loadSearch(trx, deps, actor, id));
    },

    /** The face photo searched with (JPEG); a fingerprint search has none. */
    async probeImage(actor: Actor, id: string): Promise<Buffer> {
      const s = await probeOf(actor, id);
      if (!s.probe_image) throw new AppError("not_found", "This search has no probe photo.");
      return Buffer.from(s.probe_image);
    },

    async probeMinutiae(actor: Actor, id: string): Promise<MinutiaeView> {
      const s = await probeOf(actor, id);
      if (s.modality !== "fingerprint")
        throw new AppError("not_found", "This search has no fingerprint probe.");
      return minutiaeOf(readTemplate(s.probe_template));
    },

    /** An enrolled template's minutiae, through its person's guard (404 otherwise). */
    async templateMinutiae(actor: Actor, templateId: string): Promise<MinutiaeView> {
      ensure(actor);
      const t = isUuid(templateId) ? await repo.visibleTemplate(db, actor, templateId) : undefined;
      if (t?.modality !== "fingerprint") throw new AppError("not_found", "No such fingerprint template.");
      return minutiaeOf(readTemplate(t.template));
    },
  };
}
