import type { Kysely } from "kysely";
import type { Database } from "../../storage/schema.ts";
import { secretariatCodes } from "./auth.repo.ts";

/**
 * Which country codes stand for the General Secretariat. Read once per process and cached: the
 * set changes only with a migration or the seed, never at run time.
 */
export function createSecretariatCache(db: Kysely<Database>) {
  let codes: Promise<Set<string>> | undefined;
  const load = () => secretariatCodes(db).then((codes) => new Set(codes));
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
