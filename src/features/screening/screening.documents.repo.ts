import type { Kysely } from "kysely";
import { sql } from "kysely";
import { OCR_FROM, OCR_TO } from "../../search/document-index/keys.ts";
import { visibleTo } from "../../shared/envelope/envelope.sql.ts";
import { servedToScreening } from "../../shared/review.sql.ts";
import type { Database } from "../../storage/schema.ts";

type Viewer = { country: string; isSecretariat: boolean };

/**
 * The travel documents whose number folds to `folded`, that `viewer` may see and that are still
 * served: one read on the OCR expression index, made only when the in-memory table says a document
 * with such a number may exist.
 */
export const documentsByFoldedNumber = (
  db: Kysely<Database>,
  viewer: Viewer,
  folded: string,
  today: string,
) =>
  db
    .selectFrom("travel_documents as d")
    .select(["d.id", "d.number", "d.number_norm", "d.issuing_country", "d.doc_type", "d.status", "d.owner"])
    .where(sql<string>`translate(d.number_norm, ${sql.lit(OCR_FROM)}, ${sql.lit(OCR_TO)})`, "=", folded)
    .where(visibleTo(viewer, "d"))
    .where(servedToScreening("d", today))
    .limit(50)
    .execute();

export type DocumentRow = Awaited<ReturnType<typeof documentsByFoldedNumber>>[number];
