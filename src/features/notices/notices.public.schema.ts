import { z } from "zod";

/**
 * The public, INTERPOL-compatible notices API (the shape of ws-public.interpol.int/notices/v1):
 * HAL documents with `_embedded` and `_links`. Only the public extract of published notices whose
 * owner consented (UN Special Notices always) ever appears here, field by field.
 */

const alpha2 = z.string().regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2 code");
const text = z.string().trim().min(1).max(100);

export const publicListQuery = z
  .object({
    name: text.optional(),
    forename: text.optional(),
    nationality: alpha2.optional(),
    ageMin: z.coerce.number().int().min(0).max(130).optional(),
    ageMax: z.coerce.number().int().min(0).max(130).optional(),
    sexId: z.enum(["M", "F", "U"]).optional(),
    arrestWarrantCountryId: alpha2.optional(),
    freeText: text.optional(),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    resultPerPage: z.coerce.number().int().min(1).max(160).default(20),
  })
  .strict();
export type PublicListQuery = z.output<typeof publicListQuery>;

const link = z.object({ href: z.string() });

const itemLinks = z.object({ self: link, images: link, thumbnail: link.optional() });

export const publicNoticeItem = z.object({
  entity_id: z.string(),
  name: z.string().nullable(),
  forename: z.string().nullable(),
  date_of_birth: z.string().nullable(),
  nationalities: z.array(z.string()),
  _links: itemLinks,
});
export type PublicNoticeItem = z.infer<typeof publicNoticeItem>;

export const publicNoticePage = z
  .object({
    total: z.number().int(),
    query: z.record(z.string(), z.union([z.string(), z.number()])),
    _embedded: z.object({ notices: z.array(publicNoticeItem) }),
    _links: z.object({
      self: link,
      first: link,
      previous: link.optional(),
      next: link.optional(),
      last: link,
    }),
  })
  .meta({ id: "PublicNoticePage" });

export const publicIdParams = z.object({
  noticeID: z.string().regex(/^\d{4}-\d{5,}$/, "a notice number such as 2024-12345"),
});

const unCountry = z.object({ code: z.string().nullable(), name: z.string() });
const unPlace = z.object({ text: z.string().nullable(), country: unCountry.nullable() });

/** The UN's entry behind a Special Notice, as the UN publishes it (notices.public.un.ts). */
export const publicUnListing = z
  .object({
    reference: z.string(),
    regime: z.string(),
    listed_on: z.string().nullable(),
    name: z.string(),
    name_original_script: z.string().nullable(),
    /** The UN's narrative summary (its comments). */
    summary: z.string().nullable(),
    titles: z.array(z.string()),
    designations: z.array(z.string()),
    aliases: z.array(
      z.object({
        name: z.string(),
        /** The UN's quality: Good, Low, a.k.a., f.k.a. or unknown. */
        quality: z.string(),
        date_of_birth: z.string().nullable(),
        place_of_birth: z.string().nullable(),
        note: z.string().nullable(),
      }),
    ),
    dates_of_birth: z.array(
      z.object({
        type: z.enum(["exact", "approximately", "between"]),
        date: z.string().nullable(),
        year: z.number().int().nullable(),
        from_year: z.number().int().nullable(),
        to_year: z.number().int().nullable(),
        note: z.string().nullable(),
      }),
    ),
    places_of_birth: z.array(unPlace),
    nationalities: z.array(unCountry),
    addresses: z.array(unPlace),
    documents: z.array(
      z.object({
        type: z.string().nullable(),
        type_detail: z.string().nullable(),
        number: z.string().nullable(),
        issuing_country: unCountry.nullable(),
        city_of_issue: z.string().nullable(),
        date_of_issue: z.string().nullable(),
        note: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "PublicUnListing" });
export type PublicUnListing = z.infer<typeof publicUnListing>;

/** One detail document for every public kind; fields a kind does not have are null or absent. */
export const publicNoticeDetail = z
  .object({
    entity_id: z.string(),
    name: z.string().nullable(),
    forename: z.string().nullable(),
    date_of_birth: z.string().nullable(),
    sex_id: z.string().nullable(),
    nationalities: z.array(z.string()),
    place_of_birth: z.string().nullable(),
    country_of_birth_id: z.string().nullable(),
    height: z.number().nullable(),
    weight: z.number().nullable(),
    eyes_colors_id: z.string().nullable(),
    hairs_id: z.string().nullable(),
    distinguishing_marks: z.string().nullable(),
    arrest_warrants: z
      .array(
        z.object({
          issuing_country_id: z.string(),
          charge: z.string(),
          charge_translation: z.string().nullable(),
        }),
      )
      .optional(),
    date_of_event: z.string().nullable().optional(),
    place: z.string().nullable().optional(),
    un_reference: z.string().nullable().optional(),
    aliases: z.array(z.string()).optional(),
    /** UN Special Notices: the UN's whole entry, as published. */
    un_listing: publicUnListing.optional(),
    _links: itemLinks,
  })
  .meta({ id: "PublicNotice" });
export type PublicNoticeDetail = z.infer<typeof publicNoticeDetail>;

export const publicImages = z.object({
  _embedded: z.object({
    images: z.array(z.object({ picture_id: z.string(), _links: z.object({ self: link }) })),
  }),
  _links: z.object({ self: link, notice: link, thumbnail: link.optional() }),
});
