import { z } from "zod";
import { importReportSchema } from "../../features/documents/documents.schema.ts";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import type { Actor } from "../actor.ts";
import type { BulkReport, ByteSource, Reject } from "./bulk-import.ts";
import type { ImportOptions } from "./object-import.ts";

const NDJSON = "application/x-ndjson";
const importQuery = z.object({ format: z.enum(["csv", "jsonl"]).optional() }).strict();

export type ImportRoute = {
  url: string;
  operationId: string;
  tag: string;
  summary: string;
  importStream: (actor: Actor, source: ByteSource, o: ImportOptions) => Promise<BulkReport>;
};

/**
 * `POST .../import` of a police database, as the travel documents' route: the body is the file as
 * text (CSV or JSON Lines, by `?format=` or the content type), bounded by the body limit; the
 * answer is the report with every reject (line, reason, raw line).
 */
export function registerImportRoute(app: ZodApp, r: ImportRoute): void {
  app.register(async (scope: ZodApp) => {
    scope.removeContentTypeParser(["application/json", "text/plain"]);
    scope.addContentTypeParser(["text/csv", NDJSON], { parseAs: "string" }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      r.url,
      {
        schema: {
          operationId: r.operationId,
          tags: [r.tag],
          summary: r.summary,
          description:
            "Rows are validated one by one: bad rows come back as rejects with their line and reason, the rest is stored in batches, owned by your country. Re-importing the same file changes nothing.",
          consumes: ["text/csv", NDJSON],
          querystring: importQuery,
          body: z.string(),
          response: { 200: importReportSchema },
        },
      },
      async (req) => {
        const format =
          req.query.format ?? (String(req.headers["content-type"]).startsWith("text/csv") ? "csv" : "jsonl");
        const rejects: Reject[] = [];
        const report = await r.importStream(actorOf(req), [req.body], {
          format,
          onReject: (x) => {
            rejects.push(x);
          },
        });
        return { ...report, rejects };
      },
    );
  });
}
