import { z } from "zod";
import { envelopeInputSchema, envelopeSchema } from "../../shared/envelope/envelope.schema.ts";
import { exportFormats } from "../../shared/objects.ts";

export const documentTypes = [
  "passport",
  "id_card",
  "visa",
  "residence_permit",
  "travel_document",
  "other",
] as const;
export const documentStatuses = ["stolen", "lost", "revoked", "invalidated"] as const;

/** Uppercase letters and digits only: "12 AB-345" and "12ab345" are the same document number. */
export const normaliseNumber = (n: string): string => n.toUpperCase().replace(/[^A-Z0-9]/g, "");

/**
 * The OCR-tolerant key of a normalised number: O/0, I/L/1, S/5, B/8, Z/2 and G/6 folded to the
 * digit. Must match the expression index of migration 007 character for character.
 */
export { OCR_FROM, OCR_TO, ocrFold as ocrKey } from "../../search/document-index/keys.ts";

// Starts with a letter or digit (no formula-looking cell in a CSV export); no comma or quote.
const documentNumber = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}$/,
    "letters, digits, spaces, dots, slashes or dashes (at most 40)",
  );

/** ICAO Doc 9303 code of the issuing state or organisation: FRA, USA, D (Germany), XPO (INTERPOL). */
export const icaoCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{1,3}$/, "an ICAO issuing state code such as FRA or D"));

const flag = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["true", "false", "yes", "no", "1", "0"]))
    .transform((s) => s === "true" || s === "yes" || s === "1"),
]);

// Unknown keys are dropped, not refused: an import file may carry columns of its own.
export const documentInputSchema = z
  .object({
    number: documentNumber,
    country: icaoCode,
    type: z.enum(documentTypes),
    status: z.enum(documentStatuses),
    /** Stolen blank (never issued to a bearer) rather than from the bearer. */
    blank: flag.default(false),
    eventDate: z.iso.date().optional(),
    reportedDate: z.iso.date().optional(),
    envelope: envelopeInputSchema.optional(),
  })
  .refine((d) => !d.eventDate || !d.reportedDate || d.eventDate <= d.reportedDate, {
    path: ["reportedDate"],
    message: "reported before the event",
  })
  .refine((d) => normaliseNumber(d.number).length > 0, { path: ["number"], message: "no letter or digit" });

// CSV columns and JSON Lines keys may be written event_date / reported_date.
const columnNames: Record<string, string> = { event_date: "eventDate", reported_date: "reportedDate" };

/**
 * A CSV or JSON Lines row of an import: the same schema as one document entered by hand (the body of
 * POST /documents), under its file column names. A row carries no envelope: the import's applies.
 */
export const documentRowSchema = z.preprocess(
  (v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [columnNames[k] ?? k, x]))
      : v,
  documentInputSchema,
);
export type DocumentInput = z.input<typeof documentInputSchema>;
export type DocumentValues = z.output<typeof documentInputSchema>;

export const documentImportColumns = ["number", "country", "type", "status"] as const;

export const updateDocumentStatusSchema = z
  .object({
    status: z.enum(documentStatuses),
    blank: z.boolean().optional(),
    eventDate: z.iso.date().optional(),
  })
  .strict();
export type UpdateDocumentStatusInput = z.input<typeof updateDocumentStatusSchema>;

export const documentSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    numberNormalised: z.string(),
    country: z.string(),
    type: z.enum(documentTypes),
    status: z.enum(documentStatuses),
    blank: z.boolean(),
    eventDate: z.string().nullable(),
    reportedDate: z.string().nullable(),
    envelope: envelopeSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "TravelDocument" });
export type DocumentView = z.infer<typeof documentSchema>;

export const documentSorts = [
  "-createdAt",
  "createdAt",
  "number",
  "-number",
  "-eventDate",
  "eventDate",
  "-reportedDate",
  "reportedDate",
  "reviewAt",
  "-reviewAt",
] as const;

export const listDocumentsQuery = z
  .object({
    number: z.string().trim().max(60).optional(),
    /** Also find numbers that differ only by characters OCR confuses (O/0, I/L/1, S/5, B/8, Z/2, G/6). */
    ocrTolerant: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
    country: icaoCode.optional(),
    status: z.enum(documentStatuses).optional(),
    type: z.enum(documentTypes).optional(),
    /** The owner country (within what the caller may see): a bureau's own documents. */
    owner: z
      .string()
      .regex(/^[A-Z]{2}$/, "a two-letter country code")
      .optional(),
    /** A column, descending with a leading "-"; newest entered first when not given. */
    sort: z.enum(documentSorts).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListDocumentsQuery = z.output<typeof listDocumentsQuery>;

export const documentPageSchema = z.object({
  items: z.array(documentSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const exportDocumentsQuery = z.object({ format: z.enum(exportFormats).default("jsonl") }).strict();

export const importReportSchema = z
  .object({
    rows: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    batches: z.number().int(),
    ms: z.number().int(),
    rejects: z.array(z.object({ line: z.number().int(), reason: z.string(), raw: z.string() })),
  })
  .meta({ id: "ImportReport" });
