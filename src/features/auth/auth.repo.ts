import type { Kysely } from "kysely";
import type { Database } from "../../storage/schema.ts";

export const findUserByUsername = (db: Kysely<Database>, username: string) =>
  db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();

export const findUserById = (db: Kysely<Database>, id: string) =>
  db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();

export async function recordFailedLogin(db: Kysely<Database>, id: string, lockUntil: Date | null) {
  await db
    .updateTable("users")
    .set((eb) => ({ failed_logins: eb("failed_logins", "+", 1), locked_until: lockUntil }))
    .where("id", "=", id)
    .execute();
}

export async function clearFailedLogins(db: Kysely<Database>, id: string) {
  await db.updateTable("users").set({ failed_logins: 0, locked_until: null }).where("id", "=", id).execute();
}

export async function insertSession(
  db: Kysely<Database>,
  s: { idHash: string; userId: string; csrfToken: string; now: Date; expiresAt: Date },
) {
  await db
    .insertInto("sessions")
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
    })
    .execute();
}

export const findSession = (db: Kysely<Database>, idHash: string) =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id_hash",
      "sessions.csrf_token",
      "sessions.created_at",
      "sessions.last_seen_at",
      "sessions.expires_at",
      "users.id as user_id",
      "users.username",
      "users.role",
      "users.country",
      "users.disabled",
    ])
    .where("sessions.id_hash", "=", idHash)
    .executeTakeFirst();

export const touchSession = (db: Kysely<Database>, idHash: string, now: Date) =>
  db.updateTable("sessions").set({ last_seen_at: now }).where("id_hash", "=", idHash).execute();

export const deleteSession = (db: Kysely<Database>, idHash: string) =>
  db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();

export const deleteUserSessions = (db: Kysely<Database>, userId: string) =>
  db.deleteFrom("sessions").where("user_id", "=", userId).execute();

export const findClientByTokenHash = (db: Kysely<Database>, tokenHash: string) =>
  db.selectFrom("api_clients").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();

export const touchClient = (db: Kysely<Database>, id: string, now: Date) =>
  db.updateTable("api_clients").set({ last_used_at: now }).where("id", "=", id).execute();

export const isSecretariatCountry = async (db: Kysely<Database>, code: string) =>
  (await db.selectFrom("countries").select("kind").where("code", "=", code).executeTakeFirst())?.kind ===
  "secretariat";
