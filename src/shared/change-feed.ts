import type { Kysely } from "kysely";
import type { Database } from "../storage/schema.ts";

/** The change feed's current head: an index built after reading it replays everything later. */
export async function feedHead(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom("change_feed")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .executeTakeFirst();
  return Number(r?.seq ?? 0);
}
