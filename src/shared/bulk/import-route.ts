import { z } from "zod";
import { importReportSchema } from "../../features/documents/documents.schema.ts";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import type { Actor } from "../actor.ts";
import type { BulkReport, ByteSource, Reject } from "./bulk-import.ts";

const NDJSON = "application/x-ndjson";
const importQuery = z.object({ format: z.enum(["csv", "jsonl"]).optional() }).strict();

/** What every import takes from its route: the format and where each reject goes. */
type RouteOptions = { format: string; onReject: (r: Reject) => void | Promise<void> };
type ImportQuery = { format?: string | undefined };

export type ImportRoute<O extends RouteOptions> = {
  url: string;
  operationId: string;
  tag: string;
  summary: string;
  /** Overrides the general description (the persons import explains its key). */
  description?: string;
  /** The query string, when the import takes more than `?format=csv|jsonl`. */
  query?: z.ZodType<ImportQuery>;
  /** The import's own options from the query (the persons import's file name). */
  options?: (query: ImportQuery) => Omit<O, keyof RouteOptions>;
  importStream: (actor: Actor, source: ByteSource, o: O) => Promise<BulkReport>;
};

const generalDescription =
  "Rows are validated one by one: bad rows come back as rejects with their line and reason, the rest is stored in batches, owned by your country. Re-importing the same file changes nothing.";

/**
 * `POST .../import` of a police database: the body is the file as text (CSV or JSON Lines, by
 * `?format=` or the content type), bounded by the body limit; the answer is the report with every
 * reject (line, reason, raw line). One route shape for every database that imports.
 */
export function registerImportRoute<O extends RouteOptions>(app: ZodApp, r: ImportRoute<O>): void {
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
          description: r.description ?? generalDescription,
          consumes: ["text/csv", NDJSON],
          querystring: r.query ?? importQuery,
          body: z.string(),
          response: { 200: importReportSchema },
        },
      },
      async (req) => {
        const query = req.query as ImportQuery;
        const format =
          query.format ?? (String(req.headers["content-type"]).startsWith("text/csv") ? "csv" : "jsonl");
        const rejects: Reject[] = [];
        const onReject = (x: Reject) => {
          rejects.push(x);
        };
        // The route supplies format and onReject; `options` supplies the rest of O.
        const o = { ...r.options?.(query), format, onReject } as O;
        const report = await r.importStream(actorOf(req), [req.body], o);
        return { ...report, rejects };
      },
    );
  });
}
