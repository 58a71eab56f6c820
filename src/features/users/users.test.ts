import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, TEST_PASSWORD, type TestContext } from "../../../test/harness.ts";

describe("account administration", () => {
  let t: TestContext;
  let frAdmin: Record<string, string>;
  beforeAll(async () => {
    t = await createTestContext();
    await t.user("fr.boss", "ncb_admin", "FR");
    await t.user("us.someone", "ncb_officer", "US");
    frAdmin = (await t.login("fr.boss")).headers;
  });
  afterAll(() => t.close());

  const create = (payload: object) =>
    t.app.inject({ method: "POST", url: "/api/v1/users", headers: frAdmin, payload });

  it("a bureau admin creates accounts for its own bureau only", async () => {
    const ok = await create({
      username: "fr.new",
      displayName: "New officer",
      role: "ncb_officer",
      country: "FR",
      password: TEST_PASSWORD,
    });
    expect(ok.statusCode).toBe(201);
    expect(
      (
        await create({
          username: "us.new",
          displayName: "x",
          role: "ncb_officer",
          country: "US",
          password: TEST_PASSWORD,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await create({
          username: "fr.gs",
          displayName: "x",
          role: "gs_reviewer",
          country: "FR",
          password: TEST_PASSWORD,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await create({
          username: "fr.root",
          displayName: "x",
          role: "admin",
          country: "FR",
          password: TEST_PASSWORD,
        })
      ).statusCode,
    ).toBe(403);
  });

  it("lists, disables and resets only within its reach", async () => {
    const list = await t.app.inject({ method: "GET", url: "/api/v1/users", headers: frAdmin });
    expect(list.json().items).toHaveLength(2);
    expect(list.json().items.every((u: { country: string }) => u.country === "FR")).toBe(true);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/v1/users/us.someone/disable", headers: frAdmin }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({ method: "POST", url: "/api/v1/users/fr.new/reset-totp", headers: frAdmin })
      ).json().secret,
    ).toMatch(/^[A-Z2-7]+$/);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/v1/users/fr.new/disable", headers: frAdmin }))
        .statusCode,
    ).toBe(204);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "fr.new", password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
  });

  it("rejects weak passwords, unknown roles and unknown countries with field errors", async () => {
    const weak = await create({
      username: "fr.weak",
      displayName: "x",
      role: "ncb_officer",
      country: "FR",
      password: "short",
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toContain("password");
    expect(
      (
        await create({
          username: "fr.r",
          displayName: "x",
          role: "king",
          country: "FR",
          password: TEST_PASSWORD,
        })
      ).statusCode,
    ).toBe(400);
  });

  it("a bureau admin issues and revokes API clients for its bureau; the token is shown once", async () => {
    const made = await t.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: frAdmin,
      payload: { name: "Orly border", role: "border_officer", scopes: ["screening:check"] },
    });
    expect(made.statusCode).toBe(201);
    const { client, token } = made.json();
    expect(token).toMatch(/^fsn_/);
    const listed = await t.app.inject({ method: "GET", url: "/api/v1/clients", headers: frAdmin });
    expect(JSON.stringify(listed.json())).not.toContain(token);
    const foreign = await t.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: frAdmin,
      payload: { name: "US border", role: "border_officer", country: "US", scopes: ["screening:check"] },
    });
    expect(foreign.statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: "POST", url: `/api/v1/clients/${client.id}/revoke`, headers: frAdmin }))
        .statusCode,
    ).toBe(204);
  });
});
