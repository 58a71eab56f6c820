import { z } from "zod";
import { countryCode } from "../../shared/envelope/envelope.schema.ts";

/**
 * The directory of platform partners: referral units pick a platform by name; the platform operator
 * keeps the directory. A partner answers referrals through its API client.
 */
const name = z.string().trim().min(1).max(200);
const email = z.email().max(320);
const endpoint = z.url({ protocol: /^https$/ }).max(2000);

export const createPartnerSchema = z
  .object({
    name,
    legalName: z.string().trim().min(1).max(300),
    country: countryCode,
    contactEmail: email.nullable().optional(),
    referralEndpoint: endpoint.nullable().optional(),
    terms: z.string().trim().max(4000).default(""),
    /** The partner's API client (platform_partner) that acknowledges and answers referrals. */
    clientId: z.uuid().nullable().optional(),
    active: z.boolean().default(true),
  })
  .strict();
export type CreatePartnerInput = z.input<typeof createPartnerSchema>;

export const updatePartnerSchema = z
  .object({
    name: name.optional(),
    legalName: z.string().trim().min(1).max(300).optional(),
    country: countryCode.optional(),
    contactEmail: email.nullable().optional(),
    referralEndpoint: endpoint.nullable().optional(),
    terms: z.string().trim().max(4000).optional(),
    clientId: z.uuid().nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "change at least one field" });
export type UpdatePartnerInput = z.input<typeof updatePartnerSchema>;

export const partnerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    legalName: z.string(),
    country: z.string(),
    contactEmail: z.string().nullable(),
    referralEndpoint: z.string().nullable(),
    terms: z.string(),
    clientId: z.string().nullable(),
    /** The name of the partner's API client, for the directory's keepers (null for analysts). */
    clientName: z.string().nullable(),
    active: z.boolean(),
    /** Active, with a live API client holding content:referrals: a referral to it can be made now. */
    receivesReferrals: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "PlatformPartner" });
export type PartnerView = z.infer<typeof partnerSchema>;

export const partnerSorts = ["name", "-name", "country", "-country", "updatedAt", "-updatedAt"] as const;

export const listPartnersQuery = z
  .object({
    /** Any part of the name or the legal name, whatever the case. */
    q: z.string().trim().min(1).max(200).optional(),
    active: z.enum(["true", "false"]).optional(),
    sort: z.enum(partnerSorts).default("name"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ListPartnersQuery = z.output<typeof listPartnersQuery>;

export const partnerPageSchema = z.object({
  items: z.array(partnerSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
