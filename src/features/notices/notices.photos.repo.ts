import { type Insertable, type Kysely, sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { noticeReadableBy, publicNotice } from "../../shared/envelope/envelope.sql.ts";
import type { Database, NoticePhotosTable } from "../../storage/schema.ts";

/*
 * Face photos of a notice's subject. Every read joins the notice and applies the notice's own rule
 * (noticeReadableBy) or, for the public website, the public-extract rule: a photo is never more
 * visible than its notice.
 */

type Viewer = Pick<Actor, "country" | "isSecretariat">;
type Db = Kysely<Database>;

/** A notice holds at most this many live photos (the request's own limit on face photo references). */
export const MAX_PHOTOS_PER_NOTICE = 20;

const meta = [
  "p.id",
  "p.sha256",
  "p.width",
  "p.height",
  "p.public_consent",
  "p.recorded_at",
  "p.retracted_at",
] as const;

/** A new photo; the same content live on the same notice is stored once (undefined: already there). */
export const insertPhoto = (db: Db, row: Insertable<NoticePhotosTable>) =>
  db
    .insertInto("notice_photos")
    .values(row)
    .onConflict((oc) => oc.columns(["notice_id", "sha256"]).where("retracted_at", "is", null).doNothing())
    .returning(["id"])
    .executeTakeFirst();

/** The photos of a notice the viewer may read (none when the notice is out of sight), oldest first. */
export const visiblePhotos = (db: Db, viewer: Viewer, noticeId: string) =>
  db
    .selectFrom("notice_photos as p")
    .innerJoin("notices as n", "n.id", "p.notice_id")
    .select(meta)
    .where("p.notice_id", "=", noticeId)
    .where(noticeReadableBy(viewer, "n"))
    .orderBy("p.id")
    .execute();

/** How many live photos a readable notice holds. */
export async function livePhotoCount(db: Db, viewer: Viewer, noticeId: string): Promise<number> {
  const row = await db
    .selectFrom("notice_photos as p")
    .innerJoin("notices as n", "n.id", "p.notice_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("p.notice_id", "=", noticeId)
    .where("p.retracted_at", "is", null)
    .where(noticeReadableBy(viewer, "n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One live photo's bytes, through the notice's guard. */
export const visiblePhotoBytes = (db: Db, viewer: Viewer, noticeId: string, photoId: number) =>
  db
    .selectFrom("notice_photos as p")
    .innerJoin("notices as n", "n.id", "p.notice_id")
    .select(["p.id", "p.bytes", "p.mime", "n.owner", "n.type", "n.distribution", "n.distribution_countries"])
    .where("p.notice_id", "=", noticeId)
    .where("p.id", "=", photoId)
    .where("p.retracted_at", "is", null)
    .where(noticeReadableBy(viewer, "n"))
    .executeTakeFirst();

/** The live photos' bytes of a readable notice, oldest first (for the PDF file). */
export const visiblePhotoFiles = (db: Db, viewer: Viewer, noticeId: string, limit: number) =>
  db
    .selectFrom("notice_photos as p")
    .innerJoin("notices as n", "n.id", "p.notice_id")
    .select(["p.id", "p.bytes", "p.width", "p.height"])
    .where("p.notice_id", "=", noticeId)
    .where("p.retracted_at", "is", null)
    .where(noticeReadableBy(viewer, "n"))
    .orderBy("p.id")
    .limit(limit)
    .execute();

/** Sets the owner's consent on one live photo of a notice the owner reads. */
export const setConsent = (db: Db, noticeId: string, photoId: number, consent: boolean) =>
  db
    .updateTable("notice_photos")
    .set({ public_consent: consent })
    .where("notice_id", "=", noticeId)
    .where("id", "=", photoId)
    .where("retracted_at", "is", null)
    .returning(["id"])
    .executeTakeFirst();

/** Stops serving a photo; it stays in the notice's history. */
export const retractPhoto = (db: Db, noticeId: string, photoId: number, at: Date) =>
  db
    .updateTable("notice_photos")
    .set({ retracted_at: at, public_consent: false })
    .where("notice_id", "=", noticeId)
    .where("id", "=", photoId)
    .where("retracted_at", "is", null)
    .returning(["id"])
    .executeTakeFirst();

/** The public-extract guard for one kind of public list (type and subject kind). */
type PublicScope = { type: string; subject: string };

/** The photos the public may see of one public notice: live, consented, oldest first. */
export const publicPhotoIds = (db: Db, scope: PublicScope, noticeNumber: string) =>
  db
    .selectFrom("notice_photos as p")
    .innerJoin("notices as n", "n.id", "p.notice_id")
    .select("p.id")
    .where(publicNotice("n"))
    .where("n.type", "=", scope.type)
    .where("n.subject_kind", "=", scope.subject)
    .where("n.notice_number", "=", noticeNumber)
    .where("p.public_consent", "=", true)
    .where("p.retracted_at", "is", null)
    .orderBy("p.id")
    .execute();

/** The first public photo of a public notice (its thumbnail), if any. */
export async function firstPublicPhoto(db: Db, scope: PublicScope, noticeNumber: string) {
  return (await firstPublicPhotos(db, scope, [noticeNumber])).get(noticeNumber);
}

/** The first public photo of each of these public notices, by notice number (list thumbnails). */
export async function firstPublicPhotos(
  db: Db,
  scope: PublicScope,
  noticeNumbers: string[],
): Promise<Map<string, number>> {
  if (noticeNumbers.length === 0) return new Map();
  const rows = await db
    .selectFrom("notice_photos as p")
    .innerJoin("notices as n", "n.id", "p.notice_id")
    .select(["n.notice_number", sql<string>`min(p.id)`.as("photo_id")])
    .where(publicNotice("n"))
    .where("n.type", "=", scope.type)
    .where("n.subject_kind", "=", scope.subject)
    .where((eb) => eb("n.notice_number", "=", eb.fn.any(eb.val(noticeNumbers))))
    .where("p.public_consent", "=", true)
    .where("p.retracted_at", "is", null)
    .groupBy("n.notice_number")
    .execute();
  return new Map(rows.map((r) => [r.notice_number as string, Number(r.photo_id)]));
}

/** One public photo's bytes: live, consented, of a published notice with a public extract. */
export const publicPhotoBytes = (db: Db, scope: PublicScope, noticeNumber: string, photoId: number) =>
  db
    .selectFrom("notice_photos as p")
    .innerJoin("notices as n", "n.id", "p.notice_id")
    .select(["p.bytes", "p.mime"])
    .where(publicNotice("n"))
    .where("n.type", "=", scope.type)
    .where("n.subject_kind", "=", scope.subject)
    .where("n.notice_number", "=", noticeNumber)
    .where("p.id", "=", photoId)
    .where("p.public_consent", "=", true)
    .where("p.retracted_at", "is", null)
    .executeTakeFirst();
