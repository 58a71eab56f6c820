import type { Kysely } from "kysely";
import type { Config } from "../../config.ts";
import type { Database } from "../../storage/schema.ts";
import { GENESIS_HASH, rowHash } from "./audit.chain.ts";
import { type Checkpoint, readCheckpoints } from "./audit.checkpoint.ts";
import { auditRowsInOrder } from "./audit.repo.ts";
import type { VerifyProblem, VerifyResult } from "./audit.schema.ts";
import { loadVerifier } from "./audit.signing.ts";

/*
 * The chain alone proves that no row was changed in place; it cannot tell a shorter chain, or one
 * recomputed from scratch, from the real one. Signed checkpoints can: each names a seq, the hash
 * that row had and how many rows led up to it. One pass in seq order checks both.
 */

type Finding = { kind: "truncated" | "deleted" | "rewritten"; checkpoint: Checkpoint; message: string };

type Walk = {
  chain: Pick<VerifyResult, "checked" | "firstBrokenSeq" | "reason">;
  rows: number;
  head: { seq: number; hash: string } | null;
  findings: Finding[];
};

/** Compares the rows at or before each checkpoint's seq with what the checkpoint vouches for. */
function anchorChecker(checkpoints: Checkpoint[], findings: Finding[]) {
  const pending = [...checkpoints].sort((a, b) => a.seq - b.seq);
  let next = 0;
  return {
    row(seq: number, hash: string, rowsSoFar: number) {
      for (let c = pending[next]; c && c.seq <= seq; c = pending[++next]) {
        if (c.seq < seq)
          findings.push({
            kind: "deleted",
            checkpoint: c,
            message: `deleted rows: the row at seq ${c.seq}, signed in the checkpoint of ${c.at}, is missing`,
          });
        else if (hash !== c.hash)
          findings.push({
            kind: "rewritten",
            checkpoint: c,
            message: `rewritten: the hash of row ${c.seq} differs from the checkpoint signed at ${c.at} (head hash differs from signed checkpoint)`,
          });
        else if (rowsSoFar < c.count)
          findings.push({
            kind: "deleted",
            checkpoint: c,
            message: `deleted rows: ${rowsSoFar} rows up to seq ${c.seq}, the checkpoint signed at ${c.at} counts ${c.count}`,
          });
      }
    },
    /** Checkpoints beyond the last row: the newest rows are gone. */
    end(): Checkpoint[] {
      return pending.slice(next);
    },
  };
}

/**
 * One pass over the trail: recompute each hash and link (stopping the chain check at the first
 * broken row, as before), and keep walking so every checkpoint is still compared.
 */
async function walkTrail(db: Kysely<Database>, checkpoints: Checkpoint[], batch: number): Promise<Walk> {
  const findings: Finding[] = [];
  const anchors = anchorChecker(checkpoints, findings);
  let chain: Walk["chain"] | null = null;
  let prev = GENESIS_HASH;
  let rows = 0;
  let head: Walk["head"] = null;
  for await (const r of auditRowsInOrder(db, batch)) {
    const seq = Number(r.seq);
    if (!chain) {
      const broken = (reason: string) => ({ checked: rows, firstBrokenSeq: seq, reason });
      if (r.prev_hash !== prev)
        chain = broken("prev_hash does not match the previous row (row removed or altered)");
      else if (r.hash !== rowHash({ ...r, seq, at: new Date(r.at), detail: r.detail }))
        chain = broken("row content does not match its hash (row altered)");
    }
    prev = r.hash;
    rows++;
    head = { seq, hash: r.hash };
    anchors.row(seq, r.hash, rows);
  }
  const beyond = anchors.end();
  const latest = beyond.at(-1);
  if (latest)
    findings.push({
      kind: "truncated",
      checkpoint: latest,
      message: `truncated: rows after seq ${head?.seq ?? 0} missing (the checkpoint signed at ${latest.at} vouches for seq ${latest.seq} and ${latest.count} rows; the table ends at seq ${head?.seq ?? 0} with ${rows} rows)`,
    });
  return { chain: chain ?? { checked: rows, firstBrokenSeq: null, reason: null }, rows, head, findings };
}

/** One line per kind: the earliest contradicted checkpoint, and how many others agree with it. */
function summarise(findings: Finding[]): VerifyProblem[] {
  const kinds = ["truncated", "deleted", "rewritten"] as const;
  return kinds.flatMap((kind) => {
    const all = findings.filter((f) => f.kind === kind);
    const [first] = all;
    if (!first) return [];
    const more = all.length > 1 ? ` (${all.length} checkpoints contradicted)` : "";
    return [{ kind, seq: first.checkpoint.seq, message: `${first.message}${more}` }];
  });
}

/** The chain alone, without checkpoints: what the first-broken-row report is computed from. */
export async function verifyChain(db: Kysely<Database>, batch = 2000) {
  const { chain } = await walkTrail(db, [], batch);
  return { ok: chain.firstBrokenSeq === null, ...chain };
}

/**
 * Verifies the chain and every signed checkpoint. The checkpoint file is read before the rows, so
 * a checkpoint written meanwhile never names a row the walk has not reached.
 */
export async function verifyAuditTrail(
  db: Kysely<Database>,
  config: Config,
  batch = 2000,
): Promise<VerifyResult> {
  const file = await readCheckpoints(config.auditCheckpointFile, loadVerifier(config.auditSigningKeyFile));
  const walk = await walkTrail(db, file.checkpoints, batch);
  const problems: VerifyProblem[] = [];
  if (walk.chain.firstBrokenSeq !== null)
    problems.push({
      kind: "chain_broken",
      seq: walk.chain.firstBrokenSeq,
      message: `audit chain BROKEN at row ${walk.chain.firstBrokenSeq}: ${walk.chain.reason} (${walk.chain.checked} rows before it are intact)`,
    });
  problems.push(...summarise(walk.findings), ...file.problems);
  const latest = file.checkpoints.at(-1);
  const notices =
    file.lines === 0
      ? [
          `no checkpoint yet: nothing outside the database vouches for the trail (${config.auditCheckpointFile} is absent or empty; the server signs one at start, every ${config.auditCheckpointMs / 1000} s and on shutdown, \`fusion audit checkpoint\` signs one now)`,
        ]
      : [];
  return {
    ok: problems.length === 0,
    ...walk.chain,
    rows: walk.rows,
    headSeq: walk.head?.seq ?? null,
    headHash: walk.head?.hash ?? null,
    checkpoint: latest
      ? { seq: latest.seq, hash: latest.hash, count: latest.count, at: latest.at, keyId: latest.keyId }
      : null,
    checkpointsChecked: file.checkpoints.length,
    problems,
    notices,
  };
}
