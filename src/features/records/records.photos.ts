import { createHash } from "node:crypto";
import sharp from "sharp";
import { z } from "zod";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { canEdit } from "../../shared/envelope/visibility.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { inTransaction } from "../../storage/ambient.ts";
import { appendAudit } from "../audit/audit.append.ts";
import * as photos from "./records.photos.repo.ts";
import { recordsPolicy } from "./records.policy.ts";
import * as repo from "./records.repo.ts";

/*
 * Face photos of a person: the owner adds them, everyone who may see the record sees them, and
 * every opening of one is audited like opening the file. An upload is decoded and re-encoded
 * before anything is stored, so what is kept is a plain JPEG of at most 1024 px with no EXIF or
 * GPS, and a file that is not a readable image stores nothing.
 */

const MAX_SIDE = 1024;
/** Smaller than this, a face cannot be compared by a person or a matcher. */
export const MIN_SIDE = 32;
const MAX_PIXELS = 40_000_000;

export const photoQuery = z
  .object({
    source: z.string().trim().min(1).max(500),
    statedBy: z.string().trim().min(1).max(200).optional(),
    statedAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD")
      .optional(),
  })
  .strict();
export type PhotoQuery = z.input<typeof photoQuery>;

export const photoSchema = z
  .object({
    id: z.number().int(),
    sha256: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    source: z.string(),
    statedBy: z.string(),
    statedAt: z.string(),
    recordedAt: z.string(),
    retractedAt: z.string().nullable(),
  })
  .meta({ id: "RecordPhoto" });
export type PhotoView = z.infer<typeof photoSchema>;

export async function normalise(bytes: Uint8Array) {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize(MAX_SIDE, MAX_SIDE, { fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 88 })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (e) {
    throw new AppError("unprocessable", `The photo could not be read as an image: ${(e as Error).message}`);
  }
}

export function createRecordPhotos({ db, clock }: Deps) {
  const today = () => clock.now().toISOString().slice(0, 10);

  /** The record, visible and changeable by the actor, or the reason not. */
  async function ownRecord(actor: Actor, id: string) {
    if (!recordsPolicy.write(actor)) throw new AppError("forbidden", "Your role may not change records.");
    const row = isUuid(id) ? await repo.findVisible(db, actor, id, true) : undefined;
    if (!row) throw new AppError("not_found", "No such record.");
    if (!canEdit(row, actor)) throw new AppError("forbidden", "Only the owner of a record may change it.");
    if (row.subject_of_notice)
      throw new AppError("conflict", "This record is the subject of a notice; add photos to the notice.");
    if (row.schema !== "Person") throw new AppError("bad_request", "Face photos belong to persons.");
    return row;
  }

  async function add(actor: Actor, id: string, bytes: Uint8Array, query: PhotoQuery) {
    const q = parseOrThrow(photoQuery, query, "photo");
    const img = await normalise(bytes);
    if (Math.min(img.width, img.height) < MIN_SIDE)
      throw new AppError("unprocessable", `The photo is too small: at least ${MIN_SIDE} pixels a side.`);
    const sha256 = createHash("sha256").update(img.data).digest("hex");
    return inTransaction(db, async (trx) => {
      const row = await ownRecord(actor, id);
      const now = clock.now();
      const inserted = await photos.insertPhoto(trx, {
        record_id: row.id,
        sha256,
        mime: "image/jpeg",
        width: img.width,
        height: img.height,
        bytes: img.data,
        source: q.source,
        stated_by: q.statedBy ?? actor.country,
        stated_at: q.statedAt ?? today(),
        recorded_by: actor.kind === "user" ? actor.id : null,
        recorded_at: now,
      });
      if (inserted) {
        await trx.updateTable("records").set({ updated_at: now }).where("id", "=", row.id).execute();
        await trx
          .insertInto("change_feed")
          .values({ entity_type: "record", entity_id: row.id, op: "upsert", at: now })
          .execute();
        await appendAudit(trx, clock, actor, {
          action: "record.photo.add",
          recordType: row.schema,
          recordId: row.id,
          detail: { photoId: inserted.id, sha256 },
        });
      }
      return { created: inserted !== undefined, photos: await list(actor, row.id) };
    });
  }

  async function list(actor: Actor, id: string): Promise<PhotoView[]> {
    if (!recordsPolicy.read(actor)) throw new AppError("forbidden", "Your role may not read records.");
    // A record out of sight answers as one that does not exist, as its own get does.
    if (!isUuid(id) || !(await repo.findVisible(db, actor, id)))
      throw new AppError("not_found", "No such record.");
    const rows = await photos.visiblePhotos(db, actor, id);
    return rows.map((r) => ({
      id: Number(r.id),
      sha256: r.sha256,
      width: r.width,
      height: r.height,
      source: r.source,
      statedBy: r.stated_by,
      statedAt: r.stated_at,
      recordedAt: new Date(r.recorded_at).toISOString(),
      retractedAt: r.retracted_at?.toISOString() ?? null,
    }));
  }

  /** The bytes of one photo; opening it is audited like opening the file. */
  async function open(actor: Actor, id: string, photoId: number) {
    if (!recordsPolicy.read(actor)) throw new AppError("forbidden", "Your role may not read records.");
    return inTransaction(db, async (trx) => {
      const p = isUuid(id) ? await photos.visiblePhotoBytes(trx, actor, id, photoId) : undefined;
      if (!p) throw new AppError("not_found", "No such photo.");
      await appendAudit(trx, clock, actor, {
        action: "record.photo.read",
        recordType: p.schema,
        recordId: id,
        detail: { photoId, owner: p.owner },
      });
      return { mime: p.mime, bytes: Buffer.from(p.bytes) };
    });
  }

  async function retract(actor: Actor, id: string, photoId: number) {
    return inTransaction(db, async (trx) => {
      const row = await ownRecord(actor, id);
      const done = await photos.retractPhoto(trx, row.id, photoId, clock.now());
      if (!done) throw new AppError("not_found", "No such photo, or it was already retracted.");
      await appendAudit(trx, clock, actor, {
        action: "record.photo.retract",
        recordType: row.schema,
        recordId: row.id,
        detail: { photoId },
      });
    });
  }

  return { addPhoto: add, listPhotos: list, openPhoto: open, retractPhoto: retract };
}
