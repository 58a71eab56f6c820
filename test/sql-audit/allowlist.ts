import type { Origin } from "./rules.ts";

/*
 * The statements allowed to read a guarded table without the per-viewer guard, each with the
 * reason. Keep it short: every entry is a path on which the code, not the database, decides what a
 * country sees. An entry names the repository function that issues the statement.
 */
export const allowlist: { file: string; fn: string; tables: string[]; reason: string }[] = [
  {
    file: "src/features/backup/backup.repo.ts",
    fn: "*",
    tables: [
      ...["records", "record_statements", "record_photos", "notices", "notice_events", "notice_photos"],
      ...["diffusions"],
      ...["hash_banks", "hash_entries", "content_media", "content_referrals"],
      ...["travel_documents", "firearms", "firearm_trace_requests", "vehicles", "cbrne_materials"],
      ...["resolution_candidates", "resolution_judgements", "screening_hits", "biometric_templates"],
      ...["biometric_searches", "biometric_candidates", "biometric_decisions"],
    ],
    reason: "The operator's logical backup and restore copy every table whole; each run is audited.",
  },
  {
    file: "src/storage/migrate.ts",
    fn: "runMigrationScript",
    tables: ["records", "notices"],
    reason: "Migration scripts (schema changes and their backfills) run once, before any request.",
  },
  {
    file: "src/features/notices/notices.repo.ts",
    fn: "dueForExpiry",
    tables: ["notices"],
    reason: "The daily expiry job (system actor) expires notices by date; it shows nothing to a viewer.",
  },
  {
    file: "src/features/notices/notices.repo.ts",
    fn: "dueForRenewal",
    tables: ["notices"],
    reason: "The daily job reminds owners in their own notices' history; it shows nothing to a viewer.",
  },
  {
    file: "src/features/notices/notices.repo.ts",
    fn: "reminderSent",
    tables: ["notice_events"],
    reason: "The daily job checks its own earlier reminder in a notice's history; nothing is shown.",
  },
  {
    file: "src/features/content/content.matcher.repo.ts",
    fn: "allBanks",
    tables: ["hash_banks"],
    reason:
      "The in-memory matcher is built from every bank; each match is filtered per viewer (bankVisibleTo).",
  },
  {
    file: "src/features/content/content.matcher.repo.ts",
    fn: "allEntries",
    tables: ["hash_entries"],
    reason:
      "The in-memory matcher is built from every entry; each match is filtered per viewer (bankVisibleTo).",
  },
  {
    file: "src/features/content/content.matcher.repo.ts",
    fn: "banksByIds",
    tables: ["hash_banks"],
    reason: "The matcher's change-feed refresh reads changed banks; each match is filtered per viewer.",
  },
  {
    file: "src/features/content/content.matcher.repo.ts",
    fn: "entriesByIds",
    tables: ["hash_entries"],
    reason: "The matcher's change-feed refresh reads changed entries; each match is filtered per viewer.",
  },
];

export const allowed = (origin: Origin | null, table: string): boolean =>
  origin !== null &&
  allowlist.some(
    (a) => a.file === origin.file && (a.fn === "*" || a.fn === origin.fn) && a.tables.includes(table),
  );
