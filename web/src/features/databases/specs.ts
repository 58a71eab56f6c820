import type { MessageKey } from "../../lib/i18n/index.tsx";
import type { Role } from "../../lib/roles.ts";
import type { DbItem, ReviewType } from "./types.ts";

/*
 * The object databases as data: each one's API path, search filters, list columns, sort keys and
 * entry fields. The list, detail and entry pages are written once over these specs, so a further
 * database (persons, when its entity page comes) is one more entry here plus what only it needs.
 */

export type DbId = "documents" | "firearms" | "vehicles" | "materials";
export type FieldKind = "text" | "select" | "date" | "number" | "flag";

export interface FieldSpec {
  /** The API's name for the field (body, view and, for filters, the query parameter). */
  name: string;
  label: MessageKey;
  kind: FieldKind;
  /** Select values; each is shown through `${optionPrefix}.${value}` (as is without a prefix). */
  options?: readonly string[];
  optionPrefix?: string;
  required?: boolean;
  hint?: MessageKey;
  /** Codes (countries) are upper-cased as typed. */
  upper?: boolean;
  /** Shown in a fixed-width font (numbers, serials, VINs). */
  code?: boolean;
}

export interface DbSpec {
  id: DbId;
  /** The collection's path under /api/v1. */
  api: string;
  title: MessageKey;
  /** One item, for headings ("New firearm"). */
  single: MessageKey;
  reviewType: ReviewType;
  filters: readonly FieldSpec[];
  /** Sort keys the list offers (the API's `sort` values without the leading "-"). */
  sorts: readonly string[];
  defaultSort: string;
  /** The list's columns, by field name, in order. */
  columns: readonly string[];
  fields: readonly FieldSpec[];
  caption: (item: DbItem) => string;
  /** Travel documents change only their status; the others are edited field by field. */
  edit: "status" | "patch";
  writers: readonly Role[];
}

const BUREAU: readonly Role[] = ["ncb_officer", "ncb_admin"];
const WRITERS: readonly Role[] = ["ncb_officer", "ncb_admin", "gs_analyst"];

const owner: FieldSpec = { name: "owner", label: "db.field.owner", kind: "text", upper: true };
const eventDate: FieldSpec = { name: "eventDate", label: "db.field.eventDate", kind: "date" };
const country = (name: string, label: MessageKey, required = false): FieldSpec => ({
  name,
  label,
  kind: "text",
  upper: true,
  code: true,
  hint: "db.hint.countryCode",
  required,
});
const select = (
  name: string,
  label: MessageKey,
  options: readonly string[],
  prefix: string,
  required = true,
) => ({ name, label, kind: "select", options, optionPrefix: prefix, required }) as FieldSpec;
const text = (name: string, label: MessageKey, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  label,
  kind: "text",
  ...extra,
});

const DOC_TYPES = ["passport", "id_card", "visa", "residence_permit", "travel_document", "other"] as const;
const DOC_STATUSES = ["stolen", "lost", "revoked", "invalidated"] as const;
const FIREARM_TYPES = ["pistol", "revolver", "rifle", "shotgun", "submachine_gun", "machine_gun", "other"];
const FIREARM_STATUSES = ["lost", "stolen", "illicitly_trafficked", "smuggled", "seized"] as const;
const VEHICLE_STATUSES = ["stolen", "wanted", "seized", "recovered"] as const;
const CATEGORIES = [
  "explosive",
  "precursor",
  "chemical_agent",
  "biological_agent",
  "radiological_source",
  "nuclear_material",
] as const;
const MATERIAL_STATUSES = ["lost", "stolen", "seized", "recovered"] as const;
export const UNITS = [
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
];

const documents: DbSpec = {
  id: "documents",
  api: "/documents",
  title: "db.documents",
  single: "db.document",
  reviewType: "travel_documents",
  filters: [
    text("number", "db.field.number", { code: true }),
    { name: "ocrTolerant", label: "db.field.ocrTolerant", kind: "flag" },
    text("country", "db.field.issuingCountry", { upper: true, hint: "db.hint.icao" }),
    select("type", "db.field.docType", DOC_TYPES, "db.docType", false),
    select("status", "db.field.status", DOC_STATUSES, "db.docStatus", false),
    owner,
  ],
  sorts: ["createdAt", "number", "eventDate", "reportedDate", "reviewAt"],
  defaultSort: "-createdAt",
  columns: ["number", "country", "type", "status", "eventDate", "reportedDate"],
  fields: [
    text("number", "db.field.number", { required: true, code: true }),
    text("country", "db.field.issuingCountry", {
      required: true,
      upper: true,
      code: true,
      hint: "db.hint.icao",
    }),
    select("type", "db.field.docType", DOC_TYPES, "db.docType"),
    select("status", "db.field.status", DOC_STATUSES, "db.docStatus"),
    { name: "blank", label: "db.field.blank", kind: "flag", hint: "db.hint.blank" },
    eventDate,
    { name: "reportedDate", label: "db.field.reportedDate", kind: "date" },
  ],
  caption: (d) => `${String(d.number)} (${String(d.country)})`,
  edit: "status",
  writers: BUREAU,
};

