import type { Kysely } from "kysely";
import type { Config } from "./config.ts";
import type { Clock } from "./shared/clock.ts";
import type { Storage } from "./storage/db.ts";
import type { Database } from "./storage/schema.ts";

/** What every service factory receives. Built once in main.ts (or by the test harness). */
export type Deps = {
  config: Config;
  storage: Storage;
  db: Kysely<Database>;
  clock: Clock;
  /** 32-byte key that seals TOTP secrets at rest. */
  secretKey: Buffer;
};
