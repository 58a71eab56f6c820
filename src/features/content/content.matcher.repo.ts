/**
 * The content matcher's reads: it is built from every bank and entry and kept current from the
 * change feed. These are the only content statements without the per-viewer guard (each is on the
 * SQL audit's allowlist): the matcher filters every result per viewer with the pure rule
 * (content.matcher.ts bankVisibleTo), so nothing read here reaches a viewer unfiltered.
 */
import type { Kysely } from "kysely";

export { feedHead } from "../../shared/change-feed.ts";

import type { Database } from "../../storage/schema.ts";

type Db = Kysely<Database>;

export const allBanks = (db: Db) => db.selectFrom("hash_banks").selectAll().execute();

/** Every entry, in pages, for building the matcher. */
export async function* allEntries(db: Db) {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("hash_entries")
      .selectAll()
      .where("id", ">", after)
      .orderBy("id")
      .limit(20_000)
      .execute();
    yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < 20_000) return;
    after = last.id;
  }
}

export const banksByIds = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom("hash_banks")
        .selectAll()
        .where((eb) => eb("id", "=", eb.fn.any(eb.val(ids))))
        .execute();

export const entriesByIds = (db: Db, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom("hash_entries")
        .selectAll()
        .where((eb) => eb("id", "=", eb.fn.any(eb.val(ids))))
        .execute();

/** Hash bank changes after `after`, oldest first. */
export const feedSince = (db: Db, after: number, limit: number) =>
  db
    .selectFrom("change_feed")
    .select(["seq", "entity_type", "entity_id", "at"])
    .where("seq", ">", after)
    .where("entity_type", "in", ["hash_entry", "hash_bank"])
    .orderBy("seq")
    .limit(limit)
    .execute();
