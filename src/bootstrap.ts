import type { Config } from "./config.ts";
import type { Deps } from "./deps.ts";
import { loadSecretKey } from "./secret-key.ts";
import { systemClock } from "./shared/clock.ts";
import { createStorage, type Storage } from "./storage/db.ts";
import { migrate } from "./storage/migrate.ts";
import { seedReferenceData } from "./storage/seed/reference.ts";

/** Opens the configured storage, migrates it and loads reference data: what every entry point needs. */
export async function openStorage(config: Config): Promise<Storage> {
  return config.databaseUrl
    ? createStorage({ kind: "postgres", url: config.databaseUrl })
    : createStorage({ kind: "pglite", dataDir: config.dataDir });
}

export async function bootstrap(config: Config, options: { migrate?: boolean } = {}): Promise<Deps> {
  const storage = await openStorage(config);
  if (options.migrate !== false) {
    await migrate(storage);
    await seedReferenceData(storage);
  }
  return { config, storage, db: storage.db, clock: systemClock, secretKey: loadSecretKey(config) };
}
