import { z } from "zod";
import {
  countryCode,
  handlingCodes,
  sourceReliabilities,
  sourceTypes,
} from "../../shared/envelope/envelope.schema.ts";
import { entitySubject, personSubject } from "../notices/rules/notice-request.ts";
import { diffusionKinds } from "../notices/rules/notice-types.ts";

/**
 * A diffusion: a bureau's message straight to the countries it chooses (or all), checked by the
 * General Secretariat afterwards. Recipients see it at once, flagged as not yet reviewed.
 */
export const sendDiffusionSchema = z
  .object({
    kind: z.enum(diffusionKinds),
    recipients: z.union([z.literal("all"), z.array(countryCode).min(1).max(250)]),
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(8000),
    subject: z.discriminatedUnion("kind", [personSubject, entitySubject]).optional(),
    /** The sender's own case reference. */
    reference: z.string().trim().min(1).max(200).optional(),
    handlingCode: z.enum(handlingCodes).default("H0"),
    handlingNote: z.string().trim().min(1).max(500).optional(),
    sourceReliability: z.enum(sourceReliabilities),
    informationAccuracy: z.number().int().min(1).max(4),
    sourceType: z.enum(sourceTypes),
  })
  .strict()
  .refine((d) => d.handlingCode !== "H3" || !!d.handlingNote, {
    path: ["handlingNote"],
    message: "H3 needs the free-text restriction",
  });
export type SendDiffusionInput = z.input<typeof sendDiffusionSchema>;

export const reviewDiffusionSchema = z
  .object({
    decision: z.enum(["confirm", "cancel"]),
    reasons: z.string().trim().min(1).max(4000),
    /** The version the reviewer read: a diffusion changed since is refused as "stale". */
    expectedVersion: z.number().int().min(1).optional(),
  })
  .strict();
export type ReviewDiffusionInput = z.input<typeof reviewDiffusionSchema>;

export const reviewStates = ["unreviewed", "confirmed", "cancelled"] as const;

export const diffusionSchema = z
  .object({
    id: z.string(),
    kind: z.enum(diffusionKinds),
    sender: z.string(),
    recipients: z.union([z.literal("all"), z.array(z.string())]),
    title: z.string(),
    body: z.string(),
    subject: z.record(z.string(), z.unknown()).nullable(),
    reference: z.string().nullable(),
    handlingCode: z.enum(handlingCodes),
    handlingNote: z.string().nullable(),
    /** False until the General Secretariat has checked the diffusion. */
    reviewed: z.boolean(),
    reviewState: z.enum(reviewStates),
    reviewReasons: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    createdAt: z.string(),
    /** Raised by every change: send it back as `expectedVersion` with the review. */
    version: z.number().int(),
  })
  .meta({ id: "Diffusion" });
export type DiffusionView = z.infer<typeof diffusionSchema>;

export const diffusionSorts = [
  "createdAt",
  "-createdAt",
  "title",
  "-title",
  "kind",
  "-kind",
  "sender",
  "-sender",
  "reviewState",
  "-reviewState",
] as const;

export const listDiffusionsQuery = z
  .object({
    /** Those other countries sent the viewer's country, or those it sent; both by default. */
    box: z.enum(["received", "sent"]).optional(),
    /** A column, descending with a leading minus; newest first by default. */
    sort: z.enum(diffusionSorts).optional(),
    reviewState: z.enum(reviewStates).optional(),
    kind: z.enum(diffusionKinds).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListDiffusionsQuery = z.output<typeof listDiffusionsQuery>;

export const diffusionPageSchema = z.object({
  items: z.array(diffusionSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
