import { z } from "zod";

/**
 * The owner's rules that travel with every record (DESIGN.md §3). One schema serves HTTP, CLI and
 * forms; every record type embeds it.
 */
export const countryCode = z.string().regex(/^[A-Z]{2}$/, "a two-letter country code (ISO 3166-1 alpha-2)");

export const distributions = ["all", "only", "except"] as const;
export const handlingCodes = ["H0", "H1", "H2", "H3"] as const;
export const sourceReliabilities = ["A", "B", "C", "X"] as const;
export const sourceTypes = ["police", "judicial", "military", "un", "open_source", "platform"] as const;

export const envelopeInputSchema = z
  .object({
    distribution: z.enum(distributions).default("all"),
    distributionCountries: z.array(countryCode).max(250).default([]),
    handlingCode: z.enum(handlingCodes).default("H0"),
    handlingNote: z.string().trim().min(1).max(500).nullable().optional(),
    sourceReliability: z.enum(sourceReliabilities),
    informationAccuracy: z.number().int().min(1).max(4),
    sourceType: z.enum(sourceTypes),
    reviewAt: z.iso.date().optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.distribution !== "all" && e.distributionCountries.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["distributionCountries"],
        message: `"${e.distribution}" needs countries`,
      });
    }
    if (e.handlingCode === "H3" && !e.handlingNote) {
      ctx.addIssue({ code: "custom", path: ["handlingNote"], message: "H3 needs the free-text restriction" });
    }
  });
export type EnvelopeInput = z.input<typeof envelopeInputSchema>;
export type EnvelopeValues = z.output<typeof envelopeInputSchema>;

export const envelopeSchema = z
  .object({
    owner: z.string(),
    distribution: z.enum(distributions),
    distributionCountries: z.array(z.string()),
    handlingCode: z.enum(handlingCodes),
    handlingNote: z.string().nullable(),
    sourceReliability: z.enum(sourceReliabilities),
    informationAccuracy: z.number().int(),
    sourceType: z.enum(sourceTypes),
    reviewAt: z.string(),
  })
  .meta({ id: "Envelope" });
export type Envelope = z.infer<typeof envelopeSchema>;
