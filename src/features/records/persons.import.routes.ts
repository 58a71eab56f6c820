import type { ZodApp } from "../../http/zod-app.ts";
import { registerImportRoute } from "../../shared/bulk/import-route.ts";
import { importRecordsQuery } from "./persons.import.schema.ts";
import type { RecordsService } from "./records.service.ts";

/** POST /api/v1/records/import: the persons import of the CLI, the file as the request body. */
export function registerPersonsImportRoute(app: ZodApp, records: RecordsService): void {
  registerImportRoute(app, {
    url: "/api/v1/records/import",
    operationId: "importRecords",
    tag: "records",
    summary:
      "Import your country's persons: CSV (reference,name,aliases,date_of_birth,nationality,sex), JSON Lines or FtM entities",
    description:
      "Rows are validated one by one (FtM entities against the FollowTheMoney model): bad rows come back as rejects with their line and reason, the rest is stored in batches, owned by your country. The reference (an FtM entity's id) is the key: re-importing the same file changes nothing, a changed row updates the record's values, never its envelope.",
    query: importRecordsQuery,
    options: (query) => ({ fileName: (query as { filename?: string }).filename ?? "upload" }),
    importStream: records.importStream,
  });
}
