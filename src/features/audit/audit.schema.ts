import { z } from "zod";

export const auditQuerySchema = z
  .object({
    userId: z.uuid().optional(),
    username: z.string().max(64).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    recordId: z.string().max(100).optional(),
    action: z
      .string()
      .regex(/^[a-z_.]{1,60}$/)
      .optional(),
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorUsername: z.string().nullable(),
    actorCountry: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    recordType: z.string().nullable(),
    recordId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    hash: z.string(),
  })
  .meta({ id: "AuditEntry" });

export const verifyResultSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    firstBrokenSeq: z.number().int().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: "AuditVerifyResult" });
