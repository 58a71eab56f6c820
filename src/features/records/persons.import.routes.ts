import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import type { Reject } from "../../shared/bulk/bulk-import.ts";
import { importReportSchema } from "../documents/documents.schema.ts";
import { importRecordsQuery } from "./persons.import.schema.ts";
import type { RecordsService } from "./records.service.ts";

const NDJSON = "application/x-ndjson";

/** POST /api/v1/records/import: the persons import of the CLI, the file as the request body. */
export function registerPersonsImportRoute(app: ZodApp, records: RecordsService): void {
  // The body is the file as text (CSV, JSON Lines or FtM entities), bounded by the body limit.
  app.register(async (scope: ZodApp) => {
    scope.removeContentTypeParser(["application/json", "text/plain"]);
    scope.addContentTypeParser(["text/csv", NDJSON], { parseAs: "string" }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      "/api/v1/records/import",
      {
        schema: {
          operationId: "importRecords",
          tags: ["records"],
          summary:
            "Import your country's persons: CSV (reference,name,aliases,date_of_birth,nationality,sex), JSON Lines or FtM entities",
          description:
            "Rows are validated one by one (FtM entities against the FollowTheMoney model): bad rows come back as rejects with their line and reason, the rest is stored in batches, owned by your country. The reference (an FtM entity's id) is the key: re-importing the same file changes nothing, a changed row updates the record's values, never its envelope.",
          consumes: ["text/csv", NDJSON],
          querystring: importRecordsQuery,
          body: z.string(),
          response: { 200: importReportSchema },
        },
      },
      async (req) => {
        const format =
          req.query.format ?? (String(req.headers["content-type"]).startsWith("text/csv") ? "csv" : "jsonl");
        const rejects: Reject[] = [];
        const report = await records.importStream(actorOf(req), [req.body], {
          format,
          fileName: req.query.filename ?? "upload",
          onReject: (r) => {
            rejects.push(r);
          },
        });
        return { ...report, rejects };
      },
    );
  });
}
