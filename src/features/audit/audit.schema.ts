import { z } from "zod";

export const auditSorts = ["seq", "-seq", "actor", "-actor", "action", "-action"] as const;

/** The filters of the trail, shared by the list and the CSV export. */
const auditFilters = z
  .object({
    userId: z.uuid().optional(),
    /** The actor's user name (or API client name) as recorded, whatever the case. */
    username: z.string().trim().min(1).max(200).optional(),
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
  })
  .strict();

export const auditQuerySchema = auditFilters
  .extend({
    /** Newest first by default; by actor or action, newest first within each. */
    sort: z.enum(auditSorts).optional(),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const auditExportQuery = auditFilters;

export const auditActorsQuery = z.object({ q: z.string().trim().min(1).max(200).optional() }).strict();

export const auditActorSchema = z
  .object({
    kind: z.enum(["user", "client"]),
    id: z.string(),
    username: z.string(),
    /** A person's display name; an API client's name is its username. */
    displayName: z.string(),
    role: z.string(),
    country: z.string(),
  })
  .meta({ id: "AuditActor" });
export type AuditActorView = z.infer<typeof auditActorSchema>;

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    /** Who acted: a user's or an API client's id (null for the system and failed logins). */
    actorKind: z.enum(["user", "client"]).nullable(),
    actorId: z.string().nullable(),
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

export const verifyProblemKinds = [
  "chain_broken",
  "truncated",
  "deleted",
  "rewritten",
  "checkpoint_invalid",
  "key_missing",
] as const;

export const verifyProblemSchema = z
  .object({
    kind: z.enum(verifyProblemKinds),
    seq: z
      .number()
      .int()
      .nullable()
      .describe("The broken row, or the seq of the signed checkpoint the trail contradicts"),
    message: z.string().describe("One line for the operator"),
  })
  .meta({ id: "AuditVerifyProblem" });

export const checkpointSummarySchema = z
  .object({
    seq: z.number().int(),
    hash: z.string(),
    count: z.number().int().describe("Rows in the trail up to seq when it was signed"),
    at: z.string(),
    keyId: z.string(),
  })
  .meta({ id: "AuditCheckpoint" });

export const verifyResultSchema = z
  .object({
    ok: z.boolean().describe("The chain is intact and agrees with every signed checkpoint"),
    checked: z.number().int().describe("Rows whose hash and link were verified before the first broken one"),
    firstBrokenSeq: z.number().int().nullable(),
    reason: z.string().nullable(),
    rows: z.number().int().describe("Rows in the trail"),
    headSeq: z.number().int().nullable(),
    headHash: z.string().nullable(),
    checkpoint: checkpointSummarySchema.nullable().describe("The latest checkpoint with a valid signature"),
    checkpointsChecked: z.number().int(),
    problems: z.array(verifyProblemSchema),
    notices: z.array(z.string()).describe("Facts that are not failures, such as no checkpoint yet"),
  })
  .meta({ id: "AuditVerifyResult" });

export type VerifyProblem = z.infer<typeof verifyProblemSchema>;
export type CheckpointSummary = z.infer<typeof checkpointSummarySchema>;
export type VerifyResult = z.infer<typeof verifyResultSchema>;
