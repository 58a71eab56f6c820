import type { Insertable, Kysely } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { recordVisibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { Database, RecordPhotosTable } from "../../storage/schema.ts";

type Viewer = Pick<Actor, "country" | "isSecretariat">;

/** A new photo; the same content on the same record is stored once (undefined: already there). */
export const insertPhoto = (db: Kysely<Database>, row: Insertable<RecordPhotosTable>) =>
  db
    .insertInto("record_photos")
    .values(row)
    .onConflict((oc) => oc.columns(["record_id", "sha256"]).doNothing())
    .returning(["id"])
    .executeTakeFirst();

const meta = ["p.id", "p.sha256", "p.width", "p.height", "p.source", "p.stated_by", "p.stated_at"] as const;

/** The photos a viewer may see of a record (none when the record is out of sight), newest first. */
export const visiblePhotos = (db: Kysely<Database>, viewer: Viewer, recordId: string) =>
  db
    .selectFrom("record_photos as p")
    .innerJoin("records as r", "r.id", "p.record_id")
    .select([...meta, "p.recorded_at", "p.retracted_at"])
    .where("p.record_id", "=", recordId)
    .where(recordVisibleTo(viewer, "r"))
    .orderBy("p.id", "desc")
    .execute();

/** One photo's bytes, through the record's guard; a retracted photo is no longer served. */
export const visiblePhotoBytes = (db: Kysely<Database>, viewer: Viewer, recordId: string, photoId: number) =>
  db
    .selectFrom("record_photos as p")
    .innerJoin("records as r", "r.id", "p.record_id")
    .select(["p.id", "p.bytes", "p.mime", "r.owner", "r.schema"])
    .where("p.record_id", "=", recordId)
    .where("p.id", "=", photoId)
    .where("p.retracted_at", "is", null)
    .where(recordVisibleTo(viewer, "r"))
    .executeTakeFirst();

/** Stops serving a photo; it stays in the record's history. */
export const retractPhoto = (db: Kysely<Database>, recordId: string, photoId: number, at: Date) =>
  db
    .updateTable("record_photos")
    .set({ retracted_at: at })
    .where("record_id", "=", recordId)
    .where("id", "=", photoId)
    .where("retracted_at", "is", null)
    .returning(["id"])
    .executeTakeFirst();
