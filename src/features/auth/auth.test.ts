import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, TEST_PASSWORD, type TestContext } from "../../../test/harness.ts";
import { MAX_FAILED_LOGINS } from "./auth.service.ts";
import { currentTotp } from "./credentials.ts";

describe("accounts and sessions", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ demo: false });
    await t.user("fr.officer", "ncb_officer", "FR");
    await t.user("fr.locked", "ncb_officer", "FR");
    await t.user("gs.nototp", "gs_reviewer", "XG");
  });
  afterAll(() => t.close());

  const login = (payload: unknown) =>
    t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: payload as object });

  it("logs in with a password, sets an httpOnly SameSite cookie and returns the CSRF token", async () => {
    const res = await login({ username: "fr.officer", password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "fusion_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Strict");
    expect(res.json().user).toMatchObject({
      username: "fr.officer",
      role: "ncb_officer",
      country: { code: "FR", name: "France" },
    });
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it("rejects a wrong password with the same message as an unknown user", async () => {
    const wrong = await login({ username: "fr.officer", password: "not the password" });
    const unknown = await login({ username: "nobody.here", password: "not the password" });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.headers["content-type"]).toContain("application/problem+json");
  });

  it("locks an account after repeated failures, and the lock expires", async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS; i++)
      await login({ username: "fr.locked", password: "wrong wrong wrong" });
    // Locked, even with the right password, and answered exactly like an unknown name: the answer
    // never tells whether an account exists.
    const locked = await login({ username: "fr.locked", password: TEST_PASSWORD });
    const unknown = await login({ username: "fr.nobody.at.all", password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(401);
    expect(locked.body).toBe(unknown.body);
    t.clock.advance(16 * 60_000);
    expect((await login({ username: "fr.locked", password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it("outside demo mode enrols Secretariat roles at creation and refuses them without a second factor", async () => {
    const res = await login({ username: "gs.nototp", password: TEST_PASSWORD });
    expect(res.json().code).toBe("totp_required");
    await t.deps.db
      .updateTable("users")
      .set({ totp_enabled: false })
      .where("username", "=", "gs.nototp")
      .execute();
    expect((await login({ username: "gs.nototp", password: TEST_PASSWORD })).statusCode).toBe(403);
  });

  it("enrols TOTP, then requires the code, and refuses a wrong one", async () => {
    const s = await t.login("fr.officer");
    const setup = await t.app.inject({ method: "POST", url: "/api/v1/auth/totp/setup", headers: s.headers });
    expect(setup.statusCode).toBe(200);
    const { secret } = setup.json() as { secret: string };
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/totp/enable",
      headers: s.headers,
      payload: { code: "000000" },
    });
    expect(bad.statusCode).toBe(422);
    const ok = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/totp/enable",
      headers: s.headers,
      payload: { code: currentTotp(secret, t.clock.now()) },
    });
    expect(ok.statusCode).toBe(204);
    const noCode = await login({ username: "fr.officer", password: TEST_PASSWORD });
    expect(noCode.json().code).toBe("totp_required");
    const wrongCode = await login({ username: "fr.officer", password: TEST_PASSWORD, totp: "123456" });
    expect(wrongCode.statusCode).toBe(401);
    // The code that completed the enrolment is spent.
    const enrolmentCode = currentTotp(secret, t.clock.now());
    const reused = await login({ username: "fr.officer", password: TEST_PASSWORD, totp: enrolmentCode });
    expect(reused.statusCode).toBe(401);
    t.clock.advance(30_000);
    const withCode = await login({
      username: "fr.officer",
      password: TEST_PASSWORD,
      totp: currentTotp(secret, t.clock.now()),
    });
    expect(withCode.statusCode).toBe(200);
  });

  it("accepts a TOTP code once: the same code again is refused like a wrong one", async () => {
    const admin = await t.user("fr.replay.admin", "ncb_admin", "FR");
    const { secret } = await t.services.users.resetTotp(admin, "fr.officer");
    t.clock.advance(30_000);
    const code = currentTotp(secret, t.clock.now());
    const first = await login({ username: "fr.officer", password: TEST_PASSWORD, totp: code });
    expect(first.statusCode).toBe(200);
    const again = await login({ username: "fr.officer", password: TEST_PASSWORD, totp: code });
    expect(again.statusCode).toBe(401);
    const wrong = await login({ username: "fr.officer", password: TEST_PASSWORD, totp: "000000" });
    expect(again.json()).toEqual(wrong.json());
    // The code of the step before, still inside the drift window, is no better.
    const earlier = currentTotp(secret, new Date(t.clock.now().getTime() - 30_000));
    expect((await login({ username: "fr.officer", password: TEST_PASSWORD, totp: earlier })).statusCode).toBe(
      401,
    );
    const reasons = await t.deps.db
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "auth.login_failed")
      .where("actor_username", "=", "fr.officer")
      .orderBy("seq")
      .execute();
    expect(reasons.map((r) => r.detail.reason).slice(-3)).toEqual([
      "replayed_totp",
      "wrong_totp",
      "replayed_totp",
    ]);
    // The next period's code is accepted.
    t.clock.advance(30_000);
    const next = await login({
      username: "fr.officer",
      password: TEST_PASSWORD,
      totp: currentTotp(secret, t.clock.now()),
    });
    expect(next.statusCode).toBe(200);
  });

  it("requires the CSRF token on cookie-authenticated writes", async () => {
    await t.user("us.csrf", "ncb_officer", "US");
    const s = await t.login("us.csrf");
    const without = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: s.cookie },
    });
    expect(without.statusCode).toBe(403);
    const me = await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
  });

  it("logs out, and an idle session expires", async () => {
    await t.user("ke.session", "ncb_officer", "KE");
    const s = await t.login("ke.session");
    const out = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: s.headers });
    expect(out.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: s.headers })).statusCode,
    ).toBe(401);

    const s2 = await t.login("ke.session");
    t.clock.advance(31 * 60_000);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: s2.headers })).statusCode,
    ).toBe(401);
  });

  it("authenticates API clients by bearer token until revoked", async () => {
    const admin = await t.user("fr.admin", "ncb_admin", "FR");
    const { client, token } = await t.services.clients.create(admin, {
      name: "CDG gate",
      role: "border_officer",
      scopes: ["screening:check"],
    });
    const health = await t.app.inject({
      method: "GET",
      url: "/api/v1/countries",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(health.statusCode).toBe(200);
    await t.services.clients.revoke(admin, client.id);
    const after = await t.app.inject({
      method: "GET",
      url: "/api/v1/countries",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
    const garbage = await t.app.inject({
      method: "GET",
      url: "/api/v1/countries",
      headers: { authorization: "Bearer nonsense" },
    });
    expect(garbage.statusCode).toBe(401);
    expect(garbage.json().code).toBe("unauthenticated");
  });

  it("audits logins and failures", async () => {
    const rows = await t.deps.db.selectFrom("audit_log").select(["action"]).execute();
    const actions = new Set(rows.map((r) => r.action));
    expect(actions).toContain("auth.login");
    expect(actions).toContain("auth.login_failed");
    expect(actions).toContain("auth.logout");
  });

  it("changes one's own password with the current one, ending the other sessions", async () => {
    await t.user("jo.pw", "ncb_officer", "JO");
    const a = await t.login("jo.pw");
    const b = await t.login("jo.pw");
    const change = (payload: object) =>
      t.app.inject({ method: "POST", url: "/api/v1/auth/password", headers: a.headers, payload });
    expect(
      (await change({ currentPassword: "wrong", newPassword: "a brand new passphrase" })).statusCode,
    ).toBe(422);
    expect((await change({ currentPassword: TEST_PASSWORD, newPassword: "short" })).statusCode).toBe(400);
    expect(
      (await change({ currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" })).statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: a.headers })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: b.headers })).statusCode,
    ).toBe(401);
    expect((await login({ username: "jo.pw", password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await login({ username: "jo.pw", password: "a brand new passphrase" })).statusCode).toBe(200);
  });
});
