import type { Insertable, Kysely } from "kysely";
import type { Database, UsersTable } from "../../storage/schema.ts";

/** Accounts in name order; `country` null means every country (the platform admin's view). */
export const listUsers = (db: Kysely<Database>, country: string | null) => {
  let q = db.selectFrom("users").selectAll().orderBy("country").orderBy("username");
  if (country !== null) q = q.where("country", "=", country);
  return q.execute();
};

/** Which of `codes` are in the reference list of countries and entities. */
export async function knownCountries(db: Kysely<Database>, codes: string[]): Promise<Set<string>> {
  const rows = await db.selectFrom("countries").select("code").where("code", "in", codes).execute();
  return new Set(rows.map((r) => r.code));
}

/**
 * Inserts an account unless the username is taken (usernames are case-insensitive). Returns
 * undefined when taken, also when another request took it a moment earlier: no unique-violation
 * error to map.
 */
export const insertUserUnlessTaken = (db: Kysely<Database>, values: Insertable<UsersTable>) =>
  db
    .insertInto("users")
    .values(values)
    .onConflict((oc) => oc.column("username").doNothing())
    .returningAll()
    .executeTakeFirst();

export const findUserById = (db: Kysely<Database>, id: string) =>
  db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();

export const findUserByUsername = (db: Kysely<Database>, username: string) =>
  db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();

export const disableUser = (db: Kysely<Database>, id: string, now: Date) =>
  db.updateTable("users").set({ disabled: true, updated_at: now }).where("id", "=", id).execute();

/** A new, enrolled secret; codes of the old one (and their spent steps) no longer matter. */
export const replaceTotpSecret = (db: Kysely<Database>, id: string, sealed: string, now: Date) =>
  db
    .updateTable("users")
    .set({ totp_secret: sealed, totp_enabled: true, totp_last_step: null, updated_at: now })
    .where("id", "=", id)
    .execute();

/** Disabling an account or replacing its second factor must end the sessions it already has. */
export const deleteSessionsOf = (db: Kysely<Database>, userId: string) =>
  db.deleteFrom("sessions").where("user_id", "=", userId).execute();
