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

export const materialCategories = [
  "explosive",
  "precursor",
  "chemical_agent",
  "biological_agent",
  "radiological_source",
  "nuclear_material",
] as const;
export const materialStatuses = ["lost", "stolen", "seized", "recovered"] as const;
/** Mass, volume, count and activity (radioactive sources are declared by activity, in Bq or Ci). */
export const materialUnits = [
  "g",
  "kg",
  "t",
  "ml",
  "l",
  "m3",
  "items",
  "Bq",
  "kBq",
  "MBq",
  "GBq",
  "TBq",
  "Ci",
  "mCi",
] as const;

const fields = {
  category: z.enum(materialCategories),
  /** What it is: "TATP", "ammonium nitrate", "Cs-137 sealed source, industrial gauge"... */
  description: shortText(2000),
  /** A source serial, a container or lot number. */
  identifier: identifierText(100).optional(),
  quantity: z.number().positive().finite().optional(),
  unit: z.enum(materialUnits).optional(),
  /** Where it was lost, stolen or seized. */
  place: shortText(500).optional(),
  country: knownCountry,
  /** When (YYYY-MM-DD). */
  eventDate: z.iso.date(),
  status: z.enum(materialStatuses),
  envelope: envelopeInputSchema,
};

/** A material as entered: one schema for the API, the CLI and import rows. */
export const createMaterialSchema = z
  .object(fields)
  .strict()
  .refine((m) => (m.quantity === undefined) === (m.unit === undefined), {
    path: ["unit"],
    message: "a quantity needs its unit, and a unit its quantity",
  });
export type CreateMaterialInput = z.input<typeof createMaterialSchema>;

export const updateMaterialSchema = z.object(fields).partial().strict();
export type UpdateMaterialInput = z.input<typeof updateMaterialSchema>;

export const materialSchema = z
  .object({
    id: z.string(),
    category: z.enum(materialCategories),
    description: z.string(),
    identifier: z.string().nullable(),
    identifierNormalized: z.string().nullable(),
    quantity: z.number().nullable(),
    unit: z.string().nullable(),
    place: z.string().nullable(),
    country: z.string(),
    eventDate: z.string(),
    status: z.enum(materialStatuses),
    envelope: envelopeSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Material" });
export type MaterialView = z.infer<typeof materialSchema>;

const filters = {
  /** Matches the normalised identifier exactly. */
  identifier: z.string().trim().max(100).optional(),
  category: z.enum(materialCategories).optional(),
  status: z.enum(materialStatuses).optional(),
  country: z.string().trim().max(2).optional(),
};

export const listMaterialsQuery = listQuery(filters);
export type ListMaterialsQuery = z.output<typeof listMaterialsQuery>;
export type MaterialFilters = Omit<ListMaterialsQuery, "page" | "pageSize">;

export const exportMaterialsQuery = exportQuery(filters);

export const materialPageSchema = pageOf(materialSchema);

export const materialCsvColumns = [
  "id",
  "category",
  "description",
  "identifier",
  "quantity",
  "unit",
  "place",
  "country",
  "event_date",
  "status",
  ...envelopeCsvColumns,
] as const;

export const materialCsvRow = (m: MaterialView) => [
  m.id,
  m.category,
  m.description,
  m.identifier,
  m.quantity,
  m.unit,
  m.place,
  m.country,
  m.eventDate,
  m.status,
  ...envelopeCsvValues(m.envelope),
];

/** A material as an FtM entity (`CbrneMaterial`, our schema in FtM's style). */
export const materialFtm = (m: MaterialView) =>
  ftmEntity(
    `material-${m.id}`,
    "CbrneMaterial",
    {
      name: [m.description],
      category: [m.category],
      identifier: [m.identifier],
      amount: [m.quantity],
      unit: [m.unit],
      address: [m.place],
      country: [m.country],
      status: [m.status],
      date: [m.eventDate],
    },
    m.envelope,
  );
