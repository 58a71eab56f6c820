import type { Kysely } from "kysely";
import { noticeReadableBy, recordVisibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { Database } from "../../storage/schema.ts";
import { GENERAL_SECRETARIAT } from "../../storage/seed/countries.ts";

/*
 * The reads the in-memory galleries are built and refreshed with. A gallery holds every country's
 * templates, so these read as the platform (the Secretariat's view, through the same guards as any
 * reader); each search then keeps, in memory, only what the searching country may see, and the
 * candidates are checked again in SQL (biometrics.repo.ts) before they are stored.
 */

type Db = Kysely<Database>;
const platformView = { country: GENERAL_SECRETARIAT, isSecretariat: true };
export const FIRST_UUID = "00000000-0000-0000-0000-000000000000";

/** Active templates with their person's envelope and, for a notice's subject, the notice's. */
const activeTemplates = (db: Db) =>
  db
    .selectFrom("biometric_templates as b")
    .innerJoin("records as r", "r.id", "b.record_id")
    .leftJoin("notices as n", (j) =>
      j.onRef("n.id", "=", "r.subject_of_notice").on(noticeReadableBy(platformView, "n")),
    )
    .select([
      "b.id",
      "b.record_id",
      "b.modality",
      "b.format",
      "b.dimension",
      "b.template",
      "r.owner",
      "r.distribution",
      "r.distribution_countries",
      "r.subject_of_notice",
      "n.owner as notice_owner",
      "n.state as notice_state",
      "n.submitted_at as notice_submitted_at",
      "n.distribution as notice_distribution",
      "n.distribution_countries as notice_distribution_countries",
    ])
    .where("b.retracted_at", "is", null)
    .where("r.schema", "=", "Person")
    .where(recordVisibleTo(platformView, "r"));

export type GalleryRow = Awaited<ReturnType<typeof templatesPage>>[number];

export const templatesPage = (db: Db, after: string, limit: number) =>
  activeTemplates(db).where("b.id", ">", after).orderBy("b.id").limit(limit).execute();

/** Every active template of these persons, or of the subjects of these notices. */
export function templatesOfRecords(db: Db, recordIds: readonly string[], noticeIds: readonly string[]) {
  if (recordIds.length === 0 && noticeIds.length === 0) return Promise.resolve([]);
  return activeTemplates(db)
    .where((eb) =>
      eb.or([
        ...(recordIds.length ? [eb("r.id", "in", recordIds)] : []),
        ...(noticeIds.length ? [eb("r.subject_of_notice", "in", noticeIds)] : []),
      ]),
    )
    .execute();
}

/** The persons the changed templates belong to (retracted ones included: they leave the gallery). */
export const recordsOfTemplates = (db: Db, templateIds: readonly string[]) =>
  templateIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom("biometric_templates as b")
        .innerJoin("records as r", "r.id", "b.record_id")
        .select(["b.id", "b.record_id"])
        .where("b.id", "in", templateIds)
        .where(recordVisibleTo(platformView, "r"))
        .execute();

export const feedSince = (db: Db, seq: number, limit: number) =>
  db
    .selectFrom("change_feed")
    .select(["seq", "entity_type", "entity_id", "at"])
    .where("seq", ">", seq)
    .where("entity_type", "in", ["biometric_template", "record", "notice"])
    .orderBy("seq")
    .limit(limit)
    .execute();
