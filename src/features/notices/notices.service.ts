import { randomUUID } from "node:crypto";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { defaultReviewAt, envelopeColumns } from "../../shared/envelope/envelope.sql.ts";
import { isOversightRead, oversightOf } from "../../shared/envelope/visibility.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { refuseStale } from "../../shared/versions.ts";
import { inTransaction } from "../../storage/ambient.ts";
import { appendAudit } from "../audit/audit.append.ts";
import type { Notifier } from "../notifications/notifications.service.ts";
import type { RecordsService } from "../records/records.service.ts";
import { showReadableLookalikes } from "./notices.lookalikes.ts";
import { createNoticePdf } from "./notices.pdf.ts";
import { createNoticePhotos } from "./notices.photos.ts";
import { noticesPolicy } from "./notices.policy.ts";
import { createCompliancePreview } from "./notices.preview.ts";
import { createPublicNotices } from "./notices.public.ts";
import * as repo from "./notices.repo.ts";
import {
  type CreateNoticeInput,
  createNoticeSchema,
  type ListNoticesQuery,
  type UpdateNoticeInput,
  updateNoticeSchema,
} from "./notices.schema.ts";
import { subjectColumns, subjectRecord, translationsOf } from "./notices.subject.ts";
import { createTransitions } from "./notices.transitions.ts";
import { createUnImport } from "./notices.un-import.ts";
import { type NoticeState, nextState } from "./rules/lifecycle.ts";
import type { NoticeRequest } from "./rules/notice-request.ts";
import { type NoticeType, noticeCatalogue } from "./rules/notice-types.ts";

// Notices are re-validated by their owner every five years (DESIGN.md §3).
const NOTICE_REVIEW_YEARS = 5;
const notFound = () => new AppError("not_found", "No such notice.");

/**
 * The consent flag as the type and the distribution allow it: never for most types, always for UN
 * Special Notices, and only for a notice distributed to all - a public extract of a notice kept
 * from some countries would publish it to them. The contradiction is refused, not repaired.
 */
export function publicExtractFor(type: NoticeType, consent: boolean, distribution: string): boolean {
  const rule = noticeCatalogue[type].publicExtract;
  if (rule === "never" && consent)
    throw new AppError("validation_failed", `A ${noticeCatalogue[type].colour} notice is never public.`, {
      errors: [{ path: "publicExtract", message: "this notice type has no public extract" }],
    });
  const extract = rule === "always" || (rule === "on_owner_consent" && consent);
  if (extract && distribution !== "all")
    throw new AppError(
      "validation_failed",
      "A public extract needs a notice distributed to all member countries; restricted notices are never public.",
      {
        errors: [
          { path: "publicExtract", message: 'a public extract is only possible with distribution "all"' },
          {
            path: "envelope.distribution",
            message: "restricted; remove the public extract or distribute to all",
          },
        ],
      },
    );
  return extract;
}

/** The envelope of a stored notice in input form, for the subject record it creates. */
const envelopeInputOf = (row: repo.NoticeRow) => ({
  distribution: row.distribution,
  distributionCountries: row.distribution_countries,
  handlingCode: row.handling_code,
  handlingNote: row.handling_note,
  sourceReliability: row.source_reliability,
  informationAccuracy: row.information_accuracy,
  sourceType: row.source_type,
});

