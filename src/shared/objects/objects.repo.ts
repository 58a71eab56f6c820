import { type Insertable, type Kysely, sql, type Updateable } from "kysely";
import type { Database, EnvelopeColumns } from "../../storage/schema.ts";
import type { Actor } from "../actor.ts";
import { duplicateKeyAs } from "../bulk/object-import.ts";
import { visibleTo } from "../envelope/envelope.sql.ts";
import { direction, sortOf } from "../list-sort.ts";
import type { ObjectSort } from "./objects.schema.ts";

/*
 * The reads and writes the object databases (firearms, vehicles, CBRNE materials) share. Each
 * feature's repo builds its own with `objectRepo` and keeps only what differs: the view mapper, the
 * search fields and the bulk upsert on its natural key. Every read goes through `visibleTo`.
 */

export type ObjectTable = "firearms" | "vehicles" | "cbrne_materials";
type Db = Kysely<Database>;
type Viewer = Pick<Actor, "country" | "isSecretariat">;
// The table is a parameter here, so the builder cannot check column names; the spec that names
// them is checked by the feature, and the typed row comes back out through `R`.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;
/** A stored object as read: whatever else it has, an id and the envelope. */
export type ObjectRow = EnvelopeColumns & { id: string };

/**
 * A search field: `key` in the query, `column` in the table. `exact` filters whenever the key is
 * given (even empty, as a normalised identifier may be); the others only when it is non-empty:
 * `eq` as given, `lower` case-insensitively, `upper` against the value in upper case.
 */
export type SearchField = { key: string; column: string; match: "exact" | "eq" | "lower" | "upper" };

export type ObjectRepoSpec<R, V> = {
  table: ObjectTable;
  alias: string;
  /** The change feed's entity type. */
  entityType: string;
  /** The message when a change collides with another of the owner's objects (its natural key). */
  duplicate: string;
  search: readonly SearchField[];
  toView: (row: R) => V;
};

const PAGE = 500;

/** The list's own options beside the feature's filters (objects.schema.ts `listQuery`). */
type ListOptions = {
  page: number;
  pageSize: number;
  owner?: string | undefined;
  sort?: ObjectSort | undefined;
};
const sortColumns = { updatedAt: "updated_at", eventDate: "event_date", reviewAt: "review_at" } as const;

export function objectRepo<Tb, R extends ObjectRow, V, F extends object>(spec: ObjectRepoSpec<R, V>) {
  const table: string = spec.table;
  const { alias: a, entityType, duplicate, search } = spec;
  const col = (c: string) => `${a}.${c}`;

  /** Enters one object; undefined when the owner has it already (its natural key). */
  const insert = (db: Db, values: Insertable<Tb>): Promise<R | undefined> =>
    (db as AnyDb)
      .insertInto(table)
      .values(values)
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst() as Promise<R | undefined>;

  const update = (db: Db, id: string, values: Updateable<Tb>): Promise<R> =>
    (db as AnyDb)
      .updateTable(table)
      .set(values)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch(duplicateKeyAs(duplicate)) as Promise<R>;

  const recordChange = (db: Db, id: string, at: Date) =>
    db
      .insertInto("change_feed")
      .values({ entity_type: entityType, entity_id: id, op: "upsert", at })
      .execute();

  /**
   * One change-feed row per imported object created or changed: the ids as one array parameter
   * (`unnest`), not four parameters a row, so a batch is one short statement.
   */
  async function recordChanges(db: Db, ids: readonly string[], at: Date) {
    if (!ids.length) return;
    await sql`INSERT INTO change_feed (entity_type, entity_id, op, at)
      SELECT ${entityType}, id, 'upsert', ${at}::timestamptz FROM unnest(${[...ids]}::text[]) AS id`.execute(
      db,
    );
  }

  /** An object the viewer may see, or undefined: "not there" and "not yours" look the same. */
  const findVisible = (db: Db, viewer: Viewer, id: string, lock = false): Promise<R | undefined> => {
    const q = (db as AnyDb)
      .selectFrom(`${table} as ${a}`)
      .selectAll(a)
      .where(col("id"), "=", id)
      .where(visibleTo(viewer, a));
    return (lock ? q.forUpdate(a) : q).executeTakeFirst() as Promise<R | undefined>;
  };

  function filtered(db: Db, viewer: Viewer, q: F) {
    let query = (db as AnyDb).selectFrom(`${table} as ${a}`).where(visibleTo(viewer, a));
    const values = q as Record<string, string | undefined>;
    for (const { key, column, match } of search) {
      const v = values[key];
      if (match === "exact" ? v === undefined : !v) continue;
      if (match === "lower")
        query = query.where((eb) => eb(eb.fn("lower", [col(column)]), "=", v?.toLowerCase()));
      else query = query.where(col(column), "=", match === "upper" ? v?.toUpperCase() : v);
    }
    return query;
  }

  async function listVisible(db: Db, viewer: Viewer, q: F & ListOptions) {
    let base = filtered(db, viewer, q);
    if (q.owner) base = base.where(col("owner"), "=", q.owner);
    const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const { key, desc } = sortOf(q.sort ?? "-updatedAt");
    // An event date may be missing (firearms, vehicles): those rows come last either way.
    const rows = (await base
      .selectAll(a)
      .orderBy(col(sortColumns[key]), direction(desc, key === "eventDate"))
      .orderBy(col("id"))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute()) as R[];
    return { rows, total: Number(total.n) };
  }

  /** Every visible object in id order, by keyset pages, so memory stays flat on big exports. */
  async function* exportVisible(db: Db, viewer: Viewer, q: F): AsyncGenerator<R> {
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const rows = (await filtered(db, viewer, q)
        .selectAll(a)
        .where(col("id"), ">", after)
        .orderBy(col("id"))
        .limit(PAGE)
        .execute()) as R[];
      for (const r of rows) yield r;
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return;
      after = last.id;
    }
  }

  return {
    toView: spec.toView,
    duplicate,
    insert,
    update,
    recordChange,
    recordChanges,
    findVisible,
    listVisible,
    exportVisible,
  };
}

export type ObjectRepo<Tb, R extends ObjectRow, V, F extends object> = ReturnType<
  typeof objectRepo<Tb, R, V, F>
>;
