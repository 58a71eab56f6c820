import type { Selectable } from "kysely";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { randomToken, sha256Hex } from "../../shared/ids.ts";
import { isRole, type Role, totpRequiredRoles } from "../../shared/roles.ts";
import type { UsersTable } from "../../storage/schema.ts";
import { appendAudit } from "../audit/audit.append.ts";
import * as repo from "./auth.repo.ts";
import {
  decoyPasswordHash,
  hashPassword,
  newTotpSecret,
  totpStep,
  totpUrl,
  verifyPassword,
} from "./credentials.ts";
import { seal, unseal } from "./secret-box.ts";
import { createSecretariatCache } from "./secretariat.ts";

export const MAX_FAILED_LOGINS = 5;
/** One answer for every failed login: unknown name, wrong password, disabled or locked account. */
export const FAILED_LOGIN =
  "Wrong username, password or one-time code. After 5 failed attempts, sign-in to the account pauses for 15 minutes.";
export const LOCKOUT_MS = 15 * 60_000;
// Writing last_seen on every request would turn every read into a write; once a minute is enough
// for idle expiry at minute granularity.
const TOUCH_INTERVAL_MS = 60_000;

export type LoginInput = { username: string; password: string; totp?: string | undefined };
export type LoginResult = { actor: Actor; sessionToken: string; csrfToken: string };
export type SessionContext = { actor: Actor; csrfToken: string; sessionToken: string };

type UserRow = Selectable<UsersTable>;

