import type { Selectable } from "kysely";
import type { Deps } from "../../deps.ts";
import {
  canListAccounts,
  canManageAccount,
  usernameNamespace,
  usernameRefusal,
} from "../../shared/accounts.policy.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { type Role, totpRequiredRoles } from "../../shared/roles.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { inTransaction } from "../../storage/ambient.ts";
import type { UsersTable } from "../../storage/schema.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { hashPassword, newTotpSecret, totpUrl } from "../auth/credentials.ts";
import { seal } from "../auth/secret-box.ts";
import * as repo from "./users.repo.ts";
import { type CreateUserInput, createUserSchema, type UserView } from "./users.schema.ts";

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
  /** The accounts within the actor's reach. Who looked at which bureau's accounts is audited. */
  async function list(actor: Actor): Promise<UserView[]> {
    if (!canListAccounts(actor)) throw new AppError("forbidden", "Your role may not manage accounts.");
    const scope = actor.role === "admin" ? null : actor.country;
    return inTransaction(db, async (trx) => {
      const rows = await repo.listUsers(trx, scope);
      await appendAudit(trx, clock, actor, {
        action: "user.list",
        detail: { country: scope ?? "all", count: rows.length },
      });
      return rows.map(toView);
    });
  }

  /**
   * Creates an account. Roles that need a second factor outside demo mode are enrolled at once:
   * the secret is returned here, once, for the administrator to hand over out of band.
   */
  async function create(actor: Actor, input: CreateUserInput): Promise<CreatedUser> {
    const v = parseOrThrow(createUserSchema, input, "user");
    if (!canManageAccount(actor, v)) throw new AppError("forbidden", "You may not create this account.");
    const ns = usernameNamespace(v.username);
    const known = await repo.knownCountries(db, ns ? [v.country, ns] : [v.country]);
    if (!known.has(v.country)) throw new AppError("validation_failed", `Unknown country ${v.country}.`);
    // Checked before the name is looked up: the answer is the same whether the name exists or not.
    const refusal = usernameRefusal(actor, v.username, v.country, (code) => known.has(code));
    if (refusal)
      throw new AppError("validation_failed", refusal, { errors: [{ path: "username", message: refusal }] });
    const enrol = !config.demo && totpRequiredRoles.includes(v.role as Role);
    const secret = enrol ? newTotpSecret() : null;
    const passwordHash = await hashPassword(v.password);
    const row = await inTransaction(db, async (trx) => {
      const u = await repo.insertUserUnlessTaken(trx, {
        username: v.username,
        display_name: v.displayName,
        role: v.role,
        country: v.country,
        password_hash: passwordHash,
        totp_secret: secret ? seal(secretKey, secret) : null,
        totp_enabled: secret !== null,
      });
      // Never says where the name is taken: for a bureau admin it can only be its own bureau.
      if (!u) throw new AppError("conflict", `The username ${v.username} is taken.`);
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
    const u = await (isUuid(idOrName)
      ? repo.findUserById(db, idOrName)
      : repo.findUserByUsername(db, idOrName));
    // A bureau admin learns nothing about accounts outside its reach, not even that they exist.
    if (!u || !canManageAccount(actor, u))
      throw new AppError("not_found", "No such account within your reach.");
    return u;
  }

  async function disable(actor: Actor, idOrName: string): Promise<void> {
    const u = await target(actor, idOrName);
    if (u.id === actor.id) throw new AppError("conflict", "You cannot disable your own account.");
    await inTransaction(db, async (trx) => {
      await repo.disableUser(trx, u.id, clock.now());
      await repo.deleteSessionsOf(trx, u.id);
      await appendAudit(trx, clock, actor, { action: "user.disable", recordType: "user", recordId: u.id });
    });
  }

  /** Replaces the second factor with a new, enrolled secret and ends the user's sessions. */
  async function resetTotp(actor: Actor, idOrName: string): Promise<{ secret: string; otpauthUrl: string }> {
    const u = await target(actor, idOrName);
    const secret = newTotpSecret();
    await inTransaction(db, async (trx) => {
      await repo.replaceTotpSecret(trx, u.id, seal(secretKey, secret), clock.now());
      await repo.deleteSessionsOf(trx, u.id);
      await appendAudit(trx, clock, actor, { action: "user.reset_totp", recordType: "user", recordId: u.id });
    });
    return { secret, otpauthUrl: totpUrl(secret, u.username) };
  }

  async function me(actor: Actor) {
    const u = await repo.findUserById(db, actor.id);
    if (!u) throw new AppError("unauthenticated", "This session has no account.");
    return toView(u);
  }

  return { list, create, disable, resetTotp, me };
}

export type UsersService = ReturnType<typeof createUsersService>;
