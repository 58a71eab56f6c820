import type { Insertable, Kysely, Selectable } from "kysely";
import { recordVisibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { BiometricTemplatesTable, Database } from "../../storage/schema.ts";

type Db = Kysely<Database>;
type Viewer = { country: string; isSecretariat: boolean };
export type TemplateRow = Selectable<BiometricTemplatesTable>;

/** Inserts a template; undefined when the record already holds the same bytes. */
export const insertTemplate = (db: Db, row: Insertable<BiometricTemplatesTable>) =>
  db
    .insertInto("biometric_templates")
    .values(row)
    .onConflict((oc) => oc.columns(["record_id", "sha256"]).doNothing())
    .returningAll()
    .executeTakeFirst();

/** A person's templates (retracted ones as history), read through its record's guard. */
export const templatesOf = (db: Db, viewer: Viewer, recordId: string) =>
  db
    .selectFrom("biometric_templates as b")
    .innerJoin("records as r", "r.id", "b.record_id")
    .selectAll("b")
    .where("b.record_id", "=", recordId)
    .where(recordVisibleTo(viewer, "r"))
    .orderBy("b.recorded_at")
    .orderBy("b.id")
    .execute();

export const retractTemplate = (db: Db, recordId: string, id: string, at: Date) =>
  db
    .updateTable("biometric_templates")
    .set({ retracted_at: at })
    .where("id", "=", id)
    .where("record_id", "=", recordId)
    .where("retracted_at", "is", null)
    .executeTakeFirst();
