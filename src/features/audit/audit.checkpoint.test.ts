import { generateKeyPairSync } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { type Kysely, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Database } from "../../storage/schema.ts";
import { rowHash } from "./audit.chain.ts";
import {
  type Checkpoint,
  createCheckpointWriter,
  signCheckpoint,
  startAuditCheckpoints,
} from "./audit.checkpoint.ts";
import type { CheckpointLog } from "./audit.checkpoint-sinks.ts";
import { readAuditHead } from "./audit.repo.ts";
import { keyIdOf, publicKeyFileOf } from "./audit.signing.ts";
import { verifyAuditTrail } from "./audit.verify.ts";

const logged: string[] = [];
const log: CheckpointLog = {
  info: () => {},
  warn: (_, m) => logged.push(m),
  error: (_, m) => logged.push(m),
};

/** What a privileged insider does: switch the append-only guard off for one change. */
async function unguarded(db: Kysely<Database>, change: () => Promise<unknown>) {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
  try {
    await change();
  } finally {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(db);
  }
}

const seqs = async (db: Kysely<Database>) =>
  (await db.selectFrom("audit_log").select("seq").orderBy("seq").execute()).map((r) => Number(r.seq));

const checkpointLines = (t: TestContext) =>
  readFileSync(t.deps.config.auditCheckpointFile, "utf8").trim().split("\n");

