import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import {
  createPartnerSchema,
  listPartnersQuery,
  partnerPageSchema,
  partnerSchema,
  updatePartnerSchema,
} from "./partners.schema.ts";
import type { PartnersService } from "./partners.service.ts";

const idParams = z.object({ id: z.string().max(100) });
const tags = ["content referrals"];

export function registerPartnersRoutes(app: ZodApp, partners: PartnersService): void {
  app.get(
    "/api/v1/content/partners",
    {
      schema: {
        operationId: "listPlatformPartners",
        tags,
        summary: "The directory of platform partners, searched by name (referral units, analysts, operator)",
        querystring: listPartnersQuery,
        response: { 200: partnerPageSchema },
      },
    },
    async (req) => partners.list(actorOf(req), req.query),
  );
  app.post(
    "/api/v1/content/partners",
    {
      schema: {
        operationId: "createPlatformPartner",
        tags,
        summary: "Add a platform partner to the directory (platform operator)",
        body: createPartnerSchema,
        response: { 201: partnerSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await partners.create(actorOf(req), req.body)),
  );
  app.get(
    "/api/v1/content/partners/:id",
    {
      schema: {
        operationId: "getPlatformPartner",
        tags,
        summary: "One platform partner",
        params: idParams,
        response: { 200: partnerSchema },
      },
    },
    async (req) => partners.get(actorOf(req), req.params.id),
  );
  app.patch(
    "/api/v1/content/partners/:id",
    {
      schema: {
        operationId: "updatePlatformPartner",
        tags,
        summary: "Change a platform partner: details, its API client, active or retired (platform operator)",
        params: idParams,
        body: updatePartnerSchema,
        response: { 200: partnerSchema },
      },
    },
    async (req) => partners.update(actorOf(req), req.params.id, req.body),
  );
}
