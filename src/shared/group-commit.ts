import type { Kysely } from "kysely";
import { outsideTransaction } from "../storage/ambient.ts";
import type { Database } from "../storage/schema.ts";

/*
 * Group commit for small, frequent writes that must each be durable before their request is
 * answered (a screening query's audit row, its hits): the writes waiting while one transaction
 * commits go together in the next one. Every audit append takes the chain's lock, so one
 * transaction per request serialises concurrent requests on it; one per batch lets them share
 * the lock and the commit. A request is answered only after its batch committed. When a batch
 * fails, each of its writes is retried alone, so one bad write never fails the others.
 */

type Job = {
  run: (trx: Kysely<Database>) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
};

export class GroupCommit {
  private pending: Job[] = [];
  private draining = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxBatch = 64,
  ) {}

  /** Runs `write` in the next batch's transaction; resolves once that transaction committed. */
  write<T>(run: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run, resolve: resolve as (v: unknown) => void, reject });
      // The batch runs on its own, not inside (and dying with) the first caller's transaction.
      if (!this.draining) void outsideTransaction(() => this.drain());
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.length) {
        const batch = this.pending.splice(0, this.maxBatch);
        try {
          const results = await this.db.transaction().execute(async (trx) => {
            const out: unknown[] = [];
            for (const job of batch) out.push(await job.run(trx));
            return out;
          });
          for (const [i, job] of batch.entries()) job.resolve(results[i]);
        } catch (error) {
          if (batch.length === 1) (batch[0] as Job).reject(error);
          else
            for (const job of batch)
              await this.db.transaction().execute(job.run).then(job.resolve, job.reject);
        }
      }
    } finally {
      this.draining = false;
    }
  }
}
