import type { Deps } from "../../deps.ts";
import { type Prepared, prepare, type SuggestProgress, suggestAsync } from "../../search/resolution/index.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { outsideTransaction } from "../../storage/ambient.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { resolutionPolicy } from "./resolution.policy.ts";
import * as repo from "./resolution.repo.ts";
import * as runs from "./resolution.runs.repo.ts";
import type { RunView } from "./resolution.schema.ts";

export type RunOptions = { minScore?: number | undefined; onProgress?: (p: RunProgress) => void };
export type RunProgress = { phase: "load" | SuggestProgress["phase"] | "store"; done: number; total: number };

const PAGE = 5000;
/** How often a run writes its progress to its row (which is also its sign of life). */
const PROGRESS_WRITE_MS = 5_000;
/** A run marked running without progress for this long was interrupted (its process died). */
const STALE_MS = 5 * 60_000;
const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * A suggestion run: every person and organisation is read (platform view), prepared, blocked and
 * scored in memory (src/search/resolution), and the suggestions replace the previous run's in one
 * transaction. Pairs judged already (any live judgement) and pairs merged already (same cluster)
 * are never suggested again. One run at a time.
 */
export function createRunner(deps: Deps) {
  const { db, clock } = deps;
  // Progress of runs in this process, finer than the row's (written every few seconds).
  const live = new Map<string, RunProgress>();

  async function execute(actor: Actor, runId: string, options: RunOptions): Promise<runs.RunRow> {
    let written = Date.now();
    let writing: Promise<unknown> = Promise.resolve();
    let closing = false;
    const report = (p: RunProgress) => {
      live.set(runId, p);
      options.onProgress?.(p);
      if (closing || Date.now() - written < PROGRESS_WRITE_MS) return;
      written = Date.now();
      // Progress on the row, for other processes and as the run's sign of life; a failed write
      // only delays the next one.
      writing = runs.updateRun(db, runId, { ...p, updated_at: clock.now() }).catch(() => {});
    };
    // The row's last word is the run's outcome: no progress write may land after it.
    const close = async () => {
      closing = true;
      await writing;
    };
    try {
      const subjects = await load(report);
      const skip = await skipper();
      await runs.updateRun(db, runId, { phase: "score", subjects: subjects.length });
      const { suggestions, stats } = await suggestAsync(subjects, {
        threshold: options.minScore,
        skip,
        onProgress: report,
      });
      report({ phase: "store", done: 0, total: suggestions.length });
      await close();
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repo.replaceCandidates(trx, runId, suggestions, now);
        await runs.updateRun(trx, runId, {
          status: "done",
          phase: "done",
          done: suggestions.length,
          total: suggestions.length,
          pairs_scored: stats.pairsScored,
          candidates: suggestions.length,
          finished_at: now,
        });
        await appendAudit(trx, clock, actor, {
          action: "resolution.run",
          recordId: runId,
          detail: { ...stats },
        });
      });
      report({ phase: "store", done: suggestions.length, total: suggestions.length });
    } catch (e) {
      await close();
      const message = e instanceof AppError ? e.message : "the run failed";
      await runs.updateRun(db, runId, { status: "failed", error: message, finished_at: clock.now() });
      if (!(e instanceof AppError)) console.error(e);
    } finally {
      live.delete(runId);
    }
    return (await runs.findRun(db, runId)) as runs.RunRow;
  }

  async function load(report: (p: RunProgress) => void): Promise<Prepared[]> {
    const out: Prepared[] = [];
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const page = await repo.subjectsPage(db, after, PAGE);
      for (const r of page)
        out.push(prepare({ id: r.id, owner: r.owner, schema: r.schema, properties: r.properties }));
      report({ phase: "load", done: out.length, total: out.length });
      await tick();
      const last = page.at(-1);
      if (!last || page.length < PAGE) return out;
      after = last.id;
    }
  }

  /** Judged pairs and pairs in one cluster already: never suggested. */
  async function skipper() {
    const judged = new Set<string>();
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      let r = x;
      while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as string;
      parent.set(x, r);
      return r;
    };
    for (const j of await repo.liveJudgements(db)) {
      judged.add(`${j.left_id}|${j.right_id}`);
      if (j.judgement === "positive") parent.set(find(j.left_id), find(j.right_id));
    }
    return (a: string, b: string) =>
      judged.has(`${a}|${b}`) || (parent.has(a) && parent.has(b) && find(a) === find(b));
  }

  function ensureRun(actor: Actor) {
    if (!resolutionPolicy.run(actor))
      throw new AppError("forbidden", "Only the Secretariat's analysts start a suggestion run.");
  }

  async function begin(actor: Actor) {
    ensureRun(actor);
    const now = clock.now();
    const running = await runs.runningRun(db);
    if (running && now.getTime() - new Date(running.updated_at).getTime() < STALE_MS)
      throw new AppError("conflict", "A suggestion run is already under way.");
    // A run that stopped giving signs of life was interrupted: it is closed as failed, not resumed.
    if (running)
      await runs.updateRun(db, running.id, { status: "failed", error: "interrupted", finished_at: now });
    return runs.insertRun(db, actor.username, now);
  }

  /** Runs to the end (the CLI, tests). */
  async function run(actor: Actor, options: RunOptions = {}): Promise<RunView> {
    const row = await begin(actor);
    return runView(await execute(actor, row.id, options));
  }

  /** Starts a run in the background and answers at once (the API); follow it with `getRun`. */
  async function startRun(actor: Actor, options: Pick<RunOptions, "minScore"> = {}): Promise<RunView> {
    const row = await begin(actor);
    outsideTransaction(() => void execute(actor, row.id, options));
    return runView(row);
  }

  async function getRun(actor: Actor, id: string): Promise<RunView> {
    ensureRun(actor);
    const row = isUuid(id) ? await runs.findRun(db, id) : undefined;
    if (!row) throw new AppError("not_found", "No such run.");
    const p = live.get(id);
    return runView(p ? { ...row, phase: p.phase, done: p.done, total: p.total } : row);
  }

  return { run, startRun, getRun };
}

function runView(r: runs.RunRow): RunView {
  return {
    id: r.id,
    status: r.status,
    phase: r.phase,
    done: Number(r.done),
    total: Number(r.total),
    subjects: Number(r.subjects),
    pairsScored: Number(r.pairs_scored),
    candidates: Number(r.candidates),
    error: r.error,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}
