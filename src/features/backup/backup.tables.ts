import type { Kysely } from "kysely";
import type { Database } from "../../storage/schema.ts";
import { insertWithJson, noticeNumberSequence } from "../notices/notices.backup.ts";
import { insertRows, serialReset as seq } from "./backup.repo.ts";

type Row = Record<string, unknown>;
export type BackupTable = {
  name: string;
  orderBy: string;
  /** Resets a serial column after rows with explicit ids went in. */
  sequence?: string;
  insert(db: Kysely<Database>, rows: Row[]): Promise<void>;
};

// JSON columns come back as objects; write them back as JSON text so both drivers store them alike.
const jsonColumns = new Set(["properties", "detail", "explanation", "capture", "traveller"]);
const prepare = (row: Row): Row =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, jsonColumns.has(k) && v !== null ? JSON.stringify(v) : v]),
  );

const plain =
  (name: string) =>
  async (db: Kysely<Database>, rows: Row[]): Promise<void> => {
    // Reference rows (countries) are already seeded by migrate; those stay.
    await insertRows(db, name, rows.map(prepare), name === "countries" ? "code" : undefined);
  };

/**
 * bytea comes back as a Buffer (pg) or a Uint8Array (PGlite) and the backup writes rows as JSON:
 * `{"type":"Buffer","data":[...]}` or `{"0":..,"1":..}`. Turn either (or base64 text) back into bytes.
 */
export const bytesFromJson = (v: unknown): Buffer => {
  if (typeof v === "string") return Buffer.from(v, "base64");
  if (v instanceof Uint8Array) return Buffer.from(v);
  const o = v as { type?: string; data?: number[] } & Record<string, number>;
  if (o?.type === "Buffer" && Array.isArray(o.data)) return Buffer.from(o.data);
  return Buffer.from(Object.values(o as Record<string, number>));
};
const withBytes =
  (name: string, column: string) =>
  (db: Kysely<Database>, rows: Row[]): Promise<void> =>
    plain(name)(
      db,
      rows.map((r) => ({ ...r, [column]: bytesFromJson(r[column]) })),
    );

/**
 * Every table a backup carries, parents before children. Sessions are left out on purpose: a
 * restored system starts with everyone logged out. New tables must be added here (a test checks).
 */
export const backupTables: BackupTable[] = [
  { name: "countries", orderBy: "code", insert: plain("countries") },
  { name: "users", orderBy: "id", insert: plain("users") },
  { name: "api_clients", orderBy: "id", insert: plain("api_clients") },
  { name: "records", orderBy: "id", insert: plain("records") },
  {
    name: "record_statements",
    orderBy: "id",
    sequence: seq("record_statements", "id"),
    insert: plain("record_statements"),
  },
  {
    name: "record_photos",
    orderBy: "id",
    sequence: seq("record_photos", "id"),
    insert: withBytes("record_photos", "bytes"),
  },
  { name: "biometric_templates", orderBy: "id", insert: withBytes("biometric_templates", "template") },
  {
    name: "resolution_candidates",
    orderBy: "id",
    sequence: seq("resolution_candidates", "id"),
    insert: plain("resolution_candidates"),
  },
  {
    name: "resolution_judgements",
    orderBy: "id",
    sequence: seq("resolution_judgements", "id"),
    insert: plain("resolution_judgements"),
  },
  { name: "resolution_runs", orderBy: "id", insert: plain("resolution_runs") },
  // Before the referrals that name a partner.
  { name: "platform_partners", orderBy: "id", insert: plain("platform_partners") },
  { name: "hash_banks", orderBy: "id", insert: plain("hash_banks") },
  { name: "hash_entries", orderBy: "id", sequence: seq("hash_entries", "id"), insert: plain("hash_entries") },
  { name: "content_referrals", orderBy: "id", insert: plain("content_referrals") },
  {
    name: "content_media",
    orderBy: "id",
    sequence: seq("content_media", "id"),
    insert: withBytes("content_media", "thumbnail"),
  },
  { name: "notices", orderBy: "id", sequence: noticeNumberSequence, insert: insertWithJson("notices") },
  {
    name: "notice_events",
    orderBy: "id",
    sequence: seq("notice_events", "id"),
    insert: insertWithJson("notice_events"),
  },
  {
    name: "notice_photos",
    orderBy: "id",
    sequence: seq("notice_photos", "id"),
    insert: withBytes("notice_photos", "bytes"),
  },
  { name: "diffusions", orderBy: "id", insert: insertWithJson("diffusions") },
  { name: "diffusion_reads", orderBy: "diffusion_id, country", insert: plain("diffusion_reads") },
  { name: "un_listings", orderBy: "reference_number", insert: insertWithJson("un_listings") },
  {
    name: "travel_documents",
    orderBy: "id",
    sequence: seq("travel_documents", "id"),
    insert: plain("travel_documents"),
  },
  { name: "firearms", orderBy: "id", insert: plain("firearms") },
  { name: "firearm_trace_requests", orderBy: "id", insert: plain("firearm_trace_requests") },
  { name: "vehicles", orderBy: "id", insert: plain("vehicles") },
  { name: "cbrne_materials", orderBy: "id", insert: plain("cbrne_materials") },
  {
    name: "screening_hits",
    orderBy: "seq",
    sequence: seq("screening_hits", "seq"),
    insert: plain("screening_hits"),
  },
  { name: "screening_webhooks", orderBy: "country", insert: plain("screening_webhooks") },
  {
    name: "biometric_searches",
    orderBy: "seq",
    sequence: seq("biometric_searches", "seq"),
    insert: (db, rows) =>
      plain("biometric_searches")(
        db,
        rows.map((r) => ({
          ...r,
          probe_template: bytesFromJson(r.probe_template),
          probe_image: r.probe_image === null ? null : bytesFromJson(r.probe_image),
        })),
      ),
  },
  { name: "biometric_candidates", orderBy: "id", insert: plain("biometric_candidates") },
  {
    name: "biometric_decisions",
    orderBy: "seq",
    sequence: seq("biometric_decisions", "seq"),
    insert: plain("biometric_decisions"),
  },
  {
    name: "screening_deliveries",
    orderBy: "id",
    sequence: seq("screening_deliveries", "id"),
    insert: plain("screening_deliveries"),
  },
  {
    name: "notifications",
    orderBy: "id",
    sequence: seq("notifications", "id"),
    insert: plain("notifications"),
  },
  { name: "audit_log", orderBy: "seq", sequence: seq("audit_log", "seq"), insert: plain("audit_log") },
  { name: "change_feed", orderBy: "seq", sequence: seq("change_feed", "seq"), insert: plain("change_feed") },
];

/** Tables deliberately not backed up. */
export const notBackedUp = new Set(["sessions", "schema_migrations"]);
