import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envelope, redRequest } from "../src/features/notices/notices.fixtures.ts";
import { backends, createTestContext, type TestContext } from "./harness.ts";

type H = Record<string, string>;
type Versioned = { id: string; version: number };

/**
 * A page left open while someone else changed the record must not overwrite that change: notices,
 * diffusions and records refuse a write that names a version they have moved past (409 "stale"),
 * and nothing of it is stored: not the row, not its history, not the audit trail.
 */
describe.each(backends)("stale writes on %s", (kind) => {
  let t: TestContext;
  const h: Record<string, H> = {};

  beforeAll(async () => {
    t = await createTestContext({ kind });
    for (const [name, role, country] of [
      ["fr.one", "ncb_officer", "FR"],
      ["fr.two", "ncb_officer", "FR"],
      ["us.officer", "ncb_officer", "US"],
      ["gs.one", "gs_reviewer", "XG"],
      ["gs.two", "gs_reviewer", "XG"],
    ] as const) {
      await t.user(name, role, country);
      h[name] = (await t.login(name)).headers;
    }
  });
  afterAll(() => t?.close());

  const as = (name: string): H => h[name] ?? {};
  const call = (method: "GET" | "POST" | "PATCH", url: string, headers: H, payload?: unknown) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const counts = async () => ({
    events: await t.rowCount("notice_events"),
    audit: await t.rowCount("audit_log"),
    statements: await t.rowCount("record_statements"),
  });
  /** The answer as a stale write gets it: 409, code "stale", nothing about the current content. */
  const expectStale = (res: { statusCode: number; body: string; json: () => unknown }) => {
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ status: 409, code: "stale" });
  };

  it("a notice edited by a colleague meanwhile is not overwritten, submitted or withdrawn", async () => {
    const created = await call("POST", "/api/v1/notices", as("fr.one"), {
      request: redRequest("STALEWOOD", "Ann"),
      envelope: envelope(),
    });
    expect(created.statusCode, created.body).toBe(201);
    const read = created.json() as Versioned;
    expect(read.version).toBe(1);

    // The colleague saves first, from the same version.
    const first = await call("PATCH", `/api/v1/notices/${read.id}`, as("fr.two"), {
      request: redRequest("STALEWOOD", "Anna"),
      expectedVersion: read.version,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json() as Versioned).version).toBe(2);

    const before = await counts();
    const stale = await call("PATCH", `/api/v1/notices/${read.id}`, as("fr.one"), {
      request: redRequest("STALEWOOD", "Annie"),
      expectedVersion: read.version,
    });
    expectStale(stale);
    expectStale(
      await call("POST", `/api/v1/notices/${read.id}/submit`, as("fr.one"), { expectedVersion: 1 }),
    );
    expectStale(
      await call("POST", `/api/v1/notices/${read.id}/withdraw`, as("fr.one"), { expectedVersion: 1 }),
    );
    expect(await counts()).toEqual(before);
    const now = (await call("GET", `/api/v1/notices/${read.id}`, as("fr.one"))).json() as Versioned & {
      state: string;
      request: { subject: { forenames: string } };
    };
    expect([now.state, now.version, now.request.subject.forenames]).toEqual(["draft", 2, "Anna"]);

    // With the version it now has, the same submission goes through and moves the version on.
    const submitted = await call("POST", `/api/v1/notices/${read.id}/submit`, as("fr.one"), {
      expectedVersion: 2,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ state: "submitted", version: 3 });
  });

  it("a reviewer deciding on a request another reviewer already took is refused, not applied", async () => {
    const created = (
      await call("POST", "/api/v1/notices", as("fr.one"), {
        request: redRequest("OLDPAGE", "Ben"),
        envelope: envelope(),
      })
    ).json() as Versioned;
    const submitted = (
      await call("POST", `/api/v1/notices/${created.id}/submit`, as("fr.one"), { expectedVersion: 1 })
    ).json() as Versioned;
    // Both reviewers open the request at the same version; the first takes it into review.
    const taken = await call("POST", `/api/v1/notices/${created.id}/start-review`, as("gs.one"), {
      expectedVersion: submitted.version,
    });
    expect(taken.statusCode, taken.body).toBe(200);

    const before = await counts();
    expectStale(
      await call("POST", `/api/v1/notices/${created.id}/refuse`, as("gs.two"), {
        reasons: "Not enough on the warrant.",
        expectedVersion: submitted.version,
      }),
    );
    expect(await counts()).toEqual(before);
    const now = (await call("GET", `/api/v1/notices/${created.id}`, as("gs.one"))).json();
    expect(now).toMatchObject({ state: "under_review", version: submitted.version + 1 });
  });

  it("a write without a version acts on the latest state, as scripts do", async () => {
    const created = (
      await call("POST", "/api/v1/notices", as("fr.one"), {
        request: redRequest("SCRIPTED", "Cleo"),
        envelope: envelope(),
      })
    ).json() as Versioned;
    await call("PATCH", `/api/v1/notices/${created.id}`, as("fr.two"), { publicExtract: false });
    const res = await call("POST", `/api/v1/notices/${created.id}/submit`, as("fr.one"), {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: "submitted", version: 3 });
  });

  it("a diffusion reviewed by another reviewer meanwhile is not reviewed again", async () => {
    const sent = await call("POST", "/api/v1/diffusions", as("fr.one"), {
      kind: "locate",
      recipients: ["US"],
      title: "Locate: fictitious subject",
      body: "Seen in Marseille in May 2026.",
      sourceReliability: "B",
      informationAccuracy: 2,
      sourceType: "police",
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const d = sent.json() as Versioned;
    expect(d.version).toBe(1);
    const confirmed = await call("POST", `/api/v1/diffusions/${d.id}/review`, as("gs.one"), {
      decision: "confirm",
      reasons: "Within the rules.",
      expectedVersion: 1,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((confirmed.json() as Versioned).version).toBe(2);

    const audit = await t.rowCount("audit_log");
    expectStale(
      await call("POST", `/api/v1/diffusions/${d.id}/review`, as("gs.two"), {
        decision: "cancel",
        reasons: "Political character.",
        expectedVersion: 1,
      }),
    );
    expect(await t.rowCount("audit_log")).toBe(audit);
    const now = (await call("GET", `/api/v1/diffusions/${d.id}`, as("us.officer"))).json();
    expect(now).toMatchObject({ reviewState: "confirmed", reviewReasons: "Within the rules.", version: 2 });
  });

  it("a record changed meanwhile keeps the change; the stale edit adds no statement", async () => {
    const created = await call("POST", "/api/v1/records", as("fr.one"), {
      schema: "Person",
      properties: { name: ["Dora STALEFORD"] },
      envelope: envelope(),
      source: "case file 1",
    });
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json() as Versioned;
    expect(r.version).toBe(1);
    const first = await call("PATCH", `/api/v1/records/${r.id}`, as("fr.two"), {
      properties: { name: ["Dora STALEFORD"], nationality: ["fr"] },
      source: "case file 2",
      expectedVersion: 1,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json() as Versioned).version).toBe(2);

    const before = await counts();
    expectStale(
      await call("PATCH", `/api/v1/records/${r.id}`, as("fr.one"), {
        properties: { name: ["Dora STALEFORD"], birthDate: ["1970"] },
        source: "case file 3",
        expectedVersion: 1,
      }),
    );
    expect(await counts()).toEqual(before);
    const now = (await call("GET", `/api/v1/records/${r.id}`, as("fr.one"))).json();
    expect(now).toMatchObject({ version: 2, properties: { nationality: ["fr"] } });
    expect(now.properties.birthDate).toBeUndefined();
  });

  it("says why each field was refused in codes a client can translate, and stores nothing", async () => {
    const request = redRequest("FIELDS", "Eve");
    const before = await t.rowCount("notices");
    const res = await call("POST", "/api/v1/notices", as("fr.one"), {
      request: {
        ...request,
        title: { language: "en", text: "" },
        offences: [{ ...request.offences[0], maxPenaltyMonths: 1.5 }],
      },
      envelope: envelope(),
      colour: "red",
    });
    expect(res.statusCode, res.body).toBe(400);
    const errors = (res.json() as { errors: { path: string; code?: string }[] }).errors;
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.code]));
    expect(byPath).toMatchObject({
      "body.request.offences.0.maxPenaltyMonths": "not_integer",
      "body.request.title.text": "required",
      "body.colour": "unknown_field",
    });
    expect(await t.rowCount("notices")).toBe(before);
    const version = await call(
      "PATCH",
      `/api/v1/notices/${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}`,
      as("fr.one"),
      {
        expectedVersion: "two",
      },
    );
    expect(version.statusCode).toBe(400);
    expect(version.json().errors).toEqual([
      { path: "body.expectedVersion", code: "not_number", message: expect.any(String) },
    ]);
  });
});
