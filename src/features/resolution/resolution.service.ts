import { randomUUID } from "node:crypto";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { appendAudit } from "../audit/audit.append.ts";
import type { RecordsService } from "../records/records.service.ts";
import { judgementView, linesOf, type ResolverLine } from "./resolution.format.ts";
import { mergedView } from "./resolution.merge.ts";
import { resolutionPolicy } from "./resolution.policy.ts";
import * as repo from "./resolution.repo.ts";
import { createRunner } from "./resolution.run.ts";
import {
  type CandidateView,
  type JudgeInput,
  type JudgementView,
  judgeSchema,
  type ListCandidatesQuery,
  type MergedEntity,
} from "./resolution.schema.ts";

type Db = Deps["db"];
const organisations = new Set(["Organization", "LegalEntity"]);
const kindOf = (schema: string) => (organisations.has(schema) ? "Organization" : schema);

/**
 * The records connected to `start` by live positive judgements, and the cluster's canonical id
 * (the greatest NK- id among them, as nomenklatura's resolver picks it). Platform view: a cluster
 * runs through members a reader may not see; callers cut the answer to the reader's view.
 */
export async function clusterOf(db: Db, start: readonly string[]) {
  const members = new Set(start);
  let canonical: string | null = null;
  let frontier = [...start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const e of await repo.positiveTouching(db, frontier)) {
      if (e.canonical_id && (canonical === null || e.canonical_id > canonical)) canonical = e.canonical_id;
      for (const id of [e.left_id, e.right_id])
        if (!members.has(id)) {
          members.add(id);
          next.push(id);
        }
    }
    frontier = next;
  }
  return { members, canonical };
}

