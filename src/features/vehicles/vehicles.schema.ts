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
import { normalizeVin, vinProblem } from "./vin.ts";

export const vehicleStatuses = ["stolen", "wanted", "seized", "recovered"] as const;

/** A VIN as entered (spaces and dashes dropped, upper-cased), refused with the reason when invalid. */
export const vinField = z
  .string()
  .trim()
  .max(40)
  .transform(normalizeVin)
  .superRefine((vin, ctx) => {
    const problem = vinProblem(vin);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const fields = {
  vin: vinField.optional(),
  plate: identifierText(20).optional(),
  /** The country that issued the plate. */
  plateCountry: knownCountry.optional(),
  make: shortText(),
  model: shortText().optional(),
  colour: shortText(50).optional(),
  status: z.enum(vehicleStatuses),
  /** When it was stolen, seized or recovered (YYYY-MM-DD). */
  eventDate: z.iso.date().optional(),
  envelope: envelopeInputSchema,
};

/** A vehicle as entered: one schema for the API, the CLI and import rows. */
export const createVehicleSchema = z
  .object(fields)
  .strict()
  .superRefine((v, ctx) => {
    if (!v.vin && !v.plate)
      ctx.addIssue({ code: "custom", path: ["vin"], message: "a VIN or a plate is needed" });
    if (v.plate && !v.plateCountry)
      ctx.addIssue({
        code: "custom",
        path: ["plateCountry"],
        message: "a plate needs the country that issued it",
      });
  });
export type CreateVehicleInput = z.input<typeof createVehicleSchema>;

export const updateVehicleSchema = z.object(fields).partial().strict();
export type UpdateVehicleInput = z.input<typeof updateVehicleSchema>;

export const vehicleSchema = z
  .object({
    id: z.string(),
    vin: z.string().nullable(),
    plate: z.string().nullable(),
    plateNormalized: z.string().nullable(),
    plateCountry: z.string().nullable(),
    make: z.string(),
    model: z.string().nullable(),
    colour: z.string().nullable(),
    status: z.enum(vehicleStatuses),
    eventDate: z.string().nullable(),
    envelope: envelopeSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Vehicle" });
export type VehicleView = z.infer<typeof vehicleSchema>;

const filters = {
  /** Matches the VIN exactly (spaces and dashes ignored). */
  vin: z.string().trim().max(40).optional(),
  /** Matches the normalised plate exactly. */
  plate: z.string().trim().max(20).optional(),
  make: z.string().trim().max(200).optional(),
  model: z.string().trim().max(200).optional(),
  status: z.enum(vehicleStatuses).optional(),
};

export const listVehiclesQuery = listQuery(filters);
export type ListVehiclesQuery = z.output<typeof listVehiclesQuery>;
export type VehicleFilters = Omit<ListVehiclesQuery, "page" | "pageSize">;

export const exportVehiclesQuery = exportQuery(filters);

export const vehiclePageSchema = pageOf(vehicleSchema);

export const vehicleCsvColumns = [
  "id",
  "vin",
  "plate",
  "plate_country",
  "make",
  "model",
  "colour",
  "status",
  "event_date",
  ...envelopeCsvColumns,
] as const;

export const vehicleCsvRow = (v: VehicleView) => [
  v.id,
  v.vin,
  v.plate,
  v.plateCountry,
  v.make,
  v.model,
  v.colour,
  v.status,
  v.eventDate,
  ...envelopeCsvValues(v.envelope),
];

/** A vehicle as an FtM `Vehicle`, with the VIN, colour, status and date FtM lacks (records.ftm.ts). */
export const vehicleFtm = (v: VehicleView) =>
  ftmEntity(
    `vehicle-${v.id}`,
    "Vehicle",
    {
      name: [[v.make, v.model].filter(Boolean).join(" ")],
      model: [v.model],
      registrationNumber: [v.plate],
      country: [v.plateCountry],
      vin: [v.vin],
      colour: [v.colour],
      status: [v.status],
      date: [v.eventDate],
    },
    v.envelope,
  );
