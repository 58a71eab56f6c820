import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";

type H = Record<string, string>;

describe.each(backends)("diffusions on %s", (kind) => {
  let t: TestContext;
  const s: Record<string, H> = {};
  const as = (name: string): H => s[name] ?? {};

  beforeAll(async () => {
    t = await createTestContext({ kind });
    for (const [name, role, country] of [
      ["fr.sender", "ncb_officer", "FR"],
      ["us.recipient", "ncb_officer", "US"],
      ["de.recipient", "ncb_admin", "DE"],
      ["ke.outsider", "ncb_officer", "KE"],
      ["gs.reviewer", "gs_reviewer", "XG"],
      ["gs.analyst", "gs_analyst", "XG"],
      ["us.border", "border_officer", "US"],
    ] as const) {
      await t.user(name, role, country);
      s[name] = (await t.login(name)).headers;
    }
  });
  afterAll(() => t?.close());

  const send = (headers: H, patch: Record<string, unknown> = {}) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/diffusions",
      headers,
      payload: {
        kind: "arrest",
        recipients: ["US", "DE"],
        title: "Arrest request: fictitious subject",
        body: "Wanted for a bombing in Paris; arrest warrant of 2 March 2026.",
        subject: { kind: "person", familyName: "NOBODY", forenames: "Test", sex: "M" },
        sourceReliability: "B",
        informationAccuracy: 2,
        sourceType: "judicial",
        ...patch,
      },
    });
  const ids = async (headers: H, query = "") =>
    (
      (await t.app.inject({ method: "GET", url: `/api/v1/diffusions?pageSize=200${query}`, headers })).json()
        .items as { id: string }[]
    ).map((i) => i.id);

  it("reaches the chosen recipients at once, unreviewed, and nobody else", async () => {
    const res = await send(as("fr.sender"));
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      sender: "FR",
      recipients: ["DE", "US"],
      reviewed: false,
      reviewState: "unreviewed",
    });
    for (const who of ["us.recipient", "de.recipient", "fr.sender", "gs.reviewer"]) {
      const got = await t.app.inject({ method: "GET", url: `/api/v1/diffusions/${d.id}`, headers: as(who) });
      expect(got.statusCode, who).toBe(200);
      expect(got.json().reviewed).toBe(false);
      expect(await ids(as(who))).toContain(d.id);
    }
    const outsider = await t.app.inject({
      method: "GET",
      url: `/api/v1/diffusions/${d.id}`,
      headers: as("ke.outsider"),
    });
    expect(outsider.statusCode).toBe(404);
    expect(await ids(as("ke.outsider"))).not.toContain(d.id);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/v1/diffusions", headers: as("us.border") })).statusCode,
    ).toBe(403);
  });

  it("is confirmed or cancelled once, with reasons, by a GS reviewer only", async () => {
    const a = (await send(as("fr.sender"))).json();
    const b = (await send(as("fr.sender"), { kind: "warning", recipients: "all" })).json();
    expect(await ids(as("ke.outsider"))).toContain(b.id);
    expect(await ids(as("gs.reviewer"), "&reviewState=unreviewed")).toEqual(
      expect.arrayContaining([a.id, b.id]),
    );
    const review = (id: string, headers: H, payload: unknown) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/diffusions/${id}/review`,
        headers,
        payload: payload as object,
      });
    expect((await review(a.id, as("us.recipient"), { decision: "confirm", reasons: "ok" })).statusCode).toBe(
      403,
    );
    expect((await review(a.id, as("gs.analyst"), { decision: "confirm", reasons: "ok" })).statusCode).toBe(
      403,
    );
    expect((await review(a.id, as("gs.reviewer"), { decision: "confirm" })).statusCode).toBe(400);
    const confirmed = await review(a.id, as("gs.reviewer"), {
      decision: "confirm",
      reasons: "Ordinary-law crime",
    });
    expect(confirmed.json()).toMatchObject({
      reviewed: true,
      reviewState: "confirmed",
      reviewReasons: "Ordinary-law crime",
    });
    expect((await review(a.id, as("gs.reviewer"), { decision: "cancel", reasons: "x" })).statusCode).toBe(
      409,
    );
    const cancelled = await review(b.id, as("gs.reviewer"), {
      decision: "cancel",
      reasons: "Article 3: political",
    });
    expect(cancelled.json().reviewState).toBe("cancelled");
    // Recipients see the outcome.
    const seen = await t.app.inject({
      method: "GET",
      url: `/api/v1/diffusions/${b.id}`,
      headers: as("de.recipient"),
    });
    expect(seen.json()).toMatchObject({ reviewed: true, reviewState: "cancelled" });
    const audit = await t.deps.db
      .selectFrom("audit_log")
      .select("action")
      .where("record_id", "=", b.id)
      .execute();
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(["diffusion.send", "diffusion.cancel"]),
    );
  });

  it("refuses unknown recipients and roles that do not send, changing nothing", async () => {
    const before = await ids(as("gs.reviewer"));
    expect((await send(as("fr.sender"), { recipients: ["ZZ"] })).statusCode).toBe(400);
    expect((await send(as("fr.sender"), { kind: "gossip" })).statusCode).toBe(400);
    expect((await send(as("gs.analyst"))).statusCode).toBe(403);
    expect(await ids(as("gs.reviewer"))).toEqual(before);
  });
});
