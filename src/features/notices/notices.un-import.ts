import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { noticeReadableBy } from "../../shared/envelope/envelope.sql.ts";
import { AppError } from "../../shared/errors.ts";
import type { Database } from "../../storage/schema.ts";
import { appendAudit } from "../audit/audit.append.ts";
import type { RecordsService } from "../records/records.service.ts";
import { noticesPolicy } from "./notices.policy.ts";
import * as repo from "./notices.repo.ts";
import { subjectColumns, translationsOf } from "./notices.subject.ts";
import {
  listingValues,
  noticeValues,
  type Planned,
  plan,
  publishedHistory,
  unActor,
  unEnvelope,
} from "./notices.un-plan.ts";
import { type NoticeState, nextState, terminalStates } from "./rules/lifecycle.ts";
import { toRecordProperties } from "./un-list/to-notice.ts";

export type UnImportReport = {
  generatedAt: string;
  inFile: number;
  perRegime: Record<string, { individual: number; entity: number }>;
  created: number;
  updated: number;
  unchanged: number;
  ended: number;
  ms: number;
};

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createUnImport(deps: Deps, records: RecordsService) {
  const { db, clock } = deps;

  const event = (
    trx: Kysely<Database>,
    noticeId: string,
    action: string,
    from: string | null,
    to: string,
    reasons: string,
    at: Date,
    detail = {},
  ) =>
    trx
      .insertInto("notice_events")
      .values(repo.eventValues({ noticeId, actor: unActor, action, from, to, reasons, at, detail }))
      .execute();

  /**
   * One listed person or entity: subject record, notice, history, listing and audit row commit
   * together, so an import killed half-way leaves no orphan subject and a re-run finds the rest.
   */
  async function create(p: Planned, generatedAt: string): Promise<boolean> {
    const now = clock.now();
    const id = randomUUID();
    return db.transaction().execute(async (trx) => {
      // Another import running at the same time may have created this entry since the plan was
      // made: one entry at a time, and the second finds it done.
      if (await repo.claimUnListing(trx, p.ref)) return false;
      const subject = await records.create(
        unActor,
        {
          schema: p.entry.kind === "individual" ? "Person" : "Organization",
          properties: toRecordProperties(p.entry),
          envelope: unEnvelope,
          source: `UN Security Council Consolidated List of ${generatedAt}`,
        },
        { asSubjectOf: id },
      );
      const history = publishedHistory(now);
      const row = await trx
        .insertInto("notices")
        .values({
          id,
          ...noticeValues(p, subject.id, now),
          notice_number: await repo.nextNoticeNumber(trx, now),
          state: history.at(-1)?.[2] ?? "draft",
        })
        .returning(["id"])
        .executeTakeFirstOrThrow();
      const why = `Listed by the UN Security Council as ${p.ref}`;
      await trx
        .insertInto("notice_events")
        .values(
          history.map(([action, from, to]) =>
            repo.eventValues({ noticeId: row.id, actor: unActor, action, from, to, reasons: why, at: now }),
          ),
        )
        .execute();
      await trx
        .insertInto("un_listings")
        .values({ ...listingValues(p, generatedAt), notice_id: row.id })
        .onConflict((oc) =>
          oc
            .column("reference_number")
            .doUpdateSet({ ...listingValues(p, generatedAt), notice_id: row.id, delisted_at: null }),
        )
        .execute();
      await appendAudit(trx, clock, unActor, {
        action: "notice.un_import.create",
        recordType: "un_special",
        recordId: row.id,
        detail: { ref: p.ref },
      });
      return true;
    });
  }

  /** A changed entry amends its live notice: new request, new subject values, an addendum. */
  async function amend(
    p: Planned,
    noticeId: string,
    generatedAt: string,
    from: { version: number },
  ): Promise<void> {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const current = await repo.findReadable(trx, unActor, noticeId, true);
      if (!current) throw new AppError("not_found", `The notice of ${p.ref} is gone.`);
      if (current.subject_record_id)
        await records.update(
          unActor,
          current.subject_record_id,
          {
            properties: toRecordProperties(p.entry),
            source: `UN Security Council Consolidated List of ${generatedAt}`,
          },
          { asSubjectOf: noticeId },
        );
      const state = current.state as NoticeState;
      // A suspended notice is amended too; only a published one takes a formal addendum.
      const to = state === "published" ? nextState(state, "add_addendum", "owner") : state;
      const addendum = {
        at: now.toISOString(),
        by: "owner",
        text: { language: "en", text: `Amended by the UN (version ${p.entry.versionNum})` },
      };
      await trx
        .updateTable("notices")
        .set({
          request: JSON.stringify(p.request),
          translations: JSON.stringify(translationsOf(p.request)),
          ...subjectColumns(p.request),
          addenda: JSON.stringify([...(current.addenda as unknown[]), addendum]),
          updated_at: now,
        })
        .where("id", "=", noticeId)
        .execute();
      await trx
        .updateTable("un_listings")
        .set(listingValues(p, generatedAt))
        .where("reference_number", "=", p.ref)
        .execute();
      await event(trx, noticeId, "add_addendum", state, to, "amended on the UN list", now, {
        fromVersion: from.version,
        toVersion: p.entry.versionNum,
      });
      await appendAudit(trx, clock, unActor, {
        action: "notice.un_import.amend",
        recordType: "un_special",
        recordId: noticeId,
        detail: { ref: p.ref },
      });
    });
  }

  /** An entry gone from the list ends its notice: withdrawn by its owner, the UN, as "delisted". */
  async function end(ref: string, noticeId: string, generatedAt: string): Promise<void> {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const row = await repo.findReadable(trx, unActor, noticeId, true);
      if (!row) throw new AppError("not_found", `The notice of ${ref} is gone.`);
      const from = row.state as NoticeState;
      // A notice the GS already ended stays as it is; the listing is marked delisted all the same.
      const to = terminalStates.has(from)
        ? from
        : nextState(from, "withdraw", "owner", { reasons: "delisted", now });
      await trx
        .updateTable("notices")
        .set({ state: to, updated_at: now })
        .where("id", "=", noticeId)
        .execute();
      await trx
        .updateTable("un_listings")
        .set({ delisted_at: now, last_generated_at: generatedAt })
        .where("reference_number", "=", ref)
        .execute();
      await event(trx, noticeId, "withdraw", from, to, "delisted", now);
      await appendAudit(trx, clock, unActor, {
        action: "notice.un_import.delist",
        recordType: "un_special",
        recordId: noticeId,
        detail: { ref, reasons: "delisted" },
      });
    });
  }

  /** Imports (or re-imports) the UN Consolidated List's ISIL/Al-Qaida and Taliban entries. */
  async function importUnList(
    actor: Actor,
    xml: string | Uint8Array,
    options: { onProgress?: (done: number, total: number) => void } = {},
  ): Promise<UnImportReport> {
    if (!noticesPolicy.maintain(actor))
      throw new AppError("forbidden", "Only the operator imports the UN list.");
    const started = performance.now();
    const { generatedAt, inFile, items } = plan(xml);
    const existing = await db
      .selectFrom("un_listings as l")
      .innerJoin("notices as n", "n.id", "l.notice_id")
      .select([
        "l.reference_number",
        "l.notice_id",
        "l.version_num",
        "l.content_hash",
        "l.delisted_at",
        "l.last_generated_at",
        "n.state",
      ])
      .where(noticeReadableBy(unActor, "n"))
      .execute();
    const newest = Math.max(0, ...existing.map((e) => new Date(e.last_generated_at).getTime()));
    if (new Date(generatedAt).getTime() < newest)
      throw new AppError(
        "conflict",
        "This list is older than the one already imported; nothing was changed.",
      );
    const byRef = new Map(existing.map((e) => [e.reference_number, e]));
    const report = { created: 0, updated: 0, unchanged: 0, ended: 0 };
    const seen: string[] = [];
    let done = 0;
    for (const p of items) {
      // The embedded database answers in microtasks: without this turn of the event loop, HTTP
      // requests that arrive during an import would wait for its end (the demo imports at start).
      await yieldToEventLoop();
      const old = byRef.get(p.ref);
      if (!old || old.delisted_at) {
        if (await create(p, generatedAt)) report.created++;
        else report.unchanged++;
      } else if (old.content_hash !== p.hash || old.version_num !== p.entry.versionNum) {
        await amend(p, old.notice_id, generatedAt, { version: old.version_num });
        report.updated++;
      } else {
        report.unchanged++;
        if (new Date(old.last_generated_at).getTime() !== new Date(generatedAt).getTime()) seen.push(p.ref);
      }
      options.onProgress?.(++done, items.length);
    }
    const inList = new Set(items.map((i) => i.ref));
    for (const old of existing) {
      if (old.delisted_at || inList.has(old.reference_number)) continue;
      await end(old.reference_number, old.notice_id, generatedAt);
      report.ended++;
    }
    if (seen.length)
      await db
        .updateTable("un_listings")
        .set({ last_generated_at: generatedAt })
        .where("reference_number", "in", seen)
        .execute();
    const perRegime: UnImportReport["perRegime"] = {};
    for (const p of items) {
      const r = perRegime[p.entry.regimeCode] ?? { individual: 0, entity: 0 };
      r[p.entry.kind]++;
      perRegime[p.entry.regimeCode] = r;
    }
    const ms = Math.round(performance.now() - started);
    await db.transaction().execute((trx) =>
      appendAudit(trx, clock, actor, {
        action: "notice.un_import",
        detail: { generatedAt, ...report, ms },
      }),
    );
    return { generatedAt, inFile, perRegime, ...report, ms };
  }

  return { importUnList };
}
