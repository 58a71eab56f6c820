import { z } from "zod";

/* The API shapes of docs/biometric-search.md: what the review screens are built against. */

export const reasonField = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .describe("Why the search is made: a case reference (stored and audited)");
const limitField = z.coerce.number().int().min(1).max(50).default(10);

export const rawSearchQuery = z.object({ reason: reasonField, limit: limitField }).strict();
export const faceTemplateSearchBody = z
  .object({
    vector: z.array(z.number()).min(1).max(4096),
    model: z.string().min(1).max(61),
    reason: reasonField,
    limit: limitField.optional(),
  })
  .strict();

export const listQuery = z
  .object({
    state: z.enum(["pending", "decided"]).optional(),
    purpose: z.enum(["search", "screening"]).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListQuery = z.infer<typeof listQuery>;

export const decisionKinds = ["potential_candidate", "no_candidate", "inconclusive"] as const;
export const decisionBody = z
  .object({
    decision: z.enum(decisionKinds),
    candidateId: z.string().max(100).optional(),
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();
export type DecisionInput = z.infer<typeof decisionBody>;

export const decisionSchema = z
  .object({
    id: z.string(),
    decision: z.enum(decisionKinds),
    candidateId: z.string().nullable(),
    note: z.string().nullable(),
    decidedBy: z.string(),
    decidedAt: z.string(),
  })
  .meta({ id: "BiometricDecision" });
export type DecisionView = z.infer<typeof decisionSchema>;

export const candidateSchema = z
  .object({
    id: z.string(),
    rank: z.number().int().describe("Rank among the candidates the reader may see"),
    score: z.number(),
    aboveThreshold: z.boolean(),
    templateId: z.string(),
    recordId: z.string(),
    caption: z.string(),
    reference: z.string().nullable(),
    owner: z.string(),
    fingers: z.array(z.number().int()),
    photoId: z.number().int().nullable().describe("The record photo a face template was made from"),
  })
  .meta({ id: "BiometricCandidate" });
export type CandidateView = z.infer<typeof candidateSchema>;

export const searchSchema = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    at: z.string(),
    country: z.string(),
    searchedBy: z.string(),
    purpose: z.enum(["search", "screening"]),
    modality: z.enum(["fingerprint", "face"]),
    reason: z.string(),
    probe: z.object({
      format: z.string(),
      minutiae: z.number().int().nullable(),
      dimension: z.number().int().nullable(),
      sha256: z.string(),
      hasImage: z.boolean(),
    }),
    location: z.string().nullable(),
    traveller: z.record(z.string(), z.unknown()).nullable(),
    threshold: z.number(),
    state: z.enum(["pending", "decided"]),
    candidates: z.array(candidateSchema),
    decision: decisionSchema.nullable(),
    decisions: z.array(decisionSchema),
  })
  .meta({ id: "BiometricSearch" });
export type SearchView = z.infer<typeof searchSchema>;

export const searchSummarySchema = searchSchema
  .omit({ candidates: true, decisions: true })
  .extend({ candidateCount: z.number().int().describe("Candidates the reader may see") })
  .meta({ id: "BiometricSearchSummary" });
export type SearchSummaryView = z.infer<typeof searchSummarySchema>;

export const searchListSchema = z.object({
  items: z.array(searchSummarySchema),
  pending: z.number().int().describe("Searches of the reader's country awaiting a decision"),
});

export const minutiaeSchema = z
  .object({
    format: z.string(),
    views: z.array(
      z.object({
        position: z.number().int(),
        width: z.number().int(),
        height: z.number().int(),
        resolution: z.number().int().describe("Pixels per centimetre (197 is about 500 dpi)"),
        minutiae: z.array(
          z.object({
            x: z.number(),
            y: z.number(),
            angle: z.number().describe("Degrees, counter-clockwise as the standards measure"),
            type: z.string(),
            quality: z.number(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "FingerprintMinutiae" });
export type MinutiaeView = z.infer<typeof minutiaeSchema>;
