import { z } from "zod";
import { envelopeInputSchema, envelopeSchema } from "../../shared/envelope/envelope.schema.ts";
import { noticeActions, noticeStates } from "./rules/lifecycle.ts";
import { languages, localisedText, noticeRequest } from "./rules/notice-request.ts";
import { noticeTypes } from "./rules/notice-types.ts";

/** HTTP, CLI and form schemas for notices. The request itself is the rules module's union. */

// Named once so the OpenAPI document refers to it instead of repeating it per route.
const noticeRequestSchema = noticeRequest.meta({ id: "NoticeRequest" });

export const createNoticeSchema = z
  .object({
    request: noticeRequestSchema,
    envelope: envelopeInputSchema,
    /** The owner's consent to a public extract on the website (only types that allow one). */
    publicExtract: z.boolean().default(false),
  })
  .strict();
export type CreateNoticeInput = z.input<typeof createNoticeSchema>;

/**
 * The version of the notice the client read (`version` in its answers): an edit or action on a
 * notice that changed since is refused with a "stale" problem and changes nothing. Optional, so
 * that scripts acting on the latest state keep working.
 */
const expectedVersion = z.number().int().min(1).optional();

export const updateNoticeSchema = z
  .object({
    request: noticeRequestSchema.optional(),
    envelope: envelopeInputSchema.optional(),
    publicExtract: z.boolean().optional(),
    expectedVersion,
  })
  .strict();
export type UpdateNoticeInput = z.input<typeof updateNoticeSchema>;

const reasons = z.string().trim().min(1).max(4000);

export const reasonsBody = z.object({ reasons, expectedVersion }).strict();
export const optionalReasonsBody = z.object({ reasons: reasons.optional(), expectedVersion }).strict();
export const suspendBody = z
  .object({
    /** End of the suspension: required from an owner (at most six months), optional for the GS. */
    until: z.iso.datetime({ offset: true }).optional(),
    reasons: reasons.optional(),
    expectedVersion,
  })
  .strict();
export const addendumBody = z
  .object({ text: localisedText, reasons: reasons.optional(), expectedVersion })
  .strict();

export type TransitionInput = {
  reasons?: string | undefined;
  until?: string | undefined;
  text?: z.infer<typeof localisedText> | undefined;
  expectedVersion?: number | undefined;
};

const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(["block", "risk", "info"]),
  message: z.string(),
  field: z.string().optional(),
  /** For a look-alike: the other notice (shown only to readers who may read that notice). */
  relatedNoticeId: z.string().optional(),
});

export const noticeSchema = z
  .object({
    id: z.string(),
    noticeNumber: z.string().nullable(),
    type: z.enum(noticeTypes),
    state: z.enum(noticeStates),
    request: z.record(z.string(), z.unknown()),
    language: z.enum(languages),
    translations: z.record(z.string(), z.unknown()),
    subjectRecordId: z.string().nullable(),
    findings: z.array(findingSchema),
    riskScore: z.number().int(),
    publicExtract: z.boolean(),
    addenda: z.array(z.record(z.string(), z.unknown())),
    submittedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    validUntil: z.string().nullable(),
    /** Live and expiring within six months: the owner is reminded to renew (with reasons) or let it lapse. */
    renewalDue: z.boolean(),
    suspendedUntil: z.string().nullable(),
    envelope: envelopeSchema,
    /** What the caller may attempt next, by the state machine's table. */
    allowedActions: z.array(z.enum(noticeActions)),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Raised by every change: send it back as `expectedVersion` so a stale page cannot overwrite. */
    version: z.number().int(),
  })
  .meta({ id: "Notice" });
export type NoticeView = z.infer<typeof noticeSchema>;

export const noticeSorts = [
  "updatedAt",
  "-updatedAt",
  "title",
  "-title",
  "type",
  "-type",
  "state",
  "-state",
  "owner",
  "-owner",
] as const;

export const listNoticesQuery = z
  .object({
    /** Whose notices: those I created, my bureau's, or those other countries sent me; all by default. */
    scope: z.enum(["mine", "bureau", "received"]).optional(),
    /** A column, descending with a leading minus; the last changed first by default. */
    sort: z.enum(noticeSorts).optional(),
    state: z.enum(noticeStates).optional(),
    type: z.enum(noticeTypes).optional(),
    owner: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    q: z.string().trim().min(1).max(200).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListNoticesQuery = z.output<typeof listNoticesQuery>;

export const reviewQueueQuery = listNoticesQuery.pick({ page: true, pageSize: true }).strict();

export const noticePageSchema = z.object({
  items: z.array(noticeSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const noticeEventSchema = z.object({
  at: z.string(),
  actor: z.string(),
  actorCountry: z.string(),
  actorRole: z.string(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  reasons: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type NoticeEventView = z.infer<typeof noticeEventSchema>;

export const expirySchema = z.object({
  expired: z.array(z.object({ id: z.string(), noticeNumber: z.string().nullable(), owner: z.string() })),
  dueSoon: z.array(
    z.object({
      id: z.string(),
      noticeNumber: z.string().nullable(),
      owner: z.string(),
      validUntil: z.string(),
    }),
  ),
});
export type ExpiryResult = z.infer<typeof expirySchema>;
