import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { bankSharedWith, visibleTo } from "../../shared/envelope/envelope.sql.ts";
import { direction, sortOf } from "../../shared/list-sort.ts";
import type { ContentMediaTable, Database, HashBanksTable, HashEntriesTable } from "../../storage/schema.ts";
import type { ListEntriesQuery } from "./content.schema.ts";

/*
 * Every statement over the hash banks, their entries and thumbnails. A read of a bank applies the
 * viewer's guard to it; a read of entries or thumbnails joins their bank, guarded (by primary key,
 * so the join costs one index lookup). Only the matcher's loaders read every row: they live in
 * content.matcher.repo.ts, on the SQL audit's allowlist, and the matcher filters every result.
 */

/** Who reads: a country's person (or the operator's CLI), or a platform partner's API client. */
export type Viewer = Pick<Actor, "kind" | "id" | "role" | "country" | "isSecretariat">;
export type BankRow = Selectable<HashBanksTable>;
export type EntryRow = Selectable<HashEntriesTable>;
/** The part of a bank that decides who sees it (and whether a read is by oversight). */
export type BankEnvelope = Pick<BankRow, "owner" | "distribution" | "distribution_countries">;
type Db = Kysely<Database>;
type Signal = { signalType: EntryRow["signal_type"]; value: string };

/**
 * The guard of a bank for this viewer: a platform partner sees a bank shared with it and within its
 * distribution (no oversight right); everyone else by the bank's envelope.
 */
export const bankGuard = (viewer: Viewer, alias: string) =>
  viewer.kind === "client" && viewer.role === "platform_partner"
    ? bankSharedWith({ clientId: viewer.id, country: viewer.country }, alias)
    : visibleTo(viewer, alias);

// --- Banks ---------------------------------------------------------------------------------------

/** A bank the viewer may see, or undefined ("not there" and "not yours" look the same). */
export const findVisibleBank = (db: Db, viewer: Viewer, id: string) =>
  db
    .selectFrom("hash_banks as b")
    .selectAll("b")
    .where("b.id", "=", id)
    .where(bankGuard(viewer, "b"))
    .executeTakeFirst();

/** Whether the viewer's country already has a bank of this name (its own banks are always visible). */
export async function bankNameTaken(db: Db, viewer: Viewer, name: string): Promise<boolean> {
  const row = await db
    .selectFrom("hash_banks as b")
    .select("b.id")
    .where("b.owner", "=", viewer.country)
    .where("b.name", "=", name)
    .where(bankGuard(viewer, "b"))
    .executeTakeFirst();
  return row !== undefined;
}

