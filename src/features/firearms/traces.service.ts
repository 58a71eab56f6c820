import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { inTransaction } from "../../storage/ambient.ts";
import { appendAudit } from "../audit/audit.append.ts";
import type { Notifier } from "../notifications/notifications.service.ts";
import { firearmsPolicy } from "./firearms.policy.ts";
import * as firearms from "./firearms.repo.ts";
import {
  type CreateTraceRequestInput,
  createTraceRequestSchema,
  declineTraceRequestSchema,
  type ListTraceRequestsQuery,
  replyTraceRequestSchema,
  type TraceRequestView,
} from "./firearms.schema.ts";
import * as repo from "./traces.repo.ts";

const notFound = () => new AppError("not_found", "No such trace request.");

/** The Secretariat reads trace requests between two other bureaus by its oversight right. */
const oversight = (row: { requesting_country: string; addressed_country: string }, actor: Actor) =>
  actor.isSecretariat && actor.country !== row.requesting_country && actor.country !== row.addressed_country;

/**
 * Trace requests: a bureau asks another what it knows of a firearm's history (manufacture, import,
 * last legal owner). The requester and the addressed bureau see the request and its reply; the
 * Secretariat oversees; nobody else learns that it exists.
 */
export function createTracesService({ db, clock }: Deps, notifier: Notifier) {
  const today = () => clock.now().toISOString().slice(0, 10);

  function ensure(allowed: boolean, what: string): void {
    if (!allowed) throw new AppError("forbidden", `Your role may not ${what} trace requests.`);
  }

  async function create(actor: Actor, input: CreateTraceRequestInput): Promise<TraceRequestView> {
    ensure(firearmsPolicy.trace(actor), "send");
    const v = parseOrThrow(createTraceRequestSchema, input, "trace request");
    if (v.deadline <= today())
      throw new AppError("validation_failed", "The trace request is not valid.", {
        errors: [{ path: "deadline", message: "the deadline must be after today" }],
      });
    const now = clock.now();
    return inTransaction(db, async (trx) => {
      // A bureau traces only a firearm it may see; any other looks like no firearm at all.
      const firearm = await firearms.findVisible(trx, actor, v.firearmId);
      if (!firearm) throw new AppError("not_found", "No such firearm.");
      const addressed = v.addressedCountry ?? firearm.owner;
      if (addressed === actor.country)
        throw new AppError("validation_failed", "The trace request is not valid.", {
          errors: [{ path: "addressedCountry", message: "a trace request goes to another bureau" }],
        });
      const { id } = await repo.insert(trx, {
        firearm_id: firearm.id,
        requesting_country: actor.country,
        addressed_country: addressed,
        question: v.question,
        deadline: v.deadline,
        created_by: actor.kind === "user" ? actor.id : null,
        created_at: now,
        updated_at: now,
      });
      await appendAudit(trx, clock, actor, {
        action: "trace.create",
        recordType: "trace_request",
        recordId: id,
        detail: { firearmId: firearm.id, addressed },
      });
      await notifier.notify(trx, actor, {
        on: "trace",
        action: "requested",
        trace: { id, requestingCountry: actor.country, addressedCountry: addressed, deadline: v.deadline },
      });
      return repo.toView(await found(trx, actor, id), today());
    });
  }

  async function found(trx: Deps["db"], actor: Actor, id: string, lock = false) {
    const row = await repo.findInScope(trx, actor, id, lock);
    if (!row) throw notFound();
    return row;
  }

  async function get(actor: Actor, id: string): Promise<TraceRequestView> {
    ensure(firearmsPolicy.read(actor), "read");
    if (!isUuid(id)) throw notFound();
    return inTransaction(db, async (trx) => {
      const row = await found(trx, actor, id);
      await appendAudit(trx, clock, actor, {
        action: "trace.read",
        recordType: "trace_request",
        recordId: id,
        detail: { oversight: oversight(row, actor) },
      });
      return repo.toView(row, today());
    });
  }

  async function list(actor: Actor, q: ListTraceRequestsQuery) {
    ensure(firearmsPolicy.read(actor), "list");
    return inTransaction(db, async (trx) => {
      const { rows, total } = await repo.listInScope(trx, actor, q);
      const overseen = rows.filter((r) => oversight(r, actor)).length;
      await appendAudit(trx, clock, actor, {
        action: "trace.search",
        detail: {
          ...q,
          returned: rows.length,
          total,
          ...(overseen && { oversight: true, oversightReturned: overseen }),
        },
      });
      return { items: rows.map((r) => repo.toView(r, today())), total, page: q.page, pageSize: q.pageSize };
    });
  }

  /** The addressed bureau answers (or declines) an open request once; overdue ones may still be answered. */
  async function settle(actor: Actor, id: string, outcome: "answered" | "declined", text: string) {
    ensure(firearmsPolicy.trace(actor), "answer");
    if (!isUuid(id)) throw notFound();
    const now = clock.now();
    return inTransaction(db, async (trx) => {
      const row = await found(trx, actor, id, true);
      if (row.addressed_country !== actor.country)
        throw new AppError("forbidden", "Only the addressed bureau answers a trace request.");
      if (row.status !== "open")
        throw new AppError("invalid_transition", `This trace request was already ${row.status}.`);
      await repo.update(trx, id, {
        status: outcome,
        reply: text,
        replied_by: actor.kind === "user" ? actor.id : null,
        replied_at: now,
        updated_at: now,
      });
      await appendAudit(trx, clock, actor, {
        action: outcome === "answered" ? "trace.reply" : "trace.decline",
        recordType: "trace_request",
        recordId: id,
        detail: { requester: row.requesting_country },
      });
      await notifier.notify(trx, actor, {
        on: "trace",
        action: outcome,
        trace: {
          id,
          requestingCountry: row.requesting_country,
          addressedCountry: row.addressed_country,
          deadline: row.deadline,
        },
      });
      return repo.toView(await found(trx, actor, id), today());
    });
  }

  const reply = (actor: Actor, id: string, input: unknown) =>
    settle(actor, id, "answered", parseOrThrow(replyTraceRequestSchema, input, "reply").reply);
  const decline = (actor: Actor, id: string, input: unknown) =>
    settle(actor, id, "declined", parseOrThrow(declineTraceRequestSchema, input, "decline").reason);

  return { create, get, list, reply, decline };
}

export type TracesService = ReturnType<typeof createTracesService>;
