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

/**
 * Records `step` as the last TOTP time step accepted, only if it comes after the one recorded.
 * Returns false when it does not (a replayed code). One statement: atomic under concurrent logins.
 */
export async function claimTotpStep(db: Kysely<Database>, id: string, step: number): Promise<boolean> {
  const r = await db
    .updateTable("users")
    .set({ totp_last_step: step })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Stores a sealed secret that is not enabled yet; a new secret starts with no spent code. */
export const setPendingTotpSecret = (db: Kysely<Database>, id: string, sealed: string) =>
  db.updateTable("users").set({ totp_secret: sealed, totp_last_step: null }).where("id", "=", id).execute();

export const enableTotp = (db: Kysely<Database>, id: string, spentStep: number) =>
  db
    .updateTable("users")
    .set({ totp_enabled: true, totp_last_step: spentStep })
    .where("id", "=", id)
    .execute();

export const setPasswordHash = (db: Kysely<Database>, id: string, hash: string, now: Date) =>
  db.updateTable("users").set({ password_hash: hash, updated_at: now }).where("id", "=", id).execute();

export const deleteOtherSessions = (db: Kysely<Database>, userId: string, keepIdHash: string) =>
  db.deleteFrom("sessions").where("user_id", "=", userId).where("id_hash", "<>", keepIdHash).execute();

export const secretariatCodes = async (db: Kysely<Database>): Promise<string[]> =>
  (await db.selectFrom("countries").select("code").where("kind", "=", "secretariat").execute()).map(
    (r) => r.code,
  );

export const isSecretariatCountry = async (db: Kysely<Database>, code: string) =>
  (await db.selectFrom("countries").select("kind").where("code", "=", code).executeTakeFirst())?.kind ===
  "secretariat";