/** Every bank the viewer may see, by name, with its number of entries. */
export const listVisibleBanks = (db: Db, viewer: Viewer) =>
  db
    .selectFrom("hash_banks as b")
    .selectAll("b")
    .select((eb) =>
      eb
        .selectFrom("hash_entries as e")
        .whereRef("e.bank_id", "=", "b.id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("entry_count"),
    )
    .where(bankGuard(viewer, "b"))
    .orderBy("b.name")
    .execute();

/** Which of these API clients exist and are platform partners (a bank's sharing list names them). */
export async function platformClientsAmong(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom("api_clients")
    .select("id")
    .where("id", "in", ids)
    .where("role", "=", "platform_partner")
    .execute();
  return new Set(rows.map((r) => r.id));
}

export const insertBank = (db: Db, values: Insertable<HashBanksTable>) =>
  db.insertInto("hash_banks").values(values).returningAll().executeTakeFirstOrThrow();

export const updateBank = (db: Db, id: string, set: Updateable<HashBanksTable>) =>
  db.updateTable("hash_banks").set(set).where("id", "=", id).returningAll().executeTakeFirstOrThrow();

/** A bank's change for the other servers' matchers. */
export const feedBank = (db: Db, id: string, at: Date) =>
  db
    .insertInto("change_feed")
    .values({ entity_type: "hash_bank", entity_id: id, op: "upsert", at })
    .execute();

// --- Entries -------------------------------------------------------------------------------------

/** Entries joined to their bank, guarded for the viewer. */
const guardedEntries = (db: Db, viewer: Viewer) =>
  db
    .selectFrom("hash_entries as e")
    .innerJoin("hash_banks as b", "b.id", "e.bank_id")
    .where(bankGuard(viewer, "b"));

export async function countEntries(db: Db, viewer: Viewer, bankId: string): Promise<number> {
  const r = await guardedEntries(db, viewer)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("e.bank_id", "=", bankId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

function filteredEntries(
  db: Db,
  viewer: Viewer,
  bankId: string,
  q: Omit<ListEntriesQuery, "page" | "pageSize">,
) {
  let query = guardedEntries(db, viewer).where("e.bank_id", "=", bankId);
  if (q.signalType) query = query.where("e.signal_type", "=", q.signalType);
  if (q.status) query = query.where("e.status", "=", q.status);
  if (q.label) query = query.where((eb) => eb(eb.val(q.label), "=", eb.fn.any("e.labels")));
  return query;
}

const entrySortColumns = {
  id: "e.id",
  signalType: "e.signal_type",
  value: "e.value",
  quality: "e.quality",
  firstSeen: "e.first_seen",
  status: "e.status",
} as const;

export async function listEntries(db: Db, viewer: Viewer, bankId: string, q: ListEntriesQuery) {
  const base = filteredEntries(db, viewer, bankId, q);
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const { key, desc } = sortOf(q.sort ?? "id");
  const rows = await base
    .selectAll("e")
    .orderBy(entrySortColumns[key], direction(desc, key === "quality"))
    .orderBy("e.id")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Every entry of a bank in id order, in pages (keyset), for exports. */
export async function* bankEntries(
  db: Db,
  viewer: Viewer,
  bankId: string,
  q: Omit<ListEntriesQuery, "page" | "pageSize">,
) {
  let after = 0;
  for (;;) {
    const rows = await filteredEntries(db, viewer, bankId, q)
      .selectAll("e")
      .where("e.id", ">", after)
      .orderBy("e.id")
      .limit(5000)
      .execute();
    yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < 5000) return;
    after = last.id;
  }
}

/** Existing entries of a bank with these (signal type, value) pairs. */
export async function existingEntries(
  db: Db,
  viewer: Viewer,
  bankId: string,
  type: string,
  values: string[],
) {
  if (values.length === 0) return [];
  return (
    guardedEntries(db, viewer)
      .select(["e.id", "e.value", "e.labels", "e.quality"])
      .where("e.bank_id", "=", bankId)
      .where("e.signal_type", "=", type as EntryRow["signal_type"])
      // One array parameter rather than a thousand: far cheaper to bind and plan.
      .where((eb) => eb("e.value", "=", eb.fn.any(eb.val(values))))
      .execute()
  );
}

/** The entries of a bank holding any of these signals, in id order. */
export const entriesWithSignals = (db: Db, viewer: Viewer, bankId: string, signals: Signal[]) =>
  signals.length === 0
    ? Promise.resolve([])
    : guardedEntries(db, viewer)
        .selectAll("e")
        .where("e.bank_id", "=", bankId)
        .where((eb) =>
          eb.or(
            signals.map((s) => eb.and([eb("e.signal_type", "=", s.signalType), eb("e.value", "=", s.value)])),
          ),
        )
        .orderBy("e.id")
        .execute();

/** An entry whose bank the viewer may see, with that bank's envelope; undefined otherwise. */
export async function findVisibleEntry(db: Db, viewer: Viewer, entryId: number) {
  const row = await guardedEntries(db, viewer)
    .selectAll("e")
    .select(["b.owner as bank_owner", "b.distribution as bank_distribution"])
    .select("b.distribution_countries as bank_distribution_countries")
    .where("e.id", "=", entryId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { bank_owner, bank_distribution, bank_distribution_countries, ...entry } = row;
  const bank: BankEnvelope = {
    owner: bank_owner,
    distribution: bank_distribution,
    distribution_countries: bank_distribution_countries,
  };
  return { entry, bank };
}

/**
 * An entry whose bank the viewer may see, with whether that bank is shared with `platform` (for a
 * referral to it); undefined when the entry is out of the viewer's sight.
 */
export const findEntryForReferral = (
  db: Db,
  viewer: Viewer,
  platform: { clientId: string; country: string },
  entryId: number,
) =>
  guardedEntries(db, viewer)
    .selectAll("e")
    .select(bankSharedWith(platform, "b").as("shared_with_platform"))
    .where("e.id", "=", entryId)
    .executeTakeFirst();

/** Which of these entries belong to this bank, as the viewer sees it; locked for a status change. */
export const entriesOfBankForUpdate = (db: Db, viewer: Viewer, bankId: string, ids: number[]) =>
  guardedEntries(db, viewer)
    .selectAll("e")
    .where("e.bank_id", "=", bankId)
    .where((eb) => eb("e.id", "=", eb.fn.any(eb.val(ids))))
    .orderBy("e.id")
    .forUpdate("e")
    .execute();

export const setEntriesStatus = (db: Db, ids: number[], status: EntryRow["status"], at: Date) =>
  db
    .updateTable("hash_entries")
    .set({ status, updated_at: at })
    .where((eb) => eb("id", "=", eb.fn.any(eb.val(ids))))
    .returningAll()
    .execute();

export const updateEntry = (db: Db, id: number, set: Updateable<HashEntriesTable>) =>
  db.updateTable("hash_entries").set(set).where("id", "=", id).returningAll().executeTakeFirstOrThrow();

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

// --- Thumbnails ----------------------------------------------------------------------------------

/** Which of these entries (of banks the viewer may see) have a thumbnail. */
export async function entriesWithThumbnail(db: Db, viewer: Viewer, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await guardedEntries(db, viewer)
    .select("e.id")
    .where((eb) => eb("e.id", "=", eb.fn.any(eb.val(ids))))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("content_media as m")
          .select("m.id")
          .whereRef("m.bank_id", "=", "e.bank_id")
          .where(sql<boolean>`e.id = ANY(m.entry_ids)`),
      ),
    )
    .execute();
  return new Set(rows.map((r) => Number(r.id)));
}

/** The newest thumbnail of an entry whose bank the viewer may see, with the bank's envelope. */
export const findThumbnail = (db: Db, viewer: Viewer, entryId: number) =>
  guardedEntries(db, viewer)
    .innerJoin("content_media as m", "m.bank_id", "e.bank_id")
    .select(["m.id", "m.thumbnail", "m.mime", "m.width", "m.height", "e.bank_id"])
    .select(["b.owner", "b.distribution", "b.distribution_countries"])
    .where("e.id", "=", entryId)
    .where(sql<boolean>`e.id = ANY(m.entry_ids)`)
    .orderBy("m.id", "desc")
    .executeTakeFirst();

/** Stores a thumbnail; the same file again in the same bank keeps its first one and gains entries. */
export const upsertMedia = (
  db: Db,
  values: Omit<Insertable<ContentMediaTable>, "entry_ids">,
  ids: number[],
) =>
  db
    .insertInto("content_media")
    .values({ ...values, entry_ids: sql<number[]>`${`{${ids.join(",")}}`}::bigint[]` })
    .onConflict((oc) =>
      oc.columns(["bank_id", "sha256"]).doUpdateSet({
        entry_ids: sql<number[]>`(SELECT array_agg(DISTINCT x ORDER BY x)
          FROM unnest(content_media.entry_ids || excluded.entry_ids) AS x)`,
      }),
    )
    .execute();
