import type { Kysely } from "kysely";
import type { Database } from "../../storage/schema.ts";

/**
 * Which country codes stand for the General Secretariat. Read once per process and cached: the
 * set changes only with a migration or the seed, never at run time.
 */
export function createSecretariatCache(db: Kysely<Database>) {
  let codes: Promise<Set<string>> | undefined;
  const load = () =>
    db
      .selectFrom("countries")
      .select("code")
      .where("kind", "=", "secretariat")
      .execute()
      .then((rows) => new Set(rows.map((r) => r.code)));
  return {
    has: async (code: string) => {
      codes ??= load();
      return (await codes).has(code);
    },
    reset: () => {
      codes = undefined;
    },
  };
}
