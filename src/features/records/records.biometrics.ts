import { createHash } from "node:crypto";
import type { Deps } from "../../deps.ts";
import { readTemplate, TemplateFormatError } from "../../search/fingerprints/formats/index.ts";
import type { Actor } from "../../shared/actor.ts";
import { canEdit } from "../../shared/envelope/visibility.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { inTransaction } from "../../storage/ambient.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { createFaceEnrolment } from "./records.biometrics.faces.ts";
import * as repo from "./records.biometrics.repo.ts";
import { enrolQuery, type TemplateView } from "./records.biometrics.schema.ts";
import { recordsPolicy } from "./records.policy.ts";
import * as records from "./records.repo.ts";

/*
 * Biometric templates on persons: the owner enrols them, whoever may see the person sees that they
 * exist (the bytes go only to the matchers), and retracting one keeps it as history. A template is
 * read completely before anything is stored, so a truncated or malformed one stores nothing.
 */

/** Larger than any real minutiae template (a 10-finger ISO template is a few kilobytes). */
export const MAX_TEMPLATE_BYTES = 256 * 1024;

const view = (r: repo.TemplateRow): TemplateView => ({
  id: r.id,
  modality: r.modality,
  format: r.format,
  fingers: r.fingers,
  minutiae: r.minutiae,
  dimension: r.dimension,
  sha256: r.sha256,
  source: r.source,
  photoId: r.photo_id === null ? null : Number(r.photo_id),
  recordedAt: new Date(r.recorded_at).toISOString(),
  retractedAt: r.retracted_at ? new Date(r.retracted_at).toISOString() : null,
});

export function createBiometricsService(deps: Deps) {
  const { db, clock } = deps;
  /** The person, visible and changeable by the actor, or the reason not. */
  async function ownPerson(actor: Actor, id: string) {
    if (!recordsPolicy.write(actor)) throw new AppError("forbidden", "Your role may not change records.");
    const row = isUuid(id) ? await records.findVisible(db, actor, id, true) : undefined;
    if (!row) throw new AppError("not_found", "No such record.");
    if (!canEdit(row, actor)) throw new AppError("forbidden", "Only the owner of a record may change it.");
    if (row.schema !== "Person") throw new AppError("bad_request", "Biometric templates belong to persons.");
    return row;
  }

  async function list(actor: Actor, id: string): Promise<TemplateView[]> {
    if (!recordsPolicy.read(actor)) throw new AppError("forbidden", "Your role may not read records.");
    if (!isUuid(id) || !(await records.findVisible(db, actor, id)))
      throw new AppError("not_found", "No such record.");
    return (await repo.templatesOf(db, actor, id)).map(view);
  }

  /** Reads the template whole (any ISO/IEC 19794-2 or ANSI INCITS 378 version) and enrols it. */
  async function enrolFingerprint(actor: Actor, id: string, bytes: Uint8Array, query: { source?: string }) {
    const q = parseOrThrow(enrolQuery, query, "template");
    if (bytes.length > MAX_TEMPLATE_BYTES)
      throw new AppError("payload_too_large", `A template is at most ${MAX_TEMPLATE_BYTES} bytes.`);
    let template: ReturnType<typeof readTemplate>;
    try {
      template = readTemplate(bytes);
    } catch (e) {
      if (e instanceof TemplateFormatError)
        throw new AppError("unprocessable", `The fingerprint template cannot be read: ${e.message}`);
      throw e;
    }
    const minutiae = template.views.reduce((n, v) => n + v.minutiae.length, 0);
    if (minutiae === 0) throw new AppError("unprocessable", "The fingerprint template holds no minutiae.");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    return inTransaction(db, async (trx) => {
      const row = await ownPerson(actor, id);
      const now = clock.now();
      const inserted = await repo.insertTemplate(trx, {
        record_id: row.id,
        modality: "fingerprint",
        format: template.format,
        fingers: [...new Set(template.views.map((v) => v.position))],
        minutiae,
        dimension: null,
        template: Buffer.from(bytes),
        sha256,
        source: q.source,
        recorded_by: actor.kind === "user" ? actor.id : null,
        recorded_at: now,
      });
      if (inserted) {
        await trx
          .insertInto("change_feed")
          .values({ entity_type: "biometric_template", entity_id: inserted.id, op: "upsert", at: now })
          .execute();
        await appendAudit(trx, clock, actor, {
          action: "record.biometric.enrol",
          recordType: row.schema,
          recordId: row.id,
          detail: { templateId: inserted.id, modality: "fingerprint", format: template.format, minutiae },
        });
      }
      return {
        created: inserted !== undefined,
        templates: (await repo.templatesOf(trx, actor, row.id)).map(view),
      };
    });
  }

  async function retract(actor: Actor, id: string, templateId: string) {
    return inTransaction(db, async (trx) => {
      const row = await ownPerson(actor, id);
      if (!isUuid(templateId)) throw new AppError("not_found", "No such template.");
      const now = clock.now();
      const done = await repo.retractTemplate(trx, row.id, templateId, now);
      if (Number(done.numUpdatedRows) === 0)
        throw new AppError("not_found", "No such template, or already retracted.");
      await trx
        .insertInto("change_feed")
        .values({ entity_type: "biometric_template", entity_id: templateId, op: "delete", at: now })
        .execute();
      await appendAudit(trx, clock, actor, {
        action: "record.biometric.retract",
        recordType: row.schema,
        recordId: row.id,
        detail: { templateId },
      });
      return (await repo.templatesOf(trx, actor, row.id)).map(view);
    });
  }

  const faces = createFaceEnrolment(deps, { ownPerson, view });
  return { list, enrolFingerprint, retract, ...faces };
}

export type BiometricsService = ReturnType<typeof createBiometricsService>;
