import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { auditEntrySchema, auditQuerySchema, verifyResultSchema } from "./audit.schema.ts";
import type { AuditService } from "./audit.service.ts";

const endOfDay = (v: string) => (v.length === 10 ? new Date(`${v}T23:59:59.999Z`) : new Date(v));

export function registerAuditRoutes(app: ZodApp, audit: AuditService): void {
  app.get(
    "/api/v1/audit",
    {
      schema: {
        operationId: "listAuditEntries",
        tags: ["audit"],
        summary: "Search the audit trail (auditors)",
        querystring: auditQuerySchema,
        response: {
          200: z.object({
            items: z.array(auditEntrySchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      const { page, pageSize, from, to, ...rest } = req.query;
      const filter = { ...rest, from: from ? new Date(from) : undefined, to: to ? endOfDay(to) : undefined };
      const { items, total } = await audit.search(actorOf(req), filter, page, pageSize);
      return {
        items: items.map((r) => ({
          seq: Number(r.seq),
          at: new Date(r.at).toISOString(),
          actorUsername: r.actor_username,
          actorCountry: r.actor_country,
          actorRole: r.actor_role,
          action: r.action,
          recordType: r.record_type,
          recordId: r.record_id,
          detail: r.detail,
          hash: r.hash,
        })),
        total,
        page,
        pageSize,
      };
    },
  );

  app.post(
    "/api/v1/audit/verify",
    {
      schema: {
        operationId: "verifyAuditTrail",
        tags: ["audit"],
        summary: "Verify the audit trail: the hash chain and the signed checkpoints outside the database",
        response: { 200: verifyResultSchema },
      },
    },
    async (req) => audit.verify(actorOf(req)),
  );
}
