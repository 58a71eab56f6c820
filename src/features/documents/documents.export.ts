import { envelopeOf } from "../../shared/envelope/envelope.sql.ts";
import { csvLine, ftmEntity } from "../../shared/objects.ts";
import { issuerOf } from "./documents.issuers.ts";
import type { DocumentRow } from "./documents.repo.ts";

/*
 * The export formats of the travel documents: CSV with the import's own column names (an export
 * imports again as it is) and JSON Lines with the envelope. Numbers start with a letter or digit and
 * hold no comma or quote (documents.schema.ts), so no cell can read as a spreadsheet formula.
 */

const columns = [
  "number",
  "country",
  "type",
  "status",
  "blank",
  "event_date",
  "reported_date",
  "owner",
  "distribution",
  "distribution_countries",
  "review_at",
] as const;

/** One CSV line of a document, or the header line for null. */
export function toCsvLine(row: DocumentRow | null): string {
  if (!row) return csvLine(columns);
  const values = [
    row.number,
    row.issuing_country,
    row.doc_type,
    row.status,
    String(row.blank),
    row.event_date ?? "",
    row.reported_date ?? "",
    row.owner,
    row.distribution,
    row.distribution_countries.join("|"),
    row.review_at,
  ];
  return csvLine(values);
}

/** One JSON Lines record of a document. */
export function toExportRecord(row: DocumentRow) {
  return {
    id: String(row.id),
    number: row.number,
    country: row.issuing_country,
    type: row.doc_type,
    status: row.status,
    blank: row.blank,
    event_date: row.event_date,
    reported_date: row.reported_date,
    envelope: {
      owner: row.owner,
      distribution: row.distribution,
      distributionCountries: row.distribution_countries,
      handlingCode: row.handling_code,
      reviewAt: row.review_at,
    },
  };
}

/**
 * A document as an FtM entity: `Passport` for a passport, `Identification` for the other types.
 * FtM has no status for a document: the status, a blank's mention and the reported date are its
 * `summary`; the date of the theft or loss is its `date`.
 */
export function toFtmDocument(row: DocumentRow) {
  const summary = [
    row.status,
    row.blank ? "blank document" : "",
    row.reported_date ? `reported ${row.reported_date}` : "",
  ]
    .filter(Boolean)
    .join("; ");
  return ftmEntity(
    `document-${row.id}`,
    row.doc_type === "passport" ? "Passport" : "Identification",
    {
      number: [row.number],
      country: [issuerOf(row.issuing_country)?.owner],
      type: [row.doc_type],
      summary: [summary],
      date: [row.event_date],
    },
    envelopeOf(row),
  );
}
