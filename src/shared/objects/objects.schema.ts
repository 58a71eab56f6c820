import { z } from "zod";
import type { Envelope } from "../envelope/envelope.schema.ts";
import { exportFormats } from "../objects.ts";

/*
 * The schema pieces every object database's search, export and page share; the feature's own
 * fields, filters and CSV columns come first, these after.
 */

/** The list's orders: a column, descending with a leading "-"; latest changed first when not given. */
export const objectSorts = [
  "-updatedAt",
  "updatedAt",
  "-eventDate",
  "eventDate",
  "reviewAt",
  "-reviewAt",
] as const;
export type ObjectSort = (typeof objectSorts)[number];

/** A search query: the feature's filters, the owner and the order, then the page. */
export const listQuery = <F extends z.ZodRawShape>(filters: F) =>
  z
    .object({
      ...filters,
      /** The owner country (within what the caller may see): a bureau's own objects. */
      owner: z
        .string()
        .regex(/^[A-Z]{2}$/, "a two-letter country code")
        .optional(),
      sort: z.enum(objectSorts).optional(),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    })
    .strict();

/** An export query: the feature's filters and the format (JSON Lines by default). */
export const exportQuery = <F extends z.ZodRawShape>(filters: F) =>
  z.object({ ...filters, format: z.enum(exportFormats).default("jsonl") }).strict();

/** One page of search results. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** The envelope's columns at the end of every export's CSV, and their values. */
export const envelopeCsvColumns = [
  "owner",
  "distribution",
  "distribution_countries",
  "handling_code",
  "review_at",
] as const;

export const envelopeCsvValues = (e: Envelope) => [
  e.owner,
  e.distribution,
  e.distributionCountries.join("|"),
  e.handlingCode,
  e.reviewAt,
];