export function createNoticesService(deps: Deps, records: RecordsService, notifier: Notifier) {
  const { db, clock } = deps;
  const transitions = createTransitions(deps, notifier);

  function ensure(allowed: boolean, what: string): void {
    if (!allowed) throw new AppError("forbidden", `Your role may not ${what}.`);
  }

  /**
   * Creates the subject in the records store (owned by the requester) so screening finds it. Call
   * it inside the notice's transaction: the two commit together or not at all.
   */
  async function saveSubject(
    actor: Actor,
    noticeId: string,
    r: NoticeRequest,
    envelope: CreateNoticeInput["envelope"],
  ) {
    const subject = subjectRecord(r);
    if (!subject) return null;
    const rec = await records.create(
      actor,
      { ...subject, envelope, source: `notice request: ${r.type}` },
      { asSubjectOf: noticeId },
    );
    return rec.id;
  }

  /** The subject record follows an edited notice: its values and its envelope, in the same transaction. */
  async function followSubject(
    actor: Actor,
    notice: repo.NoticeRow,
    request: NoticeRequest | undefined,
    envelope: CreateNoticeInput["envelope"] | undefined,
    envelopeIn: CreateNoticeInput["envelope"],
  ): Promise<string | null> {
    const subject = request ? subjectRecord(request) : null;
    const sameKind = !request || notice.subject_kind === request.subject.kind;
    if (notice.subject_record_id && sameKind && (subject || envelope)) {
      await records.update(
        actor,
        notice.subject_record_id,
        {
          ...(subject ? { properties: subject.properties } : {}),
          ...(envelope ? { envelope } : {}),
          source: "notice request edit",
        },
        { asSubjectOf: notice.id },
      );
      return notice.subject_record_id;
    }
    if (request) return saveSubject(actor, notice.id, request, envelopeIn);
    return notice.subject_record_id;
  }

  async function create(actor: Actor, input: CreateNoticeInput) {
    ensure(noticesPolicy.request(actor), "request notices");
    const v = parseOrThrow(createNoticeSchema, input, "notice request");
    const publicExtract = publicExtractFor(v.request.type, v.publicExtract, v.envelope.distribution);
    const now = clock.now();
    const id = randomUUID();
    return inTransaction(db, async (trx) => {
      const subjectId = await saveSubject(actor, id, v.request, v.envelope);
      const row = await trx
        .insertInto("notices")
        .values({
          id,
          type: v.request.type,
          state: "draft",
          request: JSON.stringify(v.request),
          language: v.request.title.language,
          translations: JSON.stringify(translationsOf(v.request)),
          subject_record_id: subjectId,
          ...subjectColumns(v.request),
          public_extract: publicExtract,
          findings: "[]",
          risk_score: 0,
          addenda: "[]",
          ...envelopeColumns(actor.country, v.envelope, defaultReviewAt(now, NOTICE_REVIEW_YEARS)),
          created_by: actor.kind === "user" ? actor.id : null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("notice_events")
        .values(
          repo.eventValues({ noticeId: row.id, actor, action: "create", from: null, to: "draft", at: now }),
        )
        .execute();
      await appendAudit(trx, clock, actor, {
        action: "notice.create",
        recordType: row.type,
        recordId: row.id,
      });
      return repo.toView(row, "owner", clock.now());
    });
  }

  /** Changes a draft (owner only). A new subject replaces the record only when its kind changes. */
  async function update(actor: Actor, id: string, input: UpdateNoticeInput) {
    ensure(noticesPolicy.request(actor), "change notices");
    const v = parseOrThrow(updateNoticeSchema, input, "notice request");
    if (!isUuid(id)) throw notFound();
    const current = await repo.findReadable(db, actor, id);
    if (!current) throw notFound();
    if (noticesPolicy.roleOn(actor, current.owner) !== "owner")
      throw new AppError("forbidden", "Only the owner of a notice may change it.");
    refuseStale(current, v.expectedVersion, "notice");
    nextState(current.state as NoticeState, "edit", "owner");
    const request = v.request ?? (current.request as NoticeRequest);
    if (v.request && v.request.type !== current.type)
      throw new AppError("validation_failed", "A notice's type cannot change; create a new request.");
    const envelopeIn = v.envelope ?? envelopeInputOf(current);
    const publicExtract = publicExtractFor(
      current.type as NoticeType,
      v.publicExtract ?? current.public_extract,
      envelopeIn.distribution,
    );
    const now = clock.now();
    return inTransaction(db, async (trx) => {
      const locked = await repo.findReadable(trx, actor, id, true);
      if (!locked) throw notFound();
      refuseStale(locked, v.expectedVersion, "notice");
      nextState(locked.state as NoticeState, "edit", "owner");
      const subjectId = await followSubject(actor, locked, v.request, v.envelope, envelopeIn);
      const row = await trx
        .updateTable("notices")
        .set({
          request: JSON.stringify(request),
          language: request.title.language,
          translations: JSON.stringify(translationsOf(request)),
          subject_record_id: subjectId,
          ...subjectColumns(request),
          public_extract: publicExtract,
          ...(v.envelope ? envelopeColumns(locked.owner, v.envelope, locked.review_at) : {}),
          updated_at: now,
        })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("notice_events")
        .values(
          repo.eventValues({ noticeId: id, actor, action: "edit", from: "draft", to: "draft", at: now }),
        )
        .execute();
      await appendAudit(trx, clock, actor, { action: "notice.edit", recordType: row.type, recordId: id });
      return repo.toView(row, "owner", clock.now());
    });
  }

  async function get(actor: Actor, id: string) {
    ensure(noticesPolicy.read(actor), "read notices");
    if (!isUuid(id)) throw notFound();
    return db.transaction().execute(async (trx) => {
      const row = await repo.findReadable(trx, actor, id);
      if (!row) throw notFound();
      const [view] = await showReadableLookalikes(trx, actor, [
        repo.toView(row, noticesPolicy.roleOn(actor, row.owner), clock.now()),
      ]);
      if (!view) throw notFound();
      await notifier.opened(trx, actor, { type: "notice", id, owner: row.owner });
      await appendAudit(trx, clock, actor, {
        action: "notice.read",
        recordType: row.type,
        recordId: id,
        detail: { owner: row.owner, oversight: isOversightRead(view.envelope, actor) },
      });
      return view;
    });
  }

  async function list(actor: Actor, q: ListNoticesQuery) {
    ensure(noticesPolicy.read(actor), "search notices");
    return db.transaction().execute(async (trx) => {
      const { rows, total } = await repo.listReadable(trx, actor, q);
      await appendAudit(trx, clock, actor, {
        action: "notice.search",
        detail: { ...q, returned: rows.length, total, ...oversightOf(rows, actor) },
      });
      const items = await showReadableLookalikes(
        trx,
        actor,
        rows.map((r) => repo.toView(r, noticesPolicy.roleOn(actor, r.owner), clock.now())),
      );
      return { items, total, page: q.page, pageSize: q.pageSize };
    });
  }

  /** The General Secretariat's queue: requests awaiting review, riskiest first. */
  async function reviewQueue(actor: Actor, page: number, pageSize: number) {
    ensure(noticesPolicy.review(actor), "see the review queue");
    return db.transaction().execute(async (trx) => {
      const { rows, total } = await repo.reviewQueue(trx, actor, page, pageSize);
      await appendAudit(trx, clock, actor, {
        action: "notice.review_queue",
        detail: { page, returned: rows.length, total },
      });
      return { items: rows.map((r) => repo.toView(r, "gs_reviewer", clock.now())), total, page, pageSize };
    });
  }

  async function history(actor: Actor, id: string) {
    await get(actor, id);
    return repo.history(db, actor, id);
  }

  return {
    create,
    update,
    get,
    list,
    reviewQueue,
    history,
    ...transitions,
    ...createUnImport(deps, records),
    ...createPublicNotices(deps),
    ...createCompliancePreview(deps),
    ...createNoticePhotos(deps),
    ...createNoticePdf(deps),
  };
}

export type NoticesService = ReturnType<typeof createNoticesService>;
