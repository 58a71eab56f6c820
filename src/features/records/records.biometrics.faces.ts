import type { Kysely } from "kysely";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { inTransaction } from "../../storage/ambient.ts";
import type { Database } from "../../storage/schema.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { faceBytes, readFacePhoto, readFaceTemplate, sha256Of } from "../biometrics/biometrics.probe.ts";
import * as repo from "./records.biometrics.repo.ts";
import { enrolQuery, faceTemplateBody, type TemplateView } from "./records.biometrics.schema.ts";
import * as photos from "./records.photos.repo.ts";
import { MIN_SIDE } from "./records.photos.ts";
import type * as records from "./records.repo.ts";

/*
 * Face templates on persons: from a photo (exactly one face; the photo is kept as a record photo and
 * the template names it) or from a capture system's vector (its model named, the configured
 * length). The input is read and checked whole first: a bad one is a 422 and stores nothing.
 */

type PersonRow = NonNullable<Awaited<ReturnType<typeof records.findVisible>>>;
type Helpers = {
  ownPerson(actor: Actor, id: string): Promise<PersonRow>;
  view(r: repo.TemplateRow): TemplateView;
};

export function createFaceEnrolment({ db, clock, config }: Deps, { ownPerson, view }: Helpers) {
  const today = () => clock.now().toISOString().slice(0, 10);

  /** Stores the template (once per record and bytes), its feed entry and its audit row. */
  async function store(
    trx: Kysely<Database>,
    actor: Actor,
    row: PersonRow,
    t: { vector: Float32Array; format: string; source: string; photoId: number | null },
  ) {
    const now = clock.now();
    const bytes = faceBytes(t.vector);
    const inserted = await repo.insertTemplate(trx, {
      record_id: row.id,
      modality: "face",
      format: t.format,
      fingers: [],
      minutiae: null,
      dimension: t.vector.length,
      template: bytes,
      sha256: sha256Of(bytes),
      source: t.source,
      photo_id: t.photoId,
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
        detail: { templateId: inserted.id, modality: "face", format: t.format, photoId: t.photoId },
      });
    }
    return {
      created: inserted !== undefined,
      templates: (await repo.templatesOf(trx, actor, row.id)).map(view),
    };
  }

  /** A photo with exactly one face: the photo becomes a record photo, the template names it. */
  async function enrolFacePhoto(actor: Actor, id: string, bytes: Uint8Array, query: { source?: string }) {
    const q = parseOrThrow(enrolQuery, query, "photo");
    const first = await ownPerson(actor, id);
    if (first.subject_of_notice)
      throw new AppError("conflict", "This record is the subject of a notice; add photos to the notice.");
    const face = await readFacePhoto(bytes, "photo");
    if (Math.min(face.photo.width, face.photo.height) < MIN_SIDE)
      throw new AppError("unprocessable", `The photo is too small: at least ${MIN_SIDE} pixels a side.`);
    const photoSha = sha256Of(face.photo.data);
    return inTransaction(db, async (trx) => {
      const row = await ownPerson(actor, id);
      const added = await photos.insertPhoto(trx, {
        record_id: row.id,
        sha256: photoSha,
        mime: "image/jpeg",
        width: face.photo.width,
        height: face.photo.height,
        bytes: face.photo.data,
        source: q.source,
        stated_by: actor.country,
        stated_at: today(),
        recorded_by: actor.kind === "user" ? actor.id : null,
        recorded_at: clock.now(),
      });
      if (added) {
        // As records.photos.ts does for any photo: the record changed, and opening it is audited.
        await trx.updateTable("records").set({ updated_at: clock.now() }).where("id", "=", row.id).execute();
        await trx
          .insertInto("change_feed")
          .values({ entity_type: "record", entity_id: row.id, op: "upsert", at: clock.now() })
          .execute();
        await appendAudit(trx, clock, actor, {
          action: "record.photo.add",
          recordType: row.schema,
          recordId: row.id,
          detail: { photoId: added.id, sha256: photoSha },
        });
      }
      // The same photo sent again is stored once: its template names the photo already kept.
      const kept = (await photos.visiblePhotos(trx, actor, row.id)).find((p) => p.sha256 === photoSha);
      if (!kept) throw new AppError("internal", "The photo was not kept.");
      return store(trx, actor, row, {
        vector: face.vector,
        format: face.format,
        source: q.source,
        photoId: Number(kept.id),
      });
    });
  }

  /** A capture system's template: `{ vector, model, source }`. */
  async function enrolFaceTemplate(actor: Actor, id: string, body: unknown) {
    const b = parseOrThrow(faceTemplateBody, body, "face template");
    const t = readFaceTemplate(b, config.faceTemplateDimensions, "vector");
    return inTransaction(db, async (trx) => {
      const row = await ownPerson(actor, id);
      return store(trx, actor, row, { ...t, source: b.source, photoId: null });
    });
  }

  return { enrolFacePhoto, enrolFaceTemplate };
}
