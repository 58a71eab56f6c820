import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../test/harness.ts";
import { inTransaction, outsideTransaction } from "./ambient.ts";

/*
 * The guarantee behind "no request hangs": inside a transaction, every query through the shared
 * handle runs on that transaction. Before, such a query waited forever for the embedded database's
 * one connection, which the transaction itself held. A stuck wait now ends in a 503.
 */

/** Fails instead of hanging: a hang is the bug these tests are about. */
const within = <T>(ms: number, p: Promise<T>): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  ]);

const deferred = () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  return { gate, release };
};

describe.each(backends)("ambient transactions on %s", (kind) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ kind, waitMs: 400 });
  });
  afterAll(() => t.close());

  const countries = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom("countries")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("runs a query through the shared handle on the open transaction, and rolls it back with it", async () => {
    const before = await countries();
    const attempt = inTransaction(t.deps.db, async () => {
      // Through the shared handle, not the transaction object: this used to wait forever.
      await t.deps.db
        .insertInto("countries")
        .values({ code: "QZ", alpha3: "QZZ", name: "Nowhere", kind: "member" } as never)
        .execute();
      expect(await countries()).toBe(before + 1);
      throw new Error("roll back");
    });
    await expect(within(20_000, attempt)).rejects.toThrow("roll back");
    expect(await countries()).toBe(before);
  });

  it("joins the open transaction when a nested service opens one", async () => {
    const ids = await within(
      20_000,
      inTransaction(t.deps.db, async (outer) => {
        const a = await sql<{ id: number }>`SELECT txid_current() AS id`.execute(outer);
        const b = await t.deps.db
          .transaction()
          .execute((inner) => sql<{ id: number }>`SELECT txid_current() AS id`.execute(inner));
        return [a.rows[0]?.id, b.rows[0]?.id];
      }),
    );
    expect(ids[0]).toBeDefined();
    expect(ids[1]).toBe(ids[0]);
  });

  it("lets shared work step outside the caller's transaction", async () => {
    const [inside, outside] = await within(
      20_000,
      inTransaction(t.deps.db, async (trx) => {
        const a = await sql<{ id: number }>`SELECT txid_current() AS id`.execute(trx);
        // Outside, on the embedded database, the connection is the transaction's: the wait ends
        // in "busy" rather than forever. On PostgreSQL another connection answers.
        const b = await outsideTransaction(() =>
          sql<{ id: number }>`SELECT txid_current() AS id`.execute(t.deps.db).then(
            (r) => r.rows[0]?.id ?? null,
            (e: Error) => e.message,
          ),
        );
        return [a.rows[0]?.id, b];
      }),
    );
    if (kind === "pglite") expect(outside).toBe("The database is busy; try again in a moment.");
    else expect(outside).not.toBe(inside);
  });

  it("answers 503 problem+json when the database stays busy, and serves again afterwards", async () => {
    await t.user("fr.busy", "ncb_officer", "FR");
    const { headers } = await t.login("fr.busy");
    const { gate, release } = deferred();
    // Hold every connection: the embedded database has one, the test pool four.
    const holders = Array.from({ length: kind === "pglite" ? 1 : 4 }, () =>
      inTransaction(t.deps.db, async (trx) => {
        await sql`SELECT 1`.execute(trx);
        await gate;
      }),
    );
    await new Promise((r) => setTimeout(r, 100));
    const res = await within(20_000, t.app.inject({ method: "GET", url: "/api/v1/records", headers }));
    release();
    await Promise.all(holders);
    expect(res.statusCode).toBe(503);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ code: "unavailable" });
    expect(res.body).not.toMatch(/pglite|postgres|stack|kysely/i);
    const again = await t.app.inject({ method: "GET", url: "/api/v1/records", headers });
    expect(again.statusCode).toBe(200);
  });
});
