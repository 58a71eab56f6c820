import type { PGlite } from "@electric-sql/pglite";
import {
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PGliteAdapter,
  PGliteDialect,
  type TransactionSettings,
} from "kysely";
import { AppError } from "../shared/errors.ts";

/*
 * The embedded database's dialect, with one change: waiting for the single connection has a time
 * limit. Kysely's own PGlite dialect queues callers on an unbounded mutex, so one stuck holder
 * stalls every later request silently. Here a caller that waits longer than `waitMs` gets a 503
 * ("busy, try again") and leaves the queue; the server stays responsive and says why.
 */

class TimedMutex {
  #held = false;
  #queue: Array<() => void> = [];

  acquire(waitMs: number): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#queue = this.#queue.filter((g) => g !== grant);
        reject(
          new AppError("unavailable", "The database is busy; try again in a moment.", { waitedMs: waitMs }),
        );
      }, waitMs);
      this.#queue.push(grant);
    });
  }

  release(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#held = false;
  }
}

class SerialDriver implements Driver {
  readonly #inner: Driver;
  readonly #mutex = new TimedMutex();
  readonly #waitMs: number;

  constructor(inner: Driver, waitMs: number) {
    this.#inner = inner;
    this.#waitMs = waitMs;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.acquire(this.#waitMs);
    try {
      return await this.#inner.acquireConnection();
    } catch (e) {
      this.#mutex.release();
      throw e;
    }
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.#inner.releaseConnection(connection);
    } finally {
      this.#mutex.release();
    }
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection);
  }
  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

/** The adapter of Kysely's PGlite dialect, minus its own (unbounded) connection mutex. */
class SerialAdapter extends PGliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

export function serialPgliteDialect(pglite: PGlite, waitMs: number): Dialect {
  const base = new PGliteDialect({ pglite });
  return {
    createAdapter: () => new SerialAdapter(),
    createDriver: () => new SerialDriver(base.createDriver(), waitMs),
    createQueryCompiler: () => base.createQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => base.createIntrospector(db),
  };
}
