import type { Kysely } from "kysely";
import { sql } from "kysely";
import { noticeReadableBy, recordVisibleTo, visibleTo } from "../../shared/envelope/envelope.sql.ts";

export { feedHead } from "../../shared/change-feed.ts";

import type { Database } from "../../storage/schema.ts";
import { GENERAL_SECRETARIAT } from "../../storage/seed/countries.ts";

/*
 * The reads a screening node builds and refreshes its watchlist with. The watchlist holds every
 * served record of every country, so these read as the platform itself (the Secretariat's view,
 * through the same guards as any reader); nothing read here reaches a reader unfiltered: each
 * screening answer is cut to the asking country's view in memory (canSee) and confirmed in SQL.
 */

type Db = Kysely<Database>;
const platformView = { country: GENERAL_SECRETARIAT, isSecretariat: true };
export const FIRST_UUID = "00000000-0000-0000-0000-000000000000";

const noticeColumns = [
  "n.id",
  "n.type",
  "n.state",
  "n.owner",
  "n.distribution",
  "n.distribution_countries",
  "n.review_at",
  "n.valid_until",
  "r.properties",
  "r.discreet_check",
] as const;

/** Notices about a person, joined to their subject record (whose properties screening compares). */
const notices = (db: Db) =>
  db
    .selectFrom("notices as n")
    .innerJoin("records as r", "r.id", "n.subject_record_id")
    .select(noticeColumns)
    .where("n.subject_kind", "=", "person")
    .where(noticeReadableBy(platformView, "n"))
    .where(recordVisibleTo(platformView, "r"));

export const publishedNoticesPage = (db: Db, after: string, limit: number) =>
  notices(db)
    .where("n.state", "=", "published")
    .where("n.id", ">", after)
    .orderBy("n.id")
    .limit(limit)
    .execute();

/** Changed notices in any state: the caller drops those no longer published. */
export const noticesByIds = (db: Db, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve([]) : notices(db).where("n.id", "in", ids).execute();

const personColumns = [
  "r.id",
  "r.schema",
  "r.subject_of_notice",
  "r.owner",
  "r.distribution",
  "r.distribution_countries",
  "r.review_at",
  "r.properties",
  "r.discreet_check",
] as const;

/** Persons of the police database (a notice's subject is screened through its notice). */
export const personsPage = (db: Db, after: string, limit: number) =>
  db
    .selectFrom("records as r")
    .select(personColumns)
    .where("r.schema", "=", "Person")
    .where("r.subject_of_notice", "is", null)
    .where(recordVisibleTo(platformView, "r"))
    .where("r.id", ">", after)
    .orderBy("r.id")
    .limit(limit)
    .execute();

/** Changed records of any schema: the caller keeps persons and follows subjects to their notice. */
export const recordsByIds = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom("records as r")
        .select(personColumns)
        .where("r.id", "in", ids)
        .where(recordVisibleTo(platformView, "r"))
        .execute();

const diffusionColumns = [
  "d.id",
  "d.kind",
  "d.review_state",
  "d.owner",
  "d.distribution",
  "d.distribution_countries",
  "d.review_at",
  sql<unknown>`d.payload -> 'subject'`.as("subject"),
] as const;

export const diffusionsPage = (db: Db, after: string, limit: number) =>
  db
    .selectFrom("diffusions as d")
    .select(diffusionColumns)
    .where("d.review_state", "<>", "cancelled")
    .where(sql<boolean>`d.payload -> 'subject' ->> 'kind' = 'person'`)
    .where(visibleTo(platformView, "d"))
    .where("d.id", ">", after)
    .orderBy("d.id")
    .limit(limit)
    .execute();

export const diffusionsByIds = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom("diffusions as d")
        .select(diffusionColumns)
        .where("d.id", "in", ids)
        .where(visibleTo(platformView, "d"))
        .execute();

/** Travel document numbers, by id, for the in-memory number table. */
export const documentNumbersPage = (db: Db, after: number, limit: number) =>
  db
    .selectFrom("travel_documents as d")
    .select(["d.id", "d.number_norm"])
    .where("d.id", ">", after)
    .where(visibleTo(platformView, "d"))
    .orderBy("d.id")
    .limit(limit)
    .execute();

export const documentNumbersByIds = (db: Db, ids: readonly number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom("travel_documents as d")
        .select(["d.id", "d.number_norm"])
        .where("d.id", "in", ids)
        .where(visibleTo(platformView, "d"))
        .execute();

/** The planner's estimate of the documents table's size, to size the number table once. */
export async function documentCountEstimate(db: Db): Promise<number> {
  const r = await sql<{
    n: number;
  }>`SELECT greatest(reltuples, 0)::bigint AS n FROM pg_class WHERE relname = 'travel_documents'`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export const SCREENED_FEED_TYPES = ["notice", "diffusion", "record", "travel_document"];

export const feedSince = (db: Db, after: number, limit: number) =>
  db
    .selectFrom("change_feed")
    .select(["seq", "entity_type", "entity_id", "at"])
    .where("seq", ">", after)
    .where("entity_type", "in", SCREENED_FEED_TYPES)
    .orderBy("seq")
    .limit(limit)
    .execute();
