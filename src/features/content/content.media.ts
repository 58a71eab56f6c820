/**
 * Hash entries added from an image upload, with a small thumbnail so analysts can see what a hash
 * stands for. The original file is hashed and dropped: only a re-encoded thumbnail (at most 256 px,
 * metadata stripped) is stored, and it is shown only to the roles that curate banks, audited.
 */
import sharp from "sharp";
import { z } from "zod";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { hashImage, MAX_IMAGE_PIXELS } from "./content.hashing.ts";
import { writeSignals } from "./content.import.ts";
import type { createMatching } from "./content.match.ts";
import { contentPolicy } from "./content.policy.ts";
import * as repo from "./content.repo.ts";
import { entrySchema, labelsSchema } from "./content.schema.ts";
import { entryView } from "./content.views.ts";

type Matching = ReturnType<typeof createMatching>;

export const THUMBNAIL_MAX_PX = 256;

export const imageEntryQuery = z
  .object({
    /** Labels for every entry computed from the image, separated by commas or spaces. */
    labels: z.string().max(500).optional(),
    contributedUnit: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type ImageEntryQuery = z.input<typeof imageEntryQuery>;

export const imageEntryResultSchema = z.object({
  entries: z.array(entrySchema),
  created: z.number().int(),
  quality: z.number().int(),
  thumbnail: z.object({ mime: z.string(), width: z.number().int(), height: z.number().int() }),
});
export type ImageEntryResult = z.infer<typeof imageEntryResultSchema>;

export type Thumbnail = { mime: "image/webp"; width: number; height: number; bytes: Buffer };

/** A small WebP of the image: EXIF/GPS and every other metadata are dropped (sharp keeps none by default). */
export async function makeThumbnail(bytes: Uint8Array): Promise<Thumbnail> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS })
      .rotate()
      .resize(THUMBNAIL_MAX_PX, THUMBNAIL_MAX_PX, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer({ resolveWithObject: true });
    return { mime: "image/webp", width: info.width, height: info.height, bytes: data };
  } catch (e) {
    throw new AppError("unprocessable", `The image could not be read: ${(e as Error).message}`);
  }
}

export function createMedia(deps: Deps, matching: Matching) {
  const { db, clock } = deps;

  async function addFromImage(
    actor: Actor,
    bankId: string,
    bytes: Uint8Array,
    query: ImageEntryQuery,
  ): Promise<ImageEntryResult> {
    if (!contentPolicy.manage(actor)) throw new AppError("forbidden", "Your role may not contribute hashes.");
    const q = parseOrThrow(imageEntryQuery, query, "image entry options");
    const labels = parseOrThrow(
      labelsSchema,
      [...new Set((q.labels ?? "").split(/[\s,;]+/).filter(Boolean))].sort(),
      "labels",
    );
    // Decode and hash first: a file that is not a readable image stores nothing.
    const h = await hashImage(bytes);
    const thumb = await makeThumbnail(bytes);
    const signals = [
      { line: 1, signalType: "pdq" as const, value: h.pdq, quality: h.quality, labels },
      { line: 1, signalType: "md5" as const, value: h.md5, quality: null, labels },
      { line: 1, signalType: "sha256" as const, value: h.sha256, quality: null, labels },
    ];
    const now = clock.now();
    const { entries, changed, created } = await db.transaction().execute(async (trx) => {
      const bank = isUuid(bankId) ? await repo.findVisibleBank(trx, actor, bankId) : undefined;
      if (!bank) throw new AppError("not_found", "No such hash bank.");
      const r = await writeSignals(trx, actor, bankId, signals, q.contributedUnit ?? null, now);
      const entries = await repo.entriesWithSignals(trx, actor, bankId, signals);
      const ids = entries.map((e) => Number(e.id));
      // The same file again keeps its first thumbnail and only gains links to new entries.
      const media = {
        bank_id: bankId,
        sha256: h.sha256,
        thumbnail: thumb.bytes,
        mime: thumb.mime,
        width: thumb.width,
        height: thumb.height,
        created_by: actor.kind === "user" ? actor.id : null,
        created_at: now,
      };
      await repo.upsertMedia(trx, media, ids);
      await appendAudit(trx, clock, actor, {
        action: "hashbank.entry.add_image",
        recordType: "hash_bank",
        recordId: bankId,
        detail: {
          entryIds: ids,
          created: r.created.length,
          bytes: bytes.length,
          quality: h.quality,
          oversight: contentPolicy.oversight(actor, bank),
        },
      });
      return { entries, changed: [...r.created, ...r.updated], created: r.created.length };
    });
    matching.putEntries(changed);
    return {
      entries: entries.map(entryView),
      created,
      quality: h.quality,
      thumbnail: { mime: thumb.mime, width: thumb.width, height: thumb.height },
    };
  }

  /** The thumbnail of an entry whose bank the actor may see; reading it is audited as reading content. */
  async function thumbnail(actor: Actor, entryId: number) {
    if (!contentPolicy.seeContent(actor)) throw new AppError("forbidden", "Your role may not see content.");
    return db.transaction().execute(async (trx) => {
      // One statement: the entry, its bank (guarded for the actor) and the newest thumbnail.
      const media = await repo.findThumbnail(trx, actor, entryId);
      if (!media) throw new AppError("not_found", "No thumbnail for this entry.");
      await appendAudit(trx, clock, actor, {
        action: "content.thumbnail.read",
        recordType: "hash_entry",
        recordId: String(entryId),
        detail: {
          bankId: media.bank_id,
          mediaId: Number(media.id),
          owner: media.owner,
          oversight: contentPolicy.oversight(actor, media),
        },
      });
      return { mime: media.mime, bytes: Buffer.from(media.thumbnail) };
    });
  }

  return { addFromImage, thumbnail };
}
