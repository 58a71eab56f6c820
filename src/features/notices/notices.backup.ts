import type { Kysely } from "kysely";
import type { Database } from "../../storage/schema.ts";

/**
 * Backup entries' insert functions for the notices tables. Their JSON columns come back from a
 * backup as objects and arrays; they go back in as JSON text so both drivers store them alike (an
 * array would otherwise be sent as a PostgreSQL array).
 */
const jsonColumns: Record<string, readonly string[]> = {
  notices: ["request", "translations", "findings", "addenda"],
  notice_events: ["detail"],
  diffusions: ["payload"],
  un_listings: ["entry"],
};

export const insertWithJson =
  (table: "notices" | "notice_events" | "diffusions" | "un_listings") =>
  async (db: Kysely<Database>, rows: Record<string, unknown>[]): Promise<void> => {
    const cols = jsonColumns[table] ?? [];
    const prepared = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k, cols.includes(k) && v !== null ? JSON.stringify(v) : v]),
      ),
    );
    await db
      .insertInto(table)
      .values(prepared as never)
      .execute();
  };

/** Restarts the published-number counter after the highest restored number. */
export const noticeNumberSequence =
  "SELECT setval('notice_number_seq', GREATEST((SELECT max(split_part(notice_number, '/', 2)::int8) FROM notices), 10000))";
