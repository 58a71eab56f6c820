import { z } from "zod";

/** The records a notification points at; the web app links each to its page. */
export const notificationRecordTypes = [
  "notice",
  "diffusion",
  "referral",
  "trace_request",
  "screening_hit",
] as const;
export type NotificationRecordType = (typeof notificationRecordTypes)[number];

/**
 * What happened, one kind per event worth telling. The text is the reader's language's, made by the
 * web app from the kind and the detail; the server stores no sentence.
 */
export const notificationKinds = [
  "notice.submitted",
  "notice.published",
  "notice.refused",
  "notice.returned",
  "notice.cancelled",
  "notice.suspended",
  "notice.expired",
  "notice.renewal_due",
  "diffusion.received",
  "diffusion.awaiting_review",
  "diffusion.confirmed",
  "diffusion.cancelled",
  "referral.answered",
  "trace.received",
  "trace.answered",
  "trace.declined",
  "hit.received",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Values the text of a notification needs: only what the addressee may read of its record. */
export const notificationDetailSchema = z.record(z.string(), z.string().nullable());
export type NotificationDetail = z.infer<typeof notificationDetailSchema>;

export const notificationSchema = z
  .object({
    /** Increasing; also the id of the server-sent event that carried it. */
    id: z.number().int(),
    kind: z.enum(notificationKinds),
    recordType: z.enum(notificationRecordTypes),
    recordId: z.string(),
    detail: notificationDetailSchema,
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: "Notification" });
export type NotificationView = z.infer<typeof notificationSchema>;

export const listNotificationsQuery = z
  .object({
    unread: z.enum(["true", "false"]).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type ListNotificationsQuery = z.output<typeof listNotificationsQuery>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const unreadCountSchema = z.object({ unread: z.number().int() });

export const markAllReadSchema = z
  .object({
    /** Only notifications up to this id: one that arrived after the page was drawn stays unread. */
    upTo: z.number().int().min(0).optional(),
  })
  .strict();
export type MarkAllReadInput = z.input<typeof markAllReadSchema>;

export const markAllReadResultSchema = z.object({ marked: z.number().int(), unread: z.number().int() });

export const notificationIdParams = z.object({
  id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});

export const streamQuery = z
  .object({ after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() })
  .strict();
