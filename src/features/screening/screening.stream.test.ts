import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";
import { envelope } from "../notices/notices.fixtures.ts";

/*
 * The owner's live inbox: a hit written by a check (here, another country's officer) arrives on the
 * owner's server-sent event stream; a third country's stream stays silent.
 */

type Reader = { events: string[]; stop: () => void };

async function follow(base: string, cookie: string): Promise<Reader> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/screening/hits/stream`, {
    headers: { cookie, accept: "text/event-stream" },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const reader: Reader = { events: [], stop: () => controller.abort() };
  const decoder = new TextDecoder();
  void (async () => {
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
        reader.events.push(decoder.decode(chunk));
    } catch {
      // aborted
    }
  })();
  return reader;
}

describe.each(backends)("the live hits stream on %s", (kind) => {
  let t: TestContext;
  let base: string;
  let ke: Actor;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    const fr = await t.user("fr.officer", "ncb_officer", "FR");
    await t.user("us.officer", "ncb_officer", "US");
    ke = await t.user("ke.border", "border_officer", "KE");
    await t.services.records.create(fr, {
      schema: "Person",
      properties: { name: ["Tariq Demostream"], birthDate: ["1975-01-20"] },
      envelope: envelope(),
      source: "Case file 2026/3",
    });
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t?.close());

  it("brings a new hit to the owner at once, and nothing to a third country", async () => {
    const owner = await follow(base, (await t.login("fr.officer")).cookie);
    const third = await follow(base, (await t.login("us.officer")).cookie);
    const r = await t.services.screening.checks.check(ke, {
      name: "Tariq Demostream",
      dateOfBirth: "1975-01-20",
    });
    expect(r.hit).toBe(true);
    const deadline = Date.now() + 10_000;
    while (!owner.events.join("").includes("event: hit") && Date.now() < deadline)
      await new Promise((res) => setTimeout(res, 50));
    owner.stop();
    third.stop();
    const text = owner.events.join("");
    expect(text).toContain("event: hit");
    expect(text).toContain(r.hits[0]?.hitId ?? "no hit id");
    expect(third.events.join("")).not.toContain("event: hit");
  });
});
