import type { Insertable, Kysely } from "kysely";
import type { ApiClientsTable, Database } from "../../storage/schema.ts";

/** API clients, newest first; `country` null means every country (the platform admin's view). */
export const listClients = (db: Kysely<Database>, country: string | null) => {
  let q = db.selectFrom("api_clients").selectAll().orderBy("created_at", "desc");
  if (country !== null) q = q.where("country", "=", country);
  return q.execute();
};

export const insertClient = (db: Kysely<Database>, values: Insertable<ApiClientsTable>) =>
  db.insertInto("api_clients").values(values).returningAll().executeTakeFirstOrThrow();

export const findClientById = (db: Kysely<Database>, id: string) =>
  db.selectFrom("api_clients").selectAll().where("id", "=", id).executeTakeFirst();

export const revokeClient = (db: Kysely<Database>, id: string, now: Date) =>
  db.updateTable("api_clients").set({ revoked_at: now }).where("id", "=", id).execute();