export function createResolutionService(deps: Deps, records: RecordsService) {
  const { db, clock } = deps;
  const ensure = (allowed: boolean, what: string) => {
    if (!allowed) throw new AppError("forbidden", `Your role may not ${what}.`);
  };

  async function listCandidates(actor: Actor, q: ListCandidatesQuery) {
    ensure(resolutionPolicy.read(actor), "read duplicate suggestions");
    return db.transaction().execute(async (trx) => {
      const { rows, total } = await repo.listCandidates(trx, actor, q);
      await appendAudit(trx, clock, actor, {
        action: "resolution.candidates.list",
        detail: { page: q.page, returned: rows.length, total, minScore: q.minScore ?? null },
      });
      const items = rows.map(
        (r): CandidateView => ({
          id: Number(r.id),
          score: Number(r.score),
          explanation: r.explanation,
          left: { id: r.l_id, schema: r.l_schema, caption: r.l_caption, owner: r.l_owner },
          right: { id: r.r_id, schema: r.r_schema, caption: r.r_caption, owner: r.r_owner },
          createdAt: new Date(r.created_at).toISOString(),
        }),
      );
      return { items, total, page: q.page, pageSize: q.pageSize };
    });
  }

  /** Judges a pair; a new judgement of the same pair supersedes the live one (kept as history). */
  async function judge(actor: Actor, input: JudgeInput): Promise<JudgementView> {
    ensure(resolutionPolicy.judge(actor), "judge duplicate suggestions");
    const v = parseOrThrow(judgeSchema, input, "judgement");
    if (v.left === v.right)
      throw new AppError("validation_failed", "The judgement is not valid.", {
        errors: [{ path: "right", message: "a record cannot be judged against itself" }],
      });
    const [left, right] = v.left < v.right ? [v.left, v.right] : [v.right, v.left];
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const pair = await repo.visibleRecords(trx, actor, [left, right]);
      if (pair.length !== 2) throw new AppError("not_found", "No such record.");
      if (kindOf(pair[0]?.schema ?? "") !== kindOf(pair[1]?.schema ?? ""))
        throw new AppError("validation_failed", "The judgement is not valid.", {
          errors: [{ path: "right", message: "a person and an organisation are never the same entity" }],
        });
      const previous = await repo.liveJudgementOf(trx, left, right);
      if (previous) await repo.retractJudgement(trx, Number(previous.id), actor.username, now);
      const canonical = await canonicalFor(trx, v.judgement, left, right);
      const score = await repo.candidateScore(trx, actor, left, right);
      const row = await repo.insertJudgement(trx, {
        left_id: left,
        right_id: right,
        judgement: v.judgement,
        canonical_id: canonical,
        score: score ? Number(score.score) : null,
        user_name: actor.username,
        user_id: actor.kind === "user" ? actor.id : null,
        user_country: actor.country,
        created_at: now,
      });
      await repo.deleteCandidate(trx, left, right);
      await appendAudit(trx, clock, actor, {
        action: "resolution.judge",
        recordType: "Judgement",
        recordId: left,
        detail: {
          judgementId: Number(row.id),
          left,
          right,
          judgement: v.judgement,
          supersedes: previous?.id ?? null,
        },
      });
      return judgementView(row);
    });
  }

  /**
   * The canonical id a positive judgement joins (the greater of the two clusters', or a new one);
   * a negative or unsure judgement of two records merged through other judgements is refused:
   * those judgements must be undone first.
   */
  async function canonicalFor(trx: Db, judgement: string, left: string, right: string) {
    const cluster = await clusterOf(trx, [left]);
    if (judgement === "positive") {
      const other = cluster.members.has(right) ? cluster : await clusterOf(trx, [right]);
      const ids = [cluster.canonical, other.canonical].filter((x): x is string => x !== null).sort();
      return ids.at(-1) ?? `NK-${randomUUID().replace(/-/g, "")}`;
    }
    if (cluster.members.has(right))
      throw new AppError("conflict", "These records are merged through other judgements; undo those first.");
    return null;
  }

  async function undo(actor: Actor, id: string): Promise<JudgementView> {
    ensure(resolutionPolicy.judge(actor), "undo judgements");
    const n = Number(id);
    if (!/^\d{1,15}$/.test(id) || !Number.isSafeInteger(n))
      throw new AppError("not_found", "No such judgement.");
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const j = await repo.visibleJudgement(trx, actor, n);
      if (!j) throw new AppError("not_found", "No such judgement.");
      await repo.retractJudgement(trx, n, actor.username, now);
      await appendAudit(trx, clock, actor, {
        action: "resolution.undo",
        recordType: "Judgement",
        recordId: j.left_id,
        detail: { judgementId: n, left: j.left_id, right: j.right_id, judgement: j.judgement },
      });
      return judgementView({ ...j, deleted_at: now, deleted_by: actor.username });
    });
  }

  async function entity(actor: Actor, id: string): Promise<MergedEntity> {
    ensure(resolutionPolicy.read(actor), "read merged entities");
    const isCanonical = /^NK-[A-Za-z0-9]{8,64}$/.test(id);
    if (!isCanonical && !isUuid(id)) throw new AppError("not_found", "No such entity.");
    return db.transaction().execute(async (trx) => {
      let start = [id];
      if (isCanonical)
        start = [
          ...new Set((await repo.membersOfCanonical(trx, id)).flatMap((r) => [r.left_id, r.right_id])),
        ];
      else if ((await repo.visibleRecords(trx, actor, [id])).length === 0)
        throw new AppError("not_found", "No such entity.");
      const cluster = await clusterOf(trx, start);
      const visible = await repo.visibleRecords(trx, actor, [...cluster.members]);
      if (visible.length === 0) throw new AppError("not_found", "No such entity.");
      const judged = await repo.visibleJudgementsAmong(
        trx,
        actor,
        visible.map((r) => r.id),
      );
      const view = await mergedView(actor, records, visible, judged, cluster.canonical);
      await appendAudit(trx, clock, actor, {
        action: "resolution.entity.read",
        recordType: view.schema,
        recordId: visible[0]?.id,
        detail: { entity: view.id, members: visible.map((r) => r.id) },
      });
      return view;
    });
  }

  /** The judgements the caller may see (both records), as nomenklatura resolver lines. */
  async function* exportJudgements(actor: Actor): AsyncGenerator<ResolverLine> {
    ensure(resolutionPolicy.read(actor), "export judgements");
    await db.transaction().execute((trx) => appendAudit(trx, clock, actor, { action: "resolution.export" }));
    const seen = new Set<string>();
    let after = 0;
    for (;;) {
      const page = await repo.exportPage(db, actor, after, 500);
      for (const j of page) yield* linesOf(j, seen);
      const last = page.at(-1);
      if (!last || page.length < 500) return;
      after = Number(last.id);
    }
  }

  return { listCandidates, judge, undo, entity, exportJudgements, ...createRunner(deps) };
}

export type ResolutionService = ReturnType<typeof createResolutionService>;
