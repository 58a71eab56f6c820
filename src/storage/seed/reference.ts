import { sql } from "kysely";
import type { Storage } from "../db.ts";
import { MIGRATION_LOCK_KEY } from "../migrate.ts";
import { internationalEntities, memberCountries } from "./countries.ts";

/**
 * Reference data every installation needs (not demo data): the members and international
 * entities. Idempotent, so it runs at every start and picks up corrections to the list.
 *
 * Two servers starting at once both run it: the upsert runs under the migration lock (taken inside
 * its transaction), so one writes and the other then finds the rows and rewrites them unchanged.
 */
export async function seedReferenceData(storage: Storage): Promise<void> {
  const rows = [
    ...memberCountries.map((c) => ({
      code: c.alpha2,
      alpha3: c.alpha3,
      name: c.name,
      kind: "member" as const,
    })),
    ...internationalEntities.map((e) => ({
      code: e.code,
      alpha3: e.alpha3,
      name: e.name,
      kind: e.kind === "general_secretariat" ? ("secretariat" as const) : ("international" as const),
    })),
  ];
  await storage.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await trx
      .insertInto("countries")
      .values(rows)
      .onConflict((oc) =>
        oc
          .column("code")
          .doUpdateSet({ alpha3: sql`excluded.alpha3`, name: sql`excluded.name`, kind: sql`excluded.kind` }),
      )
      .execute();
  });
}