const firearms: DbSpec = {
  id: "firearms",
  api: "/firearms",
  title: "db.firearms",
  single: "db.firearm",
  reviewType: "firearms",
  filters: [
    text("serial", "db.field.serialNumber", { code: true }),
    text("make", "db.field.make"),
    text("model", "db.field.model"),
    select("type", "db.field.firearmType", FIREARM_TYPES, "db.firearmType", false),
    select("status", "db.field.status", FIREARM_STATUSES, "db.firearmStatus", false),
    owner,
  ],
  sorts: ["updatedAt", "eventDate", "reviewAt"],
  defaultSort: "-updatedAt",
  columns: ["serialNumber", "make", "model", "calibre", "type", "status", "eventDate"],
  fields: [
    text("serialNumber", "db.field.serialNumber", { required: true, code: true }),
    text("make", "db.field.make", { required: true }),
    text("model", "db.field.model"),
    text("calibre", "db.field.calibre"),
    select("type", "db.field.firearmType", FIREARM_TYPES, "db.firearmType"),
    country("countryOfManufacture", "db.field.countryOfManufacture"),
    select("status", "db.field.status", FIREARM_STATUSES, "db.firearmStatus"),
    eventDate,
  ],
  caption: (f) => `${String(f.make)} ${String(f.serialNumber)}`,
  edit: "patch",
  writers: WRITERS,
};

const vehicles: DbSpec = {
  id: "vehicles",
  api: "/vehicles",
  title: "db.vehicles",
  single: "db.vehicle",
  reviewType: "vehicles",
  filters: [
    text("vin", "db.field.vin", { code: true }),
    text("plate", "db.field.plate", { code: true }),
    text("make", "db.field.make"),
    text("model", "db.field.model"),
    select("status", "db.field.status", VEHICLE_STATUSES, "db.vehicleStatus", false),
    owner,
  ],
  sorts: ["updatedAt", "eventDate", "reviewAt"],
  defaultSort: "-updatedAt",
  columns: ["vin", "plate", "plateCountry", "make", "model", "colour", "status", "eventDate"],
  fields: [
    text("vin", "db.field.vin", { code: true, upper: true, hint: "db.hint.vin" }),
    text("plate", "db.field.plate", { code: true }),
    country("plateCountry", "db.field.plateCountry"),
    text("make", "db.field.make", { required: true }),
    text("model", "db.field.model"),
    text("colour", "db.field.colour"),
    select("status", "db.field.status", VEHICLE_STATUSES, "db.vehicleStatus"),
    eventDate,
  ],
  caption: (v) => `${String(v.make)} ${String(v.vin ?? v.plate ?? "")}`,
  edit: "patch",
  writers: WRITERS,
};

const materials: DbSpec = {
  id: "materials",
  api: "/materials",
  title: "db.materials",
  single: "db.material",
  reviewType: "cbrne_materials",
  filters: [
    text("identifier", "db.field.identifier", { code: true }),
    select("category", "db.field.category", CATEGORIES, "db.category", false),
    select("status", "db.field.status", MATERIAL_STATUSES, "db.materialStatus", false),
    text("country", "db.field.country", { upper: true }),
    owner,
  ],
  sorts: ["updatedAt", "eventDate", "reviewAt"],
  defaultSort: "-updatedAt",
  columns: ["category", "description", "identifier", "quantity", "country", "status", "eventDate"],
  fields: [
    select("category", "db.field.category", CATEGORIES, "db.category"),
    text("description", "db.field.description", { required: true }),
    text("identifier", "db.field.identifier", { code: true }),
    { name: "quantity", label: "db.field.quantity", kind: "number", hint: "db.hint.quantity" },
    select("unit", "db.field.unit", UNITS, "", false),
    text("place", "db.field.place"),
    country("country", "db.field.country", true),
    { ...eventDate, required: true },
    select("status", "db.field.status", MATERIAL_STATUSES, "db.materialStatus"),
  ],
  caption: (m) => String(m.description),
  edit: "patch",
  writers: WRITERS,
};

export const DATABASES: readonly DbSpec[] = [documents, firearms, vehicles, materials];

export const specOf = (id: string): DbSpec | undefined => DATABASES.find((d) => d.id === id);

/** The detail page of a reviewed item, or null when this feature has none (records have theirs). */
export function itemPath(type: ReviewType, id: string): string | null {
  const spec = DATABASES.find((d) => d.reviewType === type);
  if (spec) return `/databases/${spec.id}/${encodeURIComponent(id)}`;
  return type === "records" ? `/records/${encodeURIComponent(id)}` : null;
}
