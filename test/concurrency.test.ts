import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAuditCheckpoints } from "../src/features/audit/audit.checkpoint.ts";
import { envelope, redRequest } from "../src/features/notices/notices.fixtures.ts";
import { systemActor } from "../src/shared/actor.ts";
import { backends, createTestContext, type TestContext } from "./harness.ts";
import { seededRandom } from "./seeded-random.ts";

/*
 * No request hangs: many requests of every kind at once, with the background jobs (notice expiry,
 * the hash matcher following the change feed, signed audit checkpoints) running among them. Every
 * request must answer, without a server error, within a generous limit. The limit is not a speed
 * measure (the benchmarks are): it stands for "never", which is what a stuck request used to take.
 */

const LIMIT_MS = 60_000;
const ROUNDS = 4;
const HASH = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

type H = Record<string, string>;
type Outcome = { what: string; status: number; ms: number };

describe.each(backends)("concurrent requests with background jobs on %s", (kind) => {
  let t: TestContext;
  const who: Record<string, H> = {};
  let platform: H;
  let bankId: string;
  const random = seededRandom(7);

  beforeAll(async () => {
    t = await createTestContext({ kind });
    for (const [name, role, country] of [
      ["fr.conc", "ncb_officer", "FR"],
      ["ke.conc", "ncb_officer", "KE"],
      ["gs.conc", "gs_reviewer", "XG"],
      ["fr.content", "content_analyst", "FR"],
      ["xg.audit", "auditor", "XG"],
    ] as const) {
      await t.user(name, role, country);
      who[name] = (await t.login(name)).headers;
    }
    const c = await t.services.clients.create(systemActor("XG"), {
      name: "Platform",
      role: "platform_partner",
      country: "IE",
      scopes: ["content:match"],
    });
    platform = { authorization: `Bearer ${c.token}` };
    const analyst = { ...(await t.user("fr.bank", "content_analyst", "FR")) };
    bankId = (
      await t.services.content.createBank(analyst, {
        name: "concurrency",
        envelope: { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" },
        sharedWithAllPlatforms: true,
      })
    ).id;
  });
  afterAll(() => t?.close());

  const call = async (what: string, method: "GET" | "POST", url: string, headers: H, payload?: unknown) => {
    const started = performance.now();
    const res = await t.app.inject({
      method,
      url,
      headers,
      ...(payload ? { payload: payload as object } : {}),
    });
    return { res, outcome: { what, status: res.statusCode, ms: performance.now() - started } };
  };

  /** A notice's life through the API: draft, submit (look-alike search), review, publish. */
  async function noticeFlow(n: number): Promise<Outcome[]> {
    const out: Outcome[] = [];
    const step = async (what: string, method: "GET" | "POST", url: string, h: H, payload?: unknown) => {
      const r = await call(what, method, url, h, payload);
      out.push(r.outcome);
      return r.res;
    };
    const fr = who["fr.conc"] as H;
    const gs = who["gs.conc"] as H;
    const created = await step("create notice", "POST", "/api/v1/notices", fr, {
      request: redRequest(`CONCURRENT${n}`, "Case"),
      envelope: envelope(),
    });
    const id = created.json().id as string;
    await step("submit notice", "POST", `/api/v1/notices/${id}/submit`, fr, {});
    await step("start review", "POST", `/api/v1/notices/${id}/start-review`, gs, {});
    await step("publish", "POST", `/api/v1/notices/${id}/publish`, gs, {});
    await step("notice history", "GET", `/api/v1/notices/${id}/history`, fr);
    return out;
  }

  function singles(n: number): Promise<Outcome>[] {
    const fr = who["fr.conc"] as H;
    const ke = who["ke.conc"] as H;
    const record = {
      schema: "Person",
      properties: { name: [`Concurrent Person ${n}`] },
      envelope: { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" },
      source: "concurrency test",
    };
    const diffusion = {
      kind: "warning",
      recipients: "all",
      title: `Warning ${n}`,
      body: "Concurrency test.",
      sourceReliability: "B",
      informationAccuracy: 2,
      sourceType: "police",
    };
    const hex = (len: number) =>
      Array.from({ length: len }, () => Math.floor(random() * 16).toString(16)).join("");
    return [
      call("create record", "POST", "/api/v1/records", fr, record).then((r) => r.outcome),
      call("search records", "GET", "/api/v1/records?q=concurrent", ke).then((r) => r.outcome),
      call("list notices", "GET", "/api/v1/notices", ke).then((r) => r.outcome),
      call("review queue", "GET", "/api/v1/notices/review-queue", who["gs.conc"] as H).then((r) => r.outcome),
      call("send diffusion", "POST", "/api/v1/diffusions", fr, diffusion).then((r) => r.outcome),
      call("list diffusions", "GET", "/api/v1/diffusions", ke).then((r) => r.outcome),
      call("add hash", "POST", `/api/v1/content/banks/${bankId}/entries`, who["fr.content"] as H, {
        signalType: "md5",
        value: hex(32),
      }).then((r) => r.outcome),
      call("platform match", "POST", "/api/v1/content/match", platform, {
        signalType: "pdq",
        value: HASH,
      }).then((r) => r.outcome),
      call("audit search", "GET", "/api/v1/audit?pageSize=20", who["xg.audit"] as H).then((r) => r.outcome),
      call("public red list", "GET", "/notices/v1/red", {}).then((r) => r.outcome),
      call("overview", "GET", "/api/v1/overview", who["gs.conc"] as H).then((r) => r.outcome),
    ];
  }

  /** The server's own jobs, run at the same time as the requests. */
  async function backgroundJobs(): Promise<Outcome[]> {
    const out: Outcome[] = [];
    const stopCheckpoints = startAuditCheckpoints(t.deps, { info() {}, warn() {}, error() {} });
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      await t.services.notices.expireDue(systemActor("XG"));
      out.push({ what: "expiry job", status: 200, ms: performance.now() - started });
    }
    const started = performance.now();
    await stopCheckpoints();
    out.push({ what: "final audit checkpoint", status: 200, ms: performance.now() - started });
    return out;
  }

  it("answers every request, without a server error, while the jobs run", async () => {
    const work: Promise<Outcome[]>[] = [backgroundJobs()];
    for (let n = 0; n < ROUNDS; n++) {
      work.push(noticeFlow(n));
      work.push(Promise.all(singles(n)));
    }
    const outcomes = (await Promise.all(work)).flat();
    // 5 jobs, 5 steps per notice flow and 11 single requests per round.
    expect(outcomes).toHaveLength(ROUNDS + 1 + ROUNDS * (5 + 11));
    const failed = outcomes.filter((o) => o.status >= 500 || o.ms > LIMIT_MS);
    expect(failed).toEqual([]);
    const refused = outcomes.filter((o) => o.status >= 400);
    expect(refused).toEqual([]);
    // The notices went all the way: published and visible to Kenya, the look-alike check included.
    const published = await t.app.inject({
      method: "GET",
      url: "/api/v1/notices?q=concurrent&state=published",
      headers: who["ke.conc"] as H,
    });
    expect(published.json().total).toBe(ROUNDS);
  });
});
