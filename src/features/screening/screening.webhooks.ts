import { createHmac } from "node:crypto";
import { sql } from "kysely";
import type { Deps } from "../../deps.ts";
import { GENERAL_SECRETARIAT } from "../../storage/seed/countries.ts";
import { unseal } from "../auth/secret-box.ts";
import { hitVisibleTo } from "./screening.hits.repo.ts";
import { hitView } from "./screening.hits.ts";

/*
 * Delivers each queued hit to its owner's national system: a JSON POST signed with HMAC-SHA256 over
 * "<timestamp>.<body>" (header X-Fusion-Signature: t=<unix seconds>,v1=<hex>), retried with
 * exponential back-off from 5 s to an hour, given up after a day of failures and left visible in
 * the outbox. Rows are claimed with SKIP LOCKED, so any number of nodes may run the deliverer.
 */

const BATCH = 20;
const MAX_ATTEMPTS = 30;
const TIMEOUT_MS = 5000;
const platformView = { country: GENERAL_SECRETARIAT, isSecretariat: true };

export const signature = (secret: string, timestamp: number, body: string): string =>
  `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;

const backoffMs = (attempts: number): number => Math.min(3_600_000, 5000 * 2 ** Math.max(0, attempts - 1));

export function createWebhookDeliverer({ db, clock, secretKey }: Deps, post: typeof fetch = fetch) {
  /** Sends what is due now; returns how many were delivered. */
  async function deliverDue(): Promise<number> {
    let delivered = 0;
    await db.transaction().execute(async (trx) => {
      const due = await sql<{
        id: number;
        hit_id: string;
        attempts: number;
        url: string;
        secret_box: string;
      }>`
        SELECT o.id, o.hit_id, o.attempts, w.url, w.secret_box
        FROM screening_deliveries o JOIN screening_webhooks w ON w.country = o.country
        WHERE o.delivered_at IS NULL AND o.given_up_at IS NULL AND o.next_at <= ${clock.now()}
        ORDER BY o.next_at LIMIT ${BATCH} FOR UPDATE OF o SKIP LOCKED`.execute(trx);
      for (const d of due.rows) {
        const hit = await trx
          .selectFrom("screening_hits as h")
          .selectAll("h")
          .where("h.id", "=", d.hit_id)
          .where(hitVisibleTo(platformView))
          .executeTakeFirst();
        if (!hit) continue;
        const body = JSON.stringify({ type: "screening.hit", hit: hitView(hit) });
        const timestamp = Math.floor(clock.now().getTime() / 1000);
        let error: string | null = null;
        try {
          const res = await post(d.url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "x-fusion-signature": signature(unseal(secretKey, d.secret_box), timestamp, body),
            },
            body,
            signal: AbortSignal.timeout(TIMEOUT_MS),
          });
          if (!res.ok) error = `HTTP ${res.status}`;
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
        const attempts = d.attempts + 1;
        const now = clock.now();
        await trx
          .updateTable("screening_deliveries")
          .set(
            error === null
              ? { attempts, delivered_at: now, last_error: null }
              : {
                  attempts,
                  last_error: error.slice(0, 500),
                  next_at: new Date(now.getTime() + backoffMs(attempts)),
                  ...(attempts >= MAX_ATTEMPTS ? { given_up_at: now } : {}),
                },
          )
          .where("id", "=", d.id)
          .execute();
        if (error === null) delivered++;
      }
    });
    return delivered;
  }

  return {
    deliverDue,
    /** Runs the deliverer every `everyMs` in the background; returns the stop function. */
    start(everyMs: number, log: (e: unknown) => void): () => void {
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        deliverDue()
          .catch(log)
          .finally(() => {
            running = false;
          });
      }, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
