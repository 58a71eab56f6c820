import type { Kysely } from "kysely";
import { sql } from "kysely";
import { noticeReadableBy, recordVisibleTo, visibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { Database } from "../../storage/schema.ts";

type Viewer = { country: string; isSecretariat: boolean };
type Db = Kysely<Database>;
export type Shown = { reference: string; caption: string };

/*
 * The reference and the caption of the records a traveller hit, read through the asker's own
 * visibility guard: the in-memory decision is confirmed by SQL, and a record the asker may not see
 * is dropped from the answer whatever memory said.
 */

export async function noticesShown(db: Db, viewer: Viewer, ids: string[]): Promise<Map<string, Shown>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom("notices as n")
    .innerJoin("records as r", "r.id", "n.subject_record_id")
    .leftJoin("un_listings as u", "u.notice_id", "n.id")
    .select(["n.id", "n.notice_number", "r.caption", "u.reference_number"])
    .where("n.id", "in", ids)
    .where("n.state", "=", "published")
    .where(noticeReadableBy(viewer, "n"))
    .where(recordVisibleTo(viewer, "r"))
    .execute();
  return new Map(
    rows.map((r) => [r.id, { reference: r.reference_number ?? r.notice_number ?? r.id, caption: r.caption }]),
  );
}

export async function personsShown(db: Db, viewer: Viewer, ids: string[]): Promise<Map<string, Shown>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom("records as r")
    .select(["r.id", "r.reference", "r.caption"])
    .where("r.id", "in", ids)
    .where(recordVisibleTo(viewer, "r"))
    .execute();
  return new Map(rows.map((r) => [r.id, { reference: r.reference ?? r.id, caption: r.caption }]));
}

export async function diffusionsShown(db: Db, viewer: Viewer, ids: string[]): Promise<Map<string, Shown>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom("diffusions as d")
    .select([
      "d.id",
      sql<string | null>`d.payload ->> 'reference'`.as("reference"),
      sql<
        string | null
      >`concat_ws(' ', d.payload -> 'subject' ->> 'forenames', d.payload -> 'subject' ->> 'familyName')`.as(
        "name",
      ),
      sql<string>`d.payload ->> 'title'`.as("title"),
    ])
    .where("d.id", "in", ids)
    .where("d.review_state", "<>", "cancelled")
    .where(visibleTo(viewer, "d"))
    .execute();
  return new Map(
    rows.map((r) => [r.id, { reference: r.reference ?? r.id, caption: r.name?.trim() || r.title }]),
  );
}

export async function documentsShown(db: Db, viewer: Viewer, ids: string[]): Promise<Map<string, Shown>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom("travel_documents as d")
    .select(["d.id", "d.number_norm", "d.issuing_country", "d.doc_type", "d.status"])
    .where("d.id", "in", ids.map(Number))
    .where(visibleTo(viewer, "d"))
    .execute();
  return new Map(
    rows.map((r) => [
      String(r.id),
      {
        reference: `${r.issuing_country} ${r.number_norm}`,
        caption: `${r.doc_type.replace("_", " ")} ${r.issuing_country} ${r.number_norm}, reported ${r.status}`,
      },
    ]),
  );
}
