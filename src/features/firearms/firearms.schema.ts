import { z } from "zod";
import { envelopeInputSchema, envelopeSchema } from "../../shared/envelope/envelope.schema.ts";
import {
  envelopeCsvColumns,
  envelopeCsvValues,
  exportQuery,
  listQuery,
  pageOf,
} from "../../shared/objects/objects.schema.ts";
import { ftmEntity, identifierText, knownCountry, shortText } from "../../shared/objects.ts";

export const firearmTypes = [
  "pistol",
  "revolver",
  "rifle",
  "shotgun",
  "submachine_gun",
  "machine_gun",
  "other",
] as const;
export const firearmStatuses = ["lost", "stolen", "illicitly_trafficked", "smuggled", "seized"] as const;

/** A firearm as entered: one schema for the API, the CLI and import rows. */
export const createFirearmSchema = z
  .object({
    /** As marked on the weapon; searched in its normalised form (letters and digits, upper case). */
    serialNumber: identifierText(100),
    make: shortText(),
    model: shortText().optional(),
    calibre: shortText(50).optional(),
    type: z.enum(firearmTypes),
    countryOfManufacture: knownCountry.optional(),
    status: z.enum(firearmStatuses),
    /** When it was lost, stolen or seized (YYYY-MM-DD). */
    eventDate: z.iso.date().optional(),
    envelope: envelopeInputSchema,
  })
  .strict();
export type CreateFirearmInput = z.input<typeof createFirearmSchema>;

export const updateFirearmSchema = createFirearmSchema.partial().strict();
export type UpdateFirearmInput = z.input<typeof updateFirearmSchema>;

export const firearmSchema = z
  .object({
    id: z.string(),
    serialNumber: z.string(),
    serialNormalized: z.string(),
    make: z.string(),
    model: z.string().nullable(),
    calibre: z.string().nullable(),
    type: z.enum(firearmTypes),
    countryOfManufacture: z.string().nullable(),
    status: z.enum(firearmStatuses),
    eventDate: z.string().nullable(),
    envelope: envelopeSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Firearm" });
export type FirearmView = z.infer<typeof firearmSchema>;

const filters = {
  /** Matches the normalised serial number exactly. */
  serial: z.string().trim().max(100).optional(),
  make: z.string().trim().max(200).optional(),
  model: z.string().trim().max(200).optional(),
  type: z.enum(firearmTypes).optional(),
  status: z.enum(firearmStatuses).optional(),
};

export const listFirearmsQuery = listQuery(filters);
export type ListFirearmsQuery = z.output<typeof listFirearmsQuery>;
export type FirearmFilters = Omit<ListFirearmsQuery, "page" | "pageSize">;

export const exportFirearmsQuery = exportQuery(filters);

export const firearmPageSchema = pageOf(firearmSchema);

export const firearmCsvColumns = [
  "id",
  "serial_number",
  "make",
  "model",
  "calibre",
  "type",
  "country_of_manufacture",
  "status",
  "event_date",
  ...envelopeCsvColumns,
] as const;

export const firearmCsvRow = (f: FirearmView) => [
  f.id,
  f.serialNumber,
  f.make,
  f.model,
  f.calibre,
  f.type,
  f.countryOfManufacture,
  f.status,
  f.eventDate,
  ...envelopeCsvValues(f.envelope),
];

/** A firearm as an FtM entity (`Firearm`, our schema in FtM's style). */
export const firearmFtm = (f: FirearmView) =>
  ftmEntity(
    `firearm-${f.id}`,
    "Firearm",
    {
      name: [[f.make, f.model].filter(Boolean).join(" ")],
      serialNumber: [f.serialNumber],
      make: [f.make],
      model: [f.model],
      calibre: [f.calibre],
      weaponType: [f.type],
      country: [f.countryOfManufacture],
      status: [f.status],
      date: [f.eventDate],
    },
    f.envelope,
  );

/* Trace requests */

export const traceStatuses = ["open", "answered", "declined", "overdue"] as const;

export const createTraceRequestSchema = z
  .object({
    firearmId: z.string().uuid(),
    /** The bureau asked; the firearm's owner when not given. */
    addressedCountry: knownCountry.optional(),
    question: z.string().trim().min(1).max(8000),
    deadline: z.iso.date(),
  })
  .strict();
export type CreateTraceRequestInput = z.input<typeof createTraceRequestSchema>;

export const replyTraceRequestSchema = z.object({ reply: z.string().trim().min(1).max(8000) }).strict();
export const declineTraceRequestSchema = z.object({ reason: z.string().trim().min(1).max(4000) }).strict();

export const traceRequestSchema = z
  .object({
    id: z.string(),
    requestingCountry: z.string(),
    addressedCountry: z.string(),
    question: z.string(),
    deadline: z.string(),
    /** `overdue`: still open past its deadline (computed, never stored). */
    status: z.enum(traceStatuses),
    reply: z.string().nullable(),
    repliedAt: z.string().nullable(),
    /** The firearm, only when the reader may see it; otherwise null (the id too). */
    firearmId: z.string().nullable(),
    firearm: firearmSchema.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "TraceRequest" });
export type TraceRequestView = z.infer<typeof traceRequestSchema>;

export const listTraceRequestsQuery = z
  .object({
    box: z.enum(["sent", "received", "all"]).default("all"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListTraceRequestsQuery = z.output<typeof listTraceRequestsQuery>;

export const traceRequestPageSchema = z.object({
  items: z.array(traceRequestSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
