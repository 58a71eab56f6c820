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
    _links: itemLinks,
  })
  .meta({ id: "PublicNotice" });
export type PublicNoticeDetail = z.infer<typeof publicNoticeDetail>;

export const publicImages = z.object({
  _embedded: z.object({ images: z.array(z.object({ picture_id: z.string() })) }),
  _links: z.object({ self: link, notice: link }),
});