export function createAuthService(deps: Deps) {
  const { db, clock, config, secretKey } = deps;
  const secretariat = createSecretariatCache(db);

  const actorFor = async (u: {
    id: string;
    username: string;
    role: string;
    country: string;
  }): Promise<Actor> => ({
    kind: "user",
    id: u.id,
    username: u.username,
    role: u.role as Role,
    country: u.country,
    isSecretariat: await secretariat.has(u.country),
    scopes: [],
  });

  /** Records a failed attempt (and the lockout it may trigger) with its audit row, then throws. */
  async function failLogin(
    user: UserRow | undefined,
    claimed: string,
    reason: string,
    { count = true } = {},
  ): Promise<never> {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      if (user && count) {
        const lock =
          user.failed_logins + 1 >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MS) : null;
        await repo.recordFailedLogin(trx, user.id, lock);
      }
      const who = user
        ? {
            kind: "user" as const,
            id: user.id,
            username: user.username,
            country: user.country,
            role: user.role as Role,
          }
        : null;
      await appendAudit(trx, clock, who, {
        action: "auth.login_failed",
        detail: { username: claimed, reason },
      });
    });
    throw new AppError("unauthenticated", FAILED_LOGIN);
  }

  /**
   * A code is accepted once: its time step must come after the last one accepted for the account.
   * The claim is one conditional update, so two logins racing with the same code cannot both win.
   * A replayed code gets the same answer as a wrong one (the audit row tells them apart).
   */
  async function checkSecondFactor(user: UserRow, totp: string | undefined): Promise<void> {
    if (user.totp_enabled && user.totp_secret) {
      if (!totp) throw new AppError("totp_required", "Enter the 6-digit code from your authenticator app.");
      const step = totpStep(unseal(secretKey, user.totp_secret), totp, clock.now());
      if (step === null) await failLogin(user, user.username, "wrong_totp");
      else if (!(await repo.claimTotpStep(db, user.id, step))) {
        await failLogin(user, user.username, "replayed_totp");
      }
      return;
    }
    if (!config.demo && totpRequiredRoles.includes(user.role as Role)) {
      throw new AppError(
        "forbidden",
        "Your role requires a second factor that is not enrolled. Ask an administrator to reset your TOTP.",
      );
    }
  }

  async function login(input: LoginInput): Promise<LoginResult> {
    const user = await repo.findUserByUsername(db, input.username);
    if (!user || user.disabled || !isRole(user.role)) {
      await verifyPassword(await decoyPasswordHash(), input.password);
      return failLogin(undefined, input.username, user ? "disabled" : "unknown_user");
    }
    if (user.locked_until && user.locked_until > clock.now()) {
      // Answered exactly like a wrong password (same work, same message): a distinct "locked"
      // answer would tell anyone that the name exists. The audit row says why.
      await verifyPassword(await decoyPasswordHash(), input.password);
      return failLogin(user, input.username, "locked", { count: false });
    }
    if (!(await verifyPassword(user.password_hash, input.password))) {
      return failLogin(user, input.username, "wrong_password");
    }
    await checkSecondFactor(user, input.totp);
    const sessionToken = randomToken();
    const csrfToken = randomToken();
    const now = clock.now();
    const actor = await actorFor(user);
    await db.transaction().execute(async (trx) => {
      await repo.clearFailedLogins(trx, user.id);
      await repo.insertSession(trx, {
        idHash: sha256Hex(sessionToken),
        userId: user.id,
        csrfToken,
        now,
        expiresAt: new Date(now.getTime() + config.sessionMaxMs),
      });
      await appendAudit(trx, clock, actor, {
        action: "auth.login",
        detail: { secondFactor: user.totp_enabled },
      });
    });
    return { actor, sessionToken, csrfToken };
  }

  async function resolveSession(sessionToken: string): Promise<SessionContext | null> {
    const idHash = sha256Hex(sessionToken);
    const s = await repo.findSession(db, idHash);
    if (!s || s.disabled || !isRole(s.role)) return null;
    const now = clock.now();
    const idleExpired = now.getTime() - new Date(s.last_seen_at).getTime() > config.sessionIdleMs;
    if (idleExpired || new Date(s.expires_at) <= now) {
      await repo.deleteSession(db, idHash);
      return null;
    }
    if (now.getTime() - new Date(s.last_seen_at).getTime() > TOUCH_INTERVAL_MS)
      await repo.touchSession(db, idHash, now);
    const actor = await actorFor({ id: s.user_id, username: s.username, role: s.role, country: s.country });
    return { actor, csrfToken: s.csrf_token, sessionToken };
  }

  async function logout(ctx: SessionContext): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await repo.deleteSession(trx, sha256Hex(ctx.sessionToken));
      await appendAudit(trx, clock, ctx.actor, { action: "auth.logout" });
    });
  }

  async function resolveClientToken(token: string): Promise<Actor | null> {
    const c = await repo.findClientByTokenHash(db, sha256Hex(token));
    if (!c || c.revoked_at || !isRole(c.role)) return null;
    const now = clock.now();
    if (!c.last_used_at || now.getTime() - c.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
      await repo.touchClient(db, c.id, now);
    }
    return {
      kind: "client",
      id: c.id,
      username: c.name,
      role: c.role,
      country: c.country,
      isSecretariat: await secretariat.has(c.country),
      scopes: c.scopes,
    };
  }

  /** Starts TOTP enrolment: stores a sealed, not yet enabled secret and returns it once. */
  async function totpSetup(actor: Actor): Promise<{ secret: string; otpauthUrl: string }> {
    const user = await requireUser(actor);
    if (user.totp_enabled) throw new AppError("conflict", "A second factor is already enrolled.");
    const secret = newTotpSecret();
    await db.transaction().execute(async (trx) => {
      await repo.setPendingTotpSecret(trx, user.id, seal(secretKey, secret));
      await appendAudit(trx, clock, actor, { action: "auth.totp_setup" });
    });
    return { secret, otpauthUrl: totpUrl(secret, user.username) };
  }

  async function totpEnable(actor: Actor, code: string): Promise<void> {
    const user = await requireUser(actor);
    if (user.totp_enabled) throw new AppError("conflict", "A second factor is already enrolled.");
    if (!user.totp_secret) throw new AppError("conflict", "Start TOTP set-up first.");
    const step = totpStep(unseal(secretKey, user.totp_secret), code, clock.now());
    if (step === null) {
      throw new AppError("unprocessable", "That code is not valid for the secret being enrolled.");
    }
    await db.transaction().execute(async (trx) => {
      // The code that proved the enrolment is spent: it cannot then be used to log in.
      await repo.enableTotp(trx, user.id, step);
      await appendAudit(trx, clock, actor, { action: "auth.totp_enabled" });
    });
  }

  /**
   * Changes one's own password after proving the current one, and ends every other session of the
   * account (a stolen session should not outlive the change).
   */
  async function changePassword(ctx: SessionContext, current: string, next: string): Promise<void> {
    const user = await requireUser(ctx.actor);
    if (!(await verifyPassword(user.password_hash, current))) {
      throw new AppError("unprocessable", "The current password is not right.");
    }
    if (current === next) throw new AppError("unprocessable", "Choose a password you have not been using.");
    const hash = await hashPassword(next);
    await db.transaction().execute(async (trx) => {
      await repo.setPasswordHash(trx, user.id, hash, clock.now());
      await repo.deleteOtherSessions(trx, user.id, sha256Hex(ctx.sessionToken));
      await appendAudit(trx, clock, ctx.actor, { action: "auth.password_changed" });
    });
  }

  async function requireUser(actor: Actor) {
    const user = actor.kind === "user" ? await repo.findUserById(db, actor.id) : undefined;
    if (!user) throw new AppError("forbidden", "Only a logged-in person can manage a second factor.");
    return user;
  }

  return {
    login,
    logout,
    resolveSession,
    resolveClientToken,
    totpSetup,
    totpEnable,
    changePassword,
    secretariat,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
