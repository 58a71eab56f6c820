import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Deps } from "../../deps.ts";
import { canonicalJson } from "./audit.chain.ts";
import { type CheckpointLog, checkpointSinks, writeToSinks } from "./audit.checkpoint-sinks.ts";
import { type AuditHead, auditHashAt, readAuditHead } from "./audit.repo.ts";
import type { VerifyProblem } from "./audit.schema.ts";
import {
  type AuditSigner,
  type AuditVerifier,
  loadOrCreateSigningKey,
  publicKeyFileOf,
  signText,
  verifyText,
} from "./audit.signing.ts";

/*
 * A checkpoint is the chain head (seq and hash) and the row count, signed with a key the database
 * does not hold and written outside it. A later verify that finds the row at that seq gone, with
 * another hash, or fewer rows up to it, knows the trail was cut or rewritten after the signature.
 */

const checkpointSchema = z
  .object({
    v: z.literal(1),
    seq: z.number().int().positive(),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    count: z.number().int().positive(),
    at: z.iso.datetime(),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    sig: z.string().max(200),
  })
  .strict();

export type Checkpoint = z.infer<typeof checkpointSchema>;

/** The signed bytes: every field but the signature, in canonical JSON. */
const signedText = (c: Omit<Checkpoint, "sig">) =>
  canonicalJson({ v: c.v, seq: c.seq, hash: c.hash, count: c.count, at: c.at, keyId: c.keyId });

export function signCheckpoint(signer: AuditSigner, head: AuditHead, at: Date): Checkpoint {
  const body = { v: 1 as const, seq: head.seq, hash: head.hash, count: head.count, at: at.toISOString() };
  const unsigned = { ...body, keyId: signer.keyId };
  return { ...unsigned, sig: signText(signer, signedText(unsigned)) };
}

export type CheckpointFile = { checkpoints: Checkpoint[]; lines: number; problems: VerifyProblem[] };

/** Reports the first of several bad lines and how many there were, so one tamper gives one line. */
function summarise(bad: { line: number; why: string }[], file: string): VerifyProblem[] {
  const [first] = bad;
  if (!first) return [];
  const more = bad.length > 1 ? ` (${bad.length} bad lines in all)` : "";
  return [
    {
      kind: "checkpoint_invalid",
      seq: null,
      message: `checkpoint signature invalid: line ${first.line} of ${file} ${first.why}${more}`,
    },
  ];
}

/** The checkpoint on one line, or why it cannot vouch for anything. */
function checkLine(raw: string, verifier: AuditVerifier): Checkpoint | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return "is not JSON";
  }
  const parsed = checkpointSchema.safeParse(value);
  if (!parsed.success) return "is not a checkpoint";
  const c = parsed.data;
  if (c.keyId !== verifier.keyId) return `is signed by key ${c.keyId}, not by key ${verifier.keyId}`;
  if (!verifyText(verifier, signedText(c), c.sig)) return "does not match its signature";
  return c;
}

/**
 * Reads the checkpoint file and keeps the lines whose signature holds under the verifier. A bad
 * line is reported and ignored: it cannot vouch for anything.
 */
export async function readCheckpoints(file: string, verifier: AuditVerifier | null): Promise<CheckpointFile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { checkpoints: [], lines: 0, problems: [] };
    throw e;
  }
  // Numbered as in the file, blank lines skipped, so a report names the line an editor shows.
  const lines = text
    .split("\n")
    .map((raw, i) => ({ raw, line: i + 1 }))
    .filter((l) => l.raw.trim() !== "");
  if (!lines.length) return { checkpoints: [], lines: 0, problems: [] };
  if (!verifier) {
    const message = `signing key missing: neither the key nor its public half is at the configured path, so the ${lines.length} checkpoints in ${file} cannot be checked`;
    return { checkpoints: [], lines: lines.length, problems: [{ kind: "key_missing", seq: null, message }] };
  }
  const checkpoints: Checkpoint[] = [];
  const bad: { line: number; why: string }[] = [];
  for (const { raw, line } of lines) {
    const why = checkLine(raw, verifier);
    if (typeof why === "string") bad.push({ line, why });
    else checkpoints.push(why);
  }
  return { checkpoints, lines: lines.length, problems: summarise(bad, file) };
}

/**
 * Signs the current head and sends it to every sink. Skips when nothing was appended since this
 * writer's last checkpoint; warns when the row that checkpoint vouched for has since changed.
 */
export function createCheckpointWriter(deps: Deps, log: CheckpointLog) {
  const { config, db, clock } = deps;
  const signer = loadOrCreateSigningKey(config.auditSigningKeyFile);
  if (signer.created) {
    const msg = `generated the audit signing key ${signer.file} (key id ${signer.keyId}, public key ${publicKeyFileOf(signer.file)}); back it up and keep it away from the database`;
    // Outside demo mode a generated key is worth a warning: it should have been provisioned.
    if (config.demo) log.info({ keyId: signer.keyId }, msg);
    else log.warn({ keyId: signer.keyId }, msg);
  }
  const sinks = checkpointSinks(config);
  let last: Checkpoint | null = null;
  return {
    signer,
    async write(): Promise<Checkpoint | null> {
      const head = await readAuditHead(db);
      if (!head) return null;
      if (last) {
        if (last.seq === head.seq && last.hash === head.hash) return null;
        if ((await auditHashAt(db, last.seq)) !== last.hash)
          log.error(
            { seq: last.seq },
            "the audit row vouched for by the previous checkpoint is gone or changed: run `fusion audit verify`",
          );
      }
      const checkpoint = signCheckpoint(signer, head, clock.now());
      await writeToSinks(sinks, checkpoint, log);
      last = checkpoint;
      return checkpoint;
    },
  };
}

/**
 * Writes a checkpoint now, then every AUDIT_CHECKPOINT_SECONDS. Returns the stop function, which
 * writes a final checkpoint. Failures are logged, never thrown: a sink outage must not stop the
 * server, and the next tick tries again.
 */
export function startAuditCheckpoints(deps: Deps, log: CheckpointLog): () => Promise<void> {
  let writer: ReturnType<typeof createCheckpointWriter>;
  try {
    writer = createCheckpointWriter(deps, log);
  } catch (err) {
    log.error({ err }, "audit checkpoints are disabled: the signing key cannot be loaded");
    return async () => {};
  }
  // Ticks run one after another, so a slow sink never interleaves two checkpoints.
  let queue: Promise<unknown> = Promise.resolve();
  const tick = () => {
    queue = queue
      .then(() => writer.write())
      .catch((err: unknown) =>
        log.error({ err }, "audit checkpoint failed; will retry at the next interval"),
      );
    return queue;
  };
  void tick();
  const timer = setInterval(() => void tick(), deps.config.auditCheckpointMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await tick();
  };
}
