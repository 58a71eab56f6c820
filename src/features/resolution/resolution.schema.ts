import { z } from "zod";
import { captureSchema } from "../records/records.provenance.ts";

/** nomenklatura's judgement values, used as they are in the API, the table and the export. */
export const judgements = ["positive", "negative", "unsure"] as const;
export type Judgement = (typeof judgements)[number];
/** The analyst's words, accepted by the CLI: same, different, unsure. */
export const judgementWords: Record<string, Judgement> = {
  same: "positive",
  different: "negative",
  unsure: "unsure",
  positive: "positive",
  negative: "negative",
};

const uuid = z.string().uuid("a record id (uuid)");

export const judgeSchema = z
  .object({
    left: uuid.describe("One record of the pair"),
    right: uuid.describe("The other record"),
    judgement: z.enum(judgements).describe("positive (same), negative (different) or unsure"),
  })
  .strict()
  .meta({ id: "JudgeInput" });
export type JudgeInput = z.input<typeof judgeSchema>;

export const listCandidatesQuery = z
  .object({
    minScore: z.coerce.number().min(0).max(1).optional(),
    /** Only pairs whose two records have different owners (the point of resolution). */
    crossCountry: z
      .enum(["true", "false"])
      .optional()
      .transform((v) => v === "true"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListCandidatesQuery = z.output<typeof listCandidatesQuery>;

const recordRef = z
  .object({ id: z.string(), schema: z.string(), caption: z.string(), owner: z.string() })
  .meta({ id: "ResolutionRecordRef" });
export type RecordRef = z.infer<typeof recordRef>;

const weighed = <T extends z.ZodType>(result: T) => z.object({ result, weight: z.number() }).optional();

/** Why a pair was suggested (search/resolution/score.ts): each feature with the weight it added. */
const explanationSchema = z.object({
  name: z.object({ score: z.number(), left: z.string(), right: z.string() }).optional(),
  birthDate: weighed(z.string()),
  nationality: weighed(z.string()),
  identifiers: z.object({ shared: z.array(z.string()), weight: z.number() }).optional(),
  documents: z.object({ shared: z.array(z.string()), weight: z.number() }).optional(),
  gender: weighed(z.string()),
});

export const candidateSchema = z
  .object({
    id: z.number().int(),
    score: z.number(),
    explanation: explanationSchema,
    left: recordRef,
    right: recordRef,
    createdAt: z.string(),
  })
  .meta({ id: "ResolutionCandidate" });
export type CandidateView = z.infer<typeof candidateSchema>;

export const candidatePageSchema = z.object({
  items: z.array(candidateSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const judgementSchema = z
  .object({
    id: z.number().int(),
    left: z.string(),
    right: z.string(),
    judgement: z.enum(judgements),
    canonicalId: z.string().nullable(),
    user: z.string(),
    userCountry: z.string(),
    createdAt: z.string(),
    deletedAt: z.string().nullable(),
  })
  .meta({ id: "ResolutionJudgement" });
export type JudgementView = z.infer<typeof judgementSchema>;

const provenance = z.object({
  recordId: z.string(),
  source: z.string(),
  statedBy: z.string(),
  sourceType: z.string(),
  statedAt: z.string(),
  capture: captureSchema.nullable(),
  recordedAt: z.string(),
});

export const mergedEntitySchema = z
  .object({
    id: z.string().describe("The cluster's canonical id (NK-...), or the record's id when unmerged"),
    schema: z.string(),
    members: z.array(recordRef).describe("The member records you may see (and only those)"),
    properties: z.record(
      z.string(),
      z.array(z.object({ value: z.string(), provenance: z.array(provenance) })),
    ),
    judgements: z.array(judgementSchema),
  })
  .meta({ id: "MergedEntity" });
export type MergedEntity = z.infer<typeof mergedEntitySchema>;

export const runSchema = z
  .object({
    id: z.string(),
    status: z.enum(["running", "done", "failed"]),
    phase: z.string(),
    done: z.number(),
    total: z.number(),
    subjects: z.number(),
    pairsScored: z.number(),
    candidates: z.number(),
    error: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "ResolutionRun" });
export type RunView = z.infer<typeof runSchema>;

export const startRunSchema = z.object({ minScore: z.number().min(0.5).max(1).optional() }).strict();
