import type { Kysely, Selectable } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { envelopeOf, visibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { Database, HashBanksTable, HashEntriesTable } from "../../storage/schema.ts";
import type { BankMeta, EntryMeta } from "./content.matcher.ts";
import type { BankView, EntryView, ListEntriesQuery } from "./content.schema.ts";

type Viewer = Pick<Actor, "country" | "isSecretariat">;
export type BankRow = Selectable<HashBanksTable>;
export type EntryRow = Selectable<HashEntriesTable>;
type Db = Kysely<Database>;

const iso = (d: Date | string) => new Date(d).toISOString();

export const bankView = (row: BankRow, entries: number): BankView => ({
  id: row.id,
  name: row.name,
  description: row.description,
  envelope: envelopeOf(row),
  sharedWithAllPlatforms: row.shared_with_all_platforms,
  sharedWithClients: row.shared_with_clients,
  entries,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export const bankMeta = (row: BankRow): BankMeta => ({
  id: row.id,
  name: row.name,
  owner: row.owner,
  distribution: row.distribution,
  distributionCountries: row.distribution_countries,
  sharedWithAllPlatforms: row.shared_with_all_platforms,
  sharedWithClients: row.shared_with_clients,
});

export const entryMeta = (row: EntryRow): EntryMeta => ({
  id: row.id,
  bankId: row.bank_id,
  signalType: row.signal_type,
  value: row.value,
  quality: row.quality,
  labels: row.labels,
  status: row.status,
  contributedCountry: row.contributed_country,
  contributedUnit: row.contributed_unit,
  firstSeen: iso(row.first_seen),
});

/** What people see of an entry: the matcher's fields plus when it last changed. */
export const entryView = (row: EntryRow): EntryView => ({
  ...entryMeta(row),
  updatedAt: iso(row.updated_at),
});

/** A bank the viewer's country may see, or undefined ("not there" and "not yours" look the same). */
export const findVisibleBank = (db: Db, viewer: Viewer, id: string) =>
  db
    .selectFrom("hash_banks as b")
    .selectAll()
    .where("b.id", "=", id)
    .where(visibleTo(viewer, "b"))
    .executeTakeFirst();

export async function listVisibleBanks(db: Db, viewer: Viewer) {
  return db
    .selectFrom("hash_banks as b")
    .selectAll("b")
    .select((eb) =>
      eb
        .selectFrom("hash_entries as e")
        .whereRef("e.bank_id", "=", "b.id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("entry_count"),
    )
    .where(visibleTo(viewer, "b"))
    .orderBy("b.name")
    .execute();
}

export async function countEntries(db: Db, bankId: string): Promise<number> {
  const r = await db
    .selectFrom("hash_entries")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("bank_id", "=", bankId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

function filteredEntries(db: Db, bankId: string, q: Omit<ListEntriesQuery, "page" | "pageSize">) {
  let query = db.selectFrom("hash_entries").where("bank_id", "=", bankId);
  if (q.signalType) query = query.where("signal_type", "=", q.signalType);
  if (q.status) query = query.where("status", "=", q.status);
  if (q.label) query = query.where((eb) => eb(eb.val(q.label), "=", eb.fn.any("labels")));
  return query;
}

export async function listEntries(db: Db, bankId: string, q: ListEntriesQuery) {
  const base = filteredEntries(db, bankId, q);
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy("id")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Every entry of a bank in id order, in pages (keyset), for exports. */
export async function* bankEntries(db: Db, bankId: string, q: Omit<ListEntriesQuery, "page" | "pageSize">) {
  let after = 0;
  for (;;) {
    const rows = await filteredEntries(db, bankId, q)
      .selectAll()
      .where("id", ">", after)
      .orderBy("id")
      .limit(5000)
      .execute();
    yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < 5000) return;
    after = last.id;
  }
}

/** Every bank and entry, in pages, for building the matcher. */
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

export const allBanks = (db: Db) => db.selectFrom("hash_banks").selectAll().execute();

/** Existing entries of a bank with these (signal type, value) pairs. */
export async function existingEntries(db: Db, bankId: string, type: string, values: string[]) {
  if (values.length === 0) return [];
  return (
    db
      .selectFrom("hash_entries")
      .select(["id", "value", "labels", "quality"])
      .where("bank_id", "=", bankId)
      .where("signal_type", "=", type as EntryRow["signal_type"])
      // One array parameter rather than a thousand: far cheaper to bind and plan.
      .where((eb) => eb("value", "=", eb.fn.any(eb.val(values))))
      .execute()
  );
}

/** One change-feed row per changed entry, in statements small enough for the bind-parameter limit. */
export async function feedEntries(db: Db, ids: number[], at: Date) {
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = ids.slice(i, i + 5000).map((id) => ({
      entity_type: "hash_entry",
      entity_id: String(id),
      op: "upsert" as const,
      at,
    }));
    await db.insertInto("change_feed").values(rows).execute();
  }
}

/** The change feed's current head: a matcher built after reading it replays everything later. */
export async function feedHead(db: Db): Promise<number> {
  const r = await db
    .selectFrom("change_feed")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .executeTakeFirst();
  return Number(r?.seq ?? 0);
}

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

export const entriesByIds = (db: Db, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom("hash_entries")
        .selectAll()
        .where((eb) => eb("id", "=", eb.fn.any(eb.val(ids))))
        .execute();

export const banksByIds = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom("hash_banks")
        .selectAll()
        .where((eb) => eb("id", "=", eb.fn.any(eb.val(ids))))
        .execute();
