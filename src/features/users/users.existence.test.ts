import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, TEST_PASSWORD, type TestContext } from "../../../test/harness.ts";
import { systemActor } from "../../shared/actor.ts";

/*
 * A bureau admin must not learn that an account exists in another bureau. Each case below asks the
 * same question about a name (or id) that exists in Kenya's bureau and about one that exists
 * nowhere, and expects the very same answer, status and body.
 */
describe("a bureau admin cannot tell another bureau's accounts from missing ones", () => {
  let t: TestContext;
  let fr: Record<string, string>;
  let keUserId: string;
  let keClientId: string;
  const missingId = "7d0c2a43-58a4-4a8e-9a57-0d8a6c1f0b11";
  beforeAll(async () => {
    t = await createTestContext();
    await t.user("fr.chief", "ncb_admin", "FR");
    await t.user("fr.taken", "ncb_officer", "FR");
    keUserId = (await t.user("ke.alice", "ncb_officer", "KE")).id;
    // A name without a bureau prefix, made by the platform operator for Kenya.
    await t.user("wanjiru", "ncb_officer", "KE");
    const keAdmin = await t.user("ke.chief", "ncb_admin", "KE");
    keClientId = (
      await t.services.clients.create(keAdmin, {
        name: "JKIA border",
        role: "border_officer",
        scopes: ["screening:check"],
      })
    ).client.id;
    fr = (await t.login("fr.chief")).headers;
  });
  afterAll(() => t.close());

  const answer = async (method: "GET" | "POST", url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: fr, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() as Record<string, unknown> };
  };
  const create = (username: string) =>
    answer("POST", "/api/v1/users", {
      username,
      displayName: "New officer",
      role: "ncb_officer",
      country: "FR",
      password: TEST_PASSWORD,
    });

  it("creating a name taken in Kenya answers exactly as creating a free one outside its namespace", async () => {
    const namespaced = await create("ke.alice");
    expect(namespaced).toEqual(await create("ke.nobody"));
    expect(namespaced).toEqual({
      status: 400,
      body: {
        type: "https://fusion.invalid/problems/validation_failed",
        title: "Validation failed",
        status: 400,
        code: "validation_failed",
        detail: "Accounts of your bureau are named fr.<name>.",
        errors: [{ path: "username", message: "Accounts of your bureau are named fr.<name>." }],
      },
    });
    expect(await create("wanjiru")).toEqual(await create("nobody"));
    expect((await create("wanjiru")).status).toBe(400);
  });

  it("a taken name in its own namespace is a conflict that names no country", async () => {
    const taken = await create("fr.taken");
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toBe("The username fr.taken is taken.");
    // Case does not make a second account: usernames are case-insensitive.
    expect((await create("FR.Taken")).status).toBe(409);
    expect((await create("fr.fresh")).status).toBe(201);
  });

  it("disabling or resetting another bureau's account answers like a missing one, by name or id", async () => {
    for (const action of ["disable", "reset-totp"]) {
      const byName = await answer("POST", `/api/v1/users/ke.alice/${action}`);
      expect(byName).toEqual(await answer("POST", `/api/v1/users/ke.nobody/${action}`));
      const byId = await answer("POST", `/api/v1/users/${keUserId}/${action}`);
      expect(byId).toEqual(await answer("POST", `/api/v1/users/${missingId}/${action}`));
      expect(byId.status).toBe(404);
      expect(byId.body.detail).toBe("No such account within your reach.");
    }
    // Nothing happened to the Kenyan account.
    const row = await t.deps.db
      .selectFrom("users")
      .select(["disabled", "totp_enabled"])
      .where("username", "=", "ke.alice")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ disabled: false, totp_enabled: false });
  });

  it("revoking another bureau's API client answers like a missing one", async () => {
    const foreign = await answer("POST", `/api/v1/clients/${keClientId}/revoke`);
    expect(foreign).toEqual(await answer("POST", `/api/v1/clients/${missingId}/revoke`));
    expect(foreign.status).toBe(404);
  });

  it("lists hold its own bureau's accounts and clients only", async () => {
    const users = await answer("GET", "/api/v1/users");
    const names = (users.body.items as { username: string }[]).map((u) => u.username).sort();
    expect(names).toEqual(["fr.chief", "fr.fresh", "fr.taken"]);
    const clients = await answer("GET", "/api/v1/clients");
    expect(clients.body.items).toEqual([]);
  });

  it("names in a country's namespace belong to that country, whoever creates them", async () => {
    const operator = systemActor("XG");
    const input = { displayName: "x", role: "ncb_officer" as const, password: TEST_PASSWORD };
    await expect(
      t.services.users.create(operator, { ...input, username: "fr.misplaced", country: "KE" }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      message: "Names starting with fr. are reserved for the accounts of FR.",
    });
    // A prefix that names no member country is no namespace (the Secretariat's gs. names).
    const gs = await t.services.users.create(operator, {
      ...input,
      role: "gs_reviewer",
      username: "gs.newcomer",
      country: "XG",
    });
    expect(gs.user.country).toBe("XG");
  });
});

describe("reads of accounts and API clients are audited", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  const lastAudit = (action: string) =>
    t.deps.db
      .selectFrom("audit_log")
      .select(["actor_username", "actor_country", "detail"])
      .where("action", "=", action)
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();

  it("records who listed which bureau's accounts and clients, and how many", async () => {
    await t.user("de.admin", "ncb_admin", "DE");
    await t.user("de.officer", "ncb_officer", "DE");
    await t.user("at.officer", "ncb_officer", "AT");
    const de = (await t.login("de.admin")).headers;
    expect((await t.app.inject({ method: "GET", url: "/api/v1/users", headers: de })).statusCode).toBe(200);
    expect(await lastAudit("user.list")).toEqual({
      actor_username: "de.admin",
      actor_country: "DE",
      detail: { country: "DE", count: 2 },
    });
    expect((await t.app.inject({ method: "GET", url: "/api/v1/clients", headers: de })).statusCode).toBe(200);
    expect(await lastAudit("client.list")).toEqual({
      actor_username: "de.admin",
      actor_country: "DE",
      detail: { country: "DE", count: 0 },
    });
    await t.services.users.list(systemActor("XG"));
    expect(await lastAudit("user.list")).toEqual({
      actor_username: "system",
      actor_country: "XG",
      detail: { country: "all", count: 3 },
    });
  });
});
