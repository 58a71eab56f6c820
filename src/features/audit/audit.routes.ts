import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import type { AuditFilter } from "./audit.repo.ts";
import {
  auditActorSchema,
  auditActorsQuery,
  auditEntrySchema,
  auditExportQuery,
  auditQuerySchema,
  verifyResultSchema,
} from "./audit.schema.ts";
import type { AuditService } from "./audit.service.ts";

const endOfDay = (v: string) => (v.length === 10 ? new Date(`${v}T23:59:59.999Z`) : new Date(v));

/** The query's filters as the repository takes them: instants for the dates. */
function filterOf(q: z.output<typeof auditExportQuery>): AuditFilter {
  const { from, to, ...rest } = q;
  return { ...rest, from: from ? new Date(from) : undefined, to: to ? endOfDay(to) : undefined };
}

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
      const { page, pageSize, sort, ...filters } = req.query;
      const { items, total } = await audit.search(actorOf(req), filterOf(filters), page, pageSize, sort);
      return {
        items: items.map((r) => ({
          seq: Number(r.seq),
          at: new Date(r.at).toISOString(),
          actorKind: r.actor_user_id ? ("user" as const) : r.actor_client_id ? ("client" as const) : null,
          actorId: r.actor_user_id ?? r.actor_client_id,
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

  app.get(
    "/api/v1/audit/actors",
    {
      schema: {
        operationId: "listAuditActors",
        tags: ["audit"],
        summary: "People and API clients to filter the trail by, found by any part of a name (auditors)",
        querystring: auditActorsQuery,
        response: { 200: z.object({ items: z.array(auditActorSchema) }) },
      },
    },
    async (req) => ({ items: await audit.actors(actorOf(req), req.query.q) }),
  );

  app.get(
    "/api/v1/audit/export",
    {
      schema: {
        operationId: "exportAuditTrail",
        tags: ["audit"],
        summary: "The filtered trail as CSV, streamed; the export is itself audited (auditors)",
        querystring: auditExportQuery,
        produces: ["text/csv"],
        response: { 200: z.string().describe("text/csv: one row per audit entry, in chain order") },
      },
    },
    async (req, reply) => {
      const csv = await audit.exportCsv(actorOf(req), filterOf(req.query));
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="audit-trail-${stamp}.csv"`)
        .send(csv as never); // a stream bypasses the serializer
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
