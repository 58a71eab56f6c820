import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import {
  createReferralSchema,
  listReferralsQuery,
  outcomeSchema,
  referralSchema,
  statsQuery,
  statsSchema,
} from "./referrals.schema.ts";
import type { ReferralsService } from "./referrals.service.ts";

const idParams = z.object({ id: z.string().max(100) });
const tags = ["content referrals"];

export function registerReferralsRoutes(app: ZodApp, referrals: ReferralsService): void {
  app.post(
    "/api/v1/content/referrals",
    {
      schema: {
        operationId: "createReferral",
        tags,
        summary: "Refer a URL or a bank entry to a platform (voluntary, or a removal order due in one hour)",
        body: createReferralSchema,
        response: { 201: referralSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await referrals.create(actorOf(req), req.body)),
  );
  app.get(
    "/api/v1/content/referrals",
    {
      schema: {
        operationId: "listReferrals",
        tags,
        summary: "Referrals: a platform sees its own, a referral unit its country's, the Secretariat all",
        querystring: listReferralsQuery,
        response: {
          200: z.object({
            items: z.array(referralSchema),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (req) => referrals.list(actorOf(req), req.query),
  );
  app.get(
    "/api/v1/content/referrals/stats",
    {
      schema: {
        operationId: "getReferralStats",
        tags,
        summary: "Outcomes per platform and per day or week: counts, overdue, median time to action",
        querystring: statsQuery,
        response: { 200: statsSchema },
      },
    },
    async (req) => referrals.stats(actorOf(req), req.query),
  );
  app.get(
    "/api/v1/content/referrals/:id",
    {
      schema: {
        operationId: "getReferral",
        tags,
        summary: "Open a referral",
        params: idParams,
        response: { 200: referralSchema },
      },
    },
    async (req) => referrals.get(actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/content/referrals/:id/acknowledge",
    {
      schema: {
        operationId: "acknowledgeReferral",
        tags,
        summary: "Platform: acknowledge a referral",
        params: idParams,
        response: { 200: referralSchema },
      },
    },
    async (req) => referrals.acknowledge(actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/content/referrals/:id/outcome",
    {
      schema: {
        operationId: "recordReferralOutcome",
        tags,
        summary: "Platform: report removed, geo_blocked (with countries) or refused (with reason)",
        params: idParams,
        body: outcomeSchema,
        response: { 200: referralSchema },
      },
    },
    async (req) => referrals.reportOutcome(actorOf(req), req.params.id, req.body),
  );
}
