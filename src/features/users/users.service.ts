import type { Selectable } from "kysely";
import type { Deps } from "../../deps.ts";
import { canListAccounts, canManageAccount } from "../../shared/accounts.policy.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { type Role, totpRequiredRoles } from "../../shared/roles.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import type { UsersTable } from "../../storage/schema.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { hashPassword, newTotpSecret, totpUrl } from "../auth/credentials.ts";
import { seal } from "../auth/secret-box.ts";
import { type CreateUserInput, createUserSchema, type UserView } from "./users.schema.ts";

// Disabling an account or replacing its second factor must end the sessions it already has.
const endSessions = (db: Deps["db"], userId: string) =>
  db.deleteFrom("sessions").where("user_id", "=", userId).execute();

const toView = (u: Selectable<UsersTable>): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  country: u.country,
  disabled: u.disabled,
  totpEnabled: u.totp_enabled,
  lockedUntil: u.locked_until ? u.locked_until.toISOString() : null,
  createdAt: new Date(u.created_at).toISOString(),
});

export type CreatedUser = { user: UserView; totp: { secret: string; otpauthUrl: string } | null };

export function createUsersService({ db, clock, config, secretKey }: Deps) {
  async function list(actor: Actor): Promise<UserView[]> {
    if (!canListAccounts(actor)) throw new AppError("forbidden", "Your role may not manage accounts.");
    let q = db.selectFrom("users").selectAll().orderBy("country").orderBy("username");
    if (actor.role !== "admin") q = q.where("country", "=", actor.country);
    return (await q.execute()).map(toView);
  }

  /**
   * Creates an account. Roles that need a second factor outside demo mode are enrolled at once:
   * the secret is returned here, once, for the administrator to hand over out of band.
   */
  async function create(actor: Actor, input: CreateUserInput): Promise<CreatedUser> {
    const v = parseOrThrow(createUserSchema, input, "user");
    if (!canManageAccount(actor, v)) throw new AppError("forbidden", "You may not create this account.");
    const country = await db
      .selectFrom("countries")
      .select("code")
      .where("code", "=", v.country)
      .executeTakeFirst();
    if (!country) throw new AppError("validation_failed", `Unknown country ${v.country}.`);
    const exists = await db
      .selectFrom("users")
      .select("id")
      .where("username", "=", v.username)
      .executeTakeFirst();
    if (exists) throw new AppError("conflict", `The username ${v.username} is taken.`);
    const enrol = !config.demo && totpRequiredRoles.includes(v.role as Role);
    const secret = enrol ? newTotpSecret() : null;
    const passwordHash = await hashPassword(v.password);
    const row = await db.transaction().execute(async (trx) => {
      const u = await trx
        .insertInto("users")
        .values({
          username: v.username,
          display_name: v.displayName,
          role: v.role,
          country: v.country,
          password_hash: passwordHash,
          totp_secret: secret ? seal(secretKey, secret) : null,
          totp_enabled: secret !== null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, clock, actor, {
        action: "user.create",
        recordType: "user",
        recordId: u.id,
        detail: { role: v.role, country: v.country },
      });
      return u;
    });
    return { user: toView(row), totp: secret ? { secret, otpauthUrl: totpUrl(secret, v.username) } : null };
  }

  async function target(actor: Actor, idOrName: string) {
    const q = db.selectFrom("users").selectAll();
    const u = await (isUuid(idOrName)
      ? q.where("id", "=", idOrName)
      : q.where("username", "=", idOrName)
    ).executeTakeFirst();
    // A bureau admin learns nothing about accounts outside its reach, not even that they exist.
    if (!u || !canManageAccount(actor, u))
      throw new AppError("not_found", "No such account within your reach.");
    return u;
  }

  async function disable(actor: Actor, idOrName: string): Promise<void> {
    const u = await target(actor, idOrName);
    if (u.id === actor.id) throw new AppError("conflict", "You cannot disable your own account.");
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable("users")
        .set({ disabled: true, updated_at: clock.now() })
        .where("id", "=", u.id)
        .execute();
      await endSessions(trx, u.id);
      await appendAudit(trx, clock, actor, { action: "user.disable", recordType: "user", recordId: u.id });
    });
  }

  /** Replaces the second factor with a new, enrolled secret and ends the user's sessions. */
  async function resetTotp(actor: Actor, idOrName: string): Promise<{ secret: string; otpauthUrl: string }> {
    const u = await target(actor, idOrName);
    const secret = newTotpSecret();
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable("users")
        .set({ totp_secret: seal(secretKey, secret), totp_enabled: true, updated_at: clock.now() })
        .where("id", "=", u.id)
        .execute();
      await endSessions(trx, u.id);
      await appendAudit(trx, clock, actor, { action: "user.reset_totp", recordType: "user", recordId: u.id });
    });
    return { secret, otpauthUrl: totpUrl(secret, u.username) };
  }

  async function me(actor: Actor) {
    const u = await db.selectFrom("users").selectAll().where("id", "=", actor.id).executeTakeFirst();
    if (!u) throw new AppError("unauthenticated", "This session has no account.");
    return toView(u);
  }

  return { list, create, disable, resetTotp, me };
}

export type UsersService = ReturnType<typeof createUsersService>;
