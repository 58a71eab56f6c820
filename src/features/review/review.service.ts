import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { inTransaction } from "../../storage/ambient.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { reviewPolicy } from "./review.policy.ts";
import * as repo from "./review.repo.ts";
import {
  addMonths,
  addYears,
  type DuePage,
  isoDay,
  type ListDueQuery,
  type Revalidated,
  type RevalidateInput,
  type ReviewReport,
  type ReviewType,
  revalidateSchema,
  reviewPeriods,
  reviewTypes,
  statusOf,
} from "./review.schema.ts";

const notFound = () => new AppError("not_found", "No such record.");
const DAY_MS = 86_400_000;

export function createReviewService({ db, clock, config }: Deps) {
  /** Today and the end of the warning window, from the application's clock. */
  function window(): repo.Window {
    const today = isoDay(clock.now());
    return { today, dueBy: addMonths(today, config.reviewWarningMonths) };
  }

  /** Whose list is read: a bureau its own country; the Secretariat the one it names (or its own). */
  function countryFor(actor: Actor, asked: string | undefined): { country: string; oversight: boolean } {
    const country = asked ?? actor.country;
    if (!reviewPolicy.read(actor, country))
      throw new AppError(
        "forbidden",
        "Only the owner country's bureau or the Secretariat reads this review.",
      );
    return { country, oversight: actor.isSecretariat && country !== actor.country };
  }

  async function listDue(actor: Actor, q: ListDueQuery): Promise<DuePage> {
    const { country, oversight } = countryFor(actor, q.country);
    const w = window();
    const types = q.type ? [q.type] : reviewTypes;
    return inTransaction(db, async (trx) => {
      const { rows, total } = await repo.duePage(trx, actor, { owner: country, types }, w, q);
      await appendAudit(trx, clock, actor, {
        action: "review.due",
        detail: {
          country,
          type: q.type ?? null,
          status: q.status ?? null,
          page: q.page,
          returned: rows.length,
          total,
          ...(oversight && { oversight: true }),
        },
      });
      const items = rows.map((r) => ({
        type: r.type,
        id: r.id,
        caption: r.caption,
        reviewAt: r.review_at,
        status: statusOf(r.review_at, w.today, w.dueBy) ?? ("due" as const),
      }));
      return {
        country,
        asOf: w.today,
        dueBy: w.dueBy,
        oversight,
        items,
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    });
  }

  /**
   * The owner confirms a record is still needed: the review date moves forward by the type's
   * period, counted from the old date or from today, whichever is later (early re-validation
   * keeps the time left; an overdue record gets the full period from today).
   */
  async function revalidate(actor: Actor, input: RevalidateInput): Promise<Revalidated> {
    const v = parseOrThrow(revalidateSchema, input, "re-validation");
    if (!reviewPolicy.revalidate(actor))
      throw new AppError("forbidden", "Only the owner country's bureau re-validates its records.");
    if (!(v.type === "travel_documents" ? /^[1-9][0-9]{0,17}$/.test(v.id) : isUuid(v.id))) throw notFound();
    const now = clock.now();
    const today = isoDay(now);
    return inTransaction(db, async (trx) => {
      const row = await repo.findVisibleForUpdate(trx, actor, v.type, v.id);
      if (!row) throw notFound();
      if (row.owner !== actor.country)
        throw new AppError("forbidden", "Only the owner of a record re-validates it.");
      if (row.subject_of_notice)
        throw new AppError("conflict", "A notice's subject is reviewed with its notice, not on its own.");
      const from = row.review_at > today ? row.review_at : today;
      const reviewAt = addYears(from, reviewPeriods[v.type]);
      await repo.setReviewAt(trx, v.type, row.id, reviewAt, now);
      await appendAudit(trx, clock, actor, {
        action: "review.revalidate",
        recordType: v.type,
        recordId: row.id,
        detail: { previousReviewAt: row.review_at, reviewAt, periodYears: reviewPeriods[v.type] },
      });
      return { type: v.type, id: row.id, previousReviewAt: row.review_at, reviewAt };
    });
  }

  /** Counts per type for one bureau: overdue, due within the window, later. */
  async function report(actor: Actor, asked: string | undefined): Promise<ReviewReport> {
    const { country, oversight } = countryFor(actor, asked);
    const w = window();
    return inTransaction(db, async (trx) => {
      const rows = await repo.counts(trx, actor, { owner: country, types: reviewTypes }, w);
      const types = linesOf(rows);
      await appendAudit(trx, clock, actor, {
        action: "review.report",
        detail: { country, types, ...(oversight && { oversight: true }) },
      });
      return { country, asOf: w.today, dueBy: w.dueBy, oversight, types };
    });
  }

  /** Every owner country's report, for the Secretariat (the operator's CLI without `--as`). */
  async function reportAll(actor: Actor): Promise<ReviewReport[]> {
    if (!actor.isSecretariat || !reviewPolicy.read(actor, actor.country))
      throw new AppError("forbidden", "Only the Secretariat reads every country's review.");
    const w = window();
    return inTransaction(db, async (trx) => {
      const rows = await repo.counts(trx, actor, { types: reviewTypes }, w);
      const owners = [...new Set(rows.map((r) => r.owner))];
      const reports = owners.map((country) => ({
        country,
        asOf: w.today,
        dueBy: w.dueBy,
        oversight: country !== actor.country,
        types: linesOf(rows.filter((r) => r.owner === country)),
      }));
      await appendAudit(trx, clock, actor, {
        action: "review.report",
        detail: { countries: owners, oversight: true },
      });
      return reports;
    });
  }

  /**
   * The daily warning (system actor of the Secretariat): one audit row per owner country that has
   * records due or overdue, with the counts per type and what entered the window or passed its
   * date since yesterday. Written once per day, whichever server's job gets there first.
   */
  async function warnDaily(operator: Actor): Promise<{ written: number }> {
    const w = window();
    const dayStart = new Date(`${w.today}T00:00:00.000Z`);
    const yesterday = isoDay(new Date(dayStart.getTime() - DAY_MS));
    const prevDueBy = addMonths(yesterday, config.reviewWarningMonths);
    return inTransaction(db, async (trx) => {
      await repo.lockWarnings(trx);
      if (await repo.warnedOn(trx, dayStart, new Date(dayStart.getTime() + DAY_MS))) return { written: 0 };
      const rows = await repo.counts(trx, operator, { types: reviewTypes }, w, w.dueBy);
      const entered = await repo.counts(
        trx,
        operator,
        { types: reviewTypes },
        { today: yesterday, dueBy: prevDueBy },
        w.dueBy,
      );
      const owners = [...new Set(rows.map((r) => r.owner))];
      for (const owner of owners) {
        const types: Record<
          string,
          { overdue: number; due: number; becameOverdue: number; enteredWindow: number }
        > = {};
        for (const r of rows.filter((x) => x.owner === owner)) {
          const before = entered.find((e) => e.owner === owner && e.type === r.type);
          types[r.type] = {
            overdue: Number(r.overdue),
            due: Number(r.due),
            // Yesterday these were due; today they are overdue.
            becameOverdue: Number(r.overdue) - Number(before?.overdue ?? 0),
            // Yesterday these were past the window; today they are in it.
            enteredWindow: Number(before?.later ?? 0),
          };
        }
        await appendAudit(trx, clock, operator, {
          action: "review.warning",
          recordType: "country",
          recordId: owner,
          detail: { country: owner, asOf: w.today, dueBy: w.dueBy, types },
        });
      }
      return { written: owners.length };
    });
  }

  return { listDue, revalidate, report, reportAll, warnDaily, window };
}

/** One line per record type, zeros included, in the order of the periods table. */
function linesOf(rows: repo.CountRow[]) {
  const byType = new Map(rows.map((r) => [r.type, r]));
  return reviewTypes.map((type) => {
    const r = byType.get(type);
    return { type, overdue: Number(r?.overdue ?? 0), due: Number(r?.due ?? 0), later: Number(r?.later ?? 0) };
  });
}

export type ReviewService = ReturnType<typeof createReviewService>;
export type { ReviewType };
