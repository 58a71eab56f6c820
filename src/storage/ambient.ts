import { AsyncLocalStorage } from "node:async_hooks";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.ts";

/*
 * Ambient transactions: the guarantee that every query issued while a transaction is open, in the
 * async flow that opened it, runs on that transaction.
 *
 * Why: the embedded database is one connection. A query sent through the root handle while a
 * transaction holds that connection waits for the connection forever - the transaction is itself
 * waiting for the query. That was the request that never answered. On PostgreSQL the same mistake
 * is a split commit (part of the act outside its transaction) or a deadlock on the audit lock.
 *
 * So the handle every service receives is a proxy: inside `transaction(...)` it *is* the open
 * transaction, and `db.transaction()` joins it instead of opening a second one. A service can then
 * be called from inside another's transaction (a notice and its subject record, an import row and
 * its audit entry) and both commit together, without threading the transaction by hand.
 */

const current = new AsyncLocalStorage<Transaction<Database>>();

type Executable<T> = (trx: Kysely<Database>) => Promise<T>;

/** The open transaction of this async flow, if any. */
export const openTransaction = (): Transaction<Database> | undefined => current.getStore();

/**
 * Runs `fn` outside any ambient transaction. For shared work started lazily by whoever asks first
 * (an index load, a cache fill): it must not run inside, and die with, that caller's transaction.
 */
export const outsideTransaction = <T>(fn: () => T): T => current.exit(fn);

/** A stand-in for Kysely's TransactionBuilder that joins the open transaction or opens one. */
function builderFor(root: Kysely<Database>) {
  const builder = {
    setIsolationLevel: () => builder,
    setAccessMode: () => builder,
    execute<T>(fn: Executable<T>): Promise<T> {
      const open = current.getStore();
      if (open) return fn(open);
      return root.transaction().execute((trx) => current.run(trx, () => fn(trx)));
    },
  };
  return builder;
}

/**
 * Wraps the root handle so that it follows the ambient transaction. Every method and property is
 * read from the open transaction when there is one, from the root otherwise.
 */
export function ambientDb(root: Kysely<Database>): Kysely<Database> {
  return new Proxy(root, {
    get(target, prop) {
      if (prop === "transaction") return () => builderFor(target);
      const base: Kysely<Database> = current.getStore() ?? target;
      const value = Reflect.get(base, prop, base);
      return typeof value === "function" ? value.bind(base) : value;
    },
  });
}

/**
 * Runs `fn` in one transaction: the caller's if one is open, a new one otherwise. Everything `fn`
 * does through any ambient handle commits or rolls back with it.
 */
export function inTransaction<T>(db: Kysely<Database>, fn: Executable<T>): Promise<T> {
  return db.transaction().execute(fn);
}

/**
 * Runs `fn` in a transaction of its own that reads one consistent snapshot (REPEATABLE READ), for
 * work that must see the database as of one moment (backups). Refuses to run inside another
 * transaction, whose snapshot it could not promise.
 */
export function inSnapshot<T>(root: Kysely<Database>, fn: Executable<T>): Promise<T> {
  if (current.getStore()) throw new Error("A snapshot transaction cannot be nested in another transaction.");
  const unwrapped = rootOf(root);
  return unwrapped
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute((trx) => current.run(trx, () => fn(trx)));
}

const roots = new WeakMap<object, Kysely<Database>>();

/** Creates the ambient handle and remembers its root (for snapshot transactions). */
export function createAmbientDb(root: Kysely<Database>): Kysely<Database> {
  const proxy = ambientDb(root);
  roots.set(proxy, root);
  return proxy;
}

const rootOf = (db: Kysely<Database>): Kysely<Database> => roots.get(db) ?? db;
