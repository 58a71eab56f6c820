import { z } from "zod";

export const enrolQuery = z
  .object({
    source: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .describe("Where the template comes from (a booking, a capture)"),
  })
  .strict();

export const templateSchema = z
  .object({
    id: z.string(),
    modality: z.enum(["fingerprint", "face"]),
    format: z
      .string()
      .describe("The template's standard (iso-19794-2-2005, ansi-378-2009, ...) or face model"),
    fingers: z
      .array(z.number().int())
      .describe("Finger positions held (0 unknown, 1 right thumb ... 10 left little)"),
    minutiae: z.number().int().nullable(),
    dimension: z.number().int().nullable(),
    sha256: z.string(),
    source: z.string(),
    photoId: z.number().int().nullable().describe("The record photo a face template was made from"),
    recordedAt: z.string(),
    retractedAt: z.string().nullable(),
  })
  .meta({ id: "BiometricTemplate" });
export type TemplateView = z.infer<typeof templateSchema>;

/** A face template from a capture system (its length is checked against the configuration). */
export const faceTemplateBody = z
  .object({
    vector: z.array(z.number()).min(1).max(4096),
    model: z.string().min(1).max(61).describe("The capture system's face model"),
    source: z.string().trim().min(1).max(500),
  })
  .strict();