describe.each(backends)("signed audit checkpoints on %s", (kind) => {
  let t: TestContext;
  afterEach(() => t?.close());

  /** A fresh trail with a few rows, anchored by one signed checkpoint. */
  async function anchoredTrail(): Promise<Checkpoint> {
    t = await createTestContext({ kind });
    for (const name of ["cp.one", "cp.two", "cp.three", "cp.four"]) await t.user(name, "ncb_officer", "FR");
    const checkpoint = await createCheckpointWriter(t.deps, log).write();
    if (!checkpoint) throw new Error("no checkpoint written");
    return checkpoint;
  }

  it("passes an untouched trail, over HTTP with the checkpoint it agrees with", async () => {
    const cp = await anchoredTrail();
    expect(checkpointLines(t)).toEqual([JSON.stringify(cp)]);
    await t.user("dpo", "auditor", "XG");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/audit/verify",
      headers: (await t.login("dpo")).headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      firstBrokenSeq: null,
      checkpoint: { seq: cp.seq, hash: cp.hash, count: cp.count, at: "2026-06-01T09:00:00.000Z" },
      checkpointsChecked: 1,
      problems: [],
      notices: [],
    });
    expect(res.json().rows).toBeGreaterThan(cp.count);
  });

  it("says so when no checkpoint exists yet, without failing", async () => {
    t = await createTestContext({ kind });
    await t.user("cp.solo", "ncb_officer", "FR");
    const r = await verifyAuditTrail(t.deps.db, t.deps.config);
    expect(r).toMatchObject({ ok: true, checkpoint: null, checkpointsChecked: 0, problems: [] });
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toMatch(/^no checkpoint yet: /);
  });

  it("detects the newest rows deleted after a checkpoint as truncation (the chain alone passes)", async () => {
    const cp = await anchoredTrail();
    const all = await seqs(t.deps.db);
    const kept = all.at(-4) ?? 0;
    await unguarded(t.deps.db, () => t.deps.db.deleteFrom("audit_log").where("seq", ">", kept).execute());
    const r = await verifyAuditTrail(t.deps.db, t.deps.config);
    expect(r).toMatchObject({ ok: false, firstBrokenSeq: null, headSeq: kept, rows: cp.count - 3 });
    expect(r.problems).toEqual([
      {
        kind: "truncated",
        seq: cp.seq,
        message: `truncated: rows after seq ${kept} missing (the checkpoint signed at 2026-06-01T09:00:00.000Z vouches for seq ${cp.seq} and ${cp.count} rows; the table ends at seq ${kept} with ${cp.count - 3} rows)`,
      },
    ]);
  });

  it("still detects the cut after new rows and a newer checkpoint cover it up", async () => {
    const cp = await anchoredTrail();
    const writer = createCheckpointWriter(t.deps, log);
    await writer.write();
    await unguarded(t.deps.db, () =>
      t.deps.db
        .deleteFrom("audit_log")
        .where("seq", ">=", cp.seq - 1)
        .execute(),
    );
    await t.user("cp.after", "ncb_officer", "FR");
    logged.length = 0;
    await writer.write();
    expect(logged).toEqual([
      "the audit row vouched for by the previous checkpoint is gone or changed: run `fusion audit verify`",
    ]);
    expect(checkpointLines(t)).toHaveLength(3);
    const r = await verifyAuditTrail(t.deps.db, t.deps.config);
    expect(r.firstBrokenSeq).toBeNull();
    expect(r.problems.map((p) => p.kind)).toEqual(["deleted"]);
    expect(r.problems[0]?.message).toBe(
      `deleted rows: the row at seq ${cp.seq}, signed in the checkpoint of 2026-06-01T09:00:00.000Z, is missing (2 checkpoints contradicted)`,
    );
  });

  it("detects rows rewritten with the whole chain recomputed", async () => {
    const cp = await anchoredTrail();
    const rows = await t.deps.db.selectFrom("audit_log").selectAll().orderBy("seq").execute();
    const victim = rows.findIndex((r) => r.action === "user.create");
    expect(victim).toBeGreaterThanOrEqual(0);
    await unguarded(t.deps.db, async () => {
      let prev = rows[victim - 1]?.hash ?? "0".repeat(64);
      for (const r of rows.slice(victim)) {
        const actor_country = r.seq === rows[victim]?.seq ? "US" : r.actor_country;
        const fields = { ...r, seq: Number(r.seq), at: new Date(r.at), actor_country, prev_hash: prev };
        prev = rowHash(fields);
        await t.deps.db
          .updateTable("audit_log")
          .set({ actor_country, prev_hash: fields.prev_hash, hash: prev })
          .where("seq", "=", r.seq)
          .execute();
      }
    });
    const r = await verifyAuditTrail(t.deps.db, t.deps.config);
    expect(r).toMatchObject({ ok: false, firstBrokenSeq: null, headSeq: cp.seq });
    expect(r.problems).toEqual([
      {
        kind: "rewritten",
        seq: cp.seq,
        message: `rewritten: the hash of row ${cp.seq} differs from the checkpoint signed at 2026-06-01T09:00:00.000Z (head hash differs from signed checkpoint)`,
      },
    ]);
  });

  it("refuses a checkpoint edited by hand or signed with another key", async () => {
    const cp = await anchoredTrail();
    const file = t.deps.config.auditCheckpointFile;
    writeFileSync(file, `${JSON.stringify({ ...cp, count: cp.count - 2 })}\n`);
    const edited = await verifyAuditTrail(t.deps.db, t.deps.config);
    expect(edited).toMatchObject({ ok: false, checkpoint: null, checkpointsChecked: 0 });
    expect(edited.problems).toEqual([
      {
        kind: "checkpoint_invalid",
        seq: null,
        message: `checkpoint signature invalid: line 1 of ${file} does not match its signature`,
      },
    ]);

    const forger = generateKeyPairSync("ed25519");
    const forgerId = keyIdOf(forger.publicKey);
    const forged = signCheckpoint(
      { ...forger, keyId: forgerId, file: "elsewhere", created: false },
      { seq: cp.seq, hash: cp.hash, count: cp.count },
      new Date("2026-06-01T10:00:00Z"),
    );
    writeFileSync(file, `${JSON.stringify(cp)}\n${JSON.stringify(forged)}\n`);
    const other = await verifyAuditTrail(t.deps.db, t.deps.config);
    expect(other).toMatchObject({ ok: false, checkpoint: { seq: cp.seq }, checkpointsChecked: 1 });
    expect(other.problems.map((p) => p.message)).toEqual([
      `checkpoint signature invalid: line 2 of ${file} is signed by key ${forgerId}, not by key ${cp.keyId}`,
    ]);

    rmSync(t.deps.config.auditSigningKeyFile);
    rmSync(publicKeyFileOf(t.deps.config.auditSigningKeyFile));
    const keyless = await verifyAuditTrail(t.deps.db, t.deps.config);
    expect(keyless.ok).toBe(false);
    expect(keyless.problems.map((p) => p.kind)).toEqual(["key_missing"]);
  });

  it("checks with the public key alone, as an auditor's machine would", async () => {
    const cp = await anchoredTrail();
    rmSync(t.deps.config.auditSigningKeyFile);
    const r = await verifyAuditTrail(t.deps.db, t.deps.config);
    expect(r).toMatchObject({ ok: true, checkpoint: { seq: cp.seq, keyId: cp.keyId }, problems: [] });
  });

  it("the server job signs the head at start and at stop; a writer skips an unchanged head", async () => {
    t = await createTestContext({ kind });
    await t.user("cp.job", "ncb_officer", "FR");
    const stop = startAuditCheckpoints(t.deps, log);
    await t.user("cp.job2", "ncb_officer", "FR");
    await stop();
    const head = await readAuditHead(t.deps.db);
    const last = JSON.parse(checkpointLines(t).at(-1) ?? "null") as Checkpoint;
    expect(last).toMatchObject({ seq: head?.seq, hash: head?.hash, count: head?.count });
    const writer = createCheckpointWriter(t.deps, log);
    expect(await writer.write()).toMatchObject({ seq: head?.seq });
    expect(await writer.write()).toBeNull();
    expect((await verifyAuditTrail(t.deps.db, t.deps.config)).ok).toBe(true);
  });
});
