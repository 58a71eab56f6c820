import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";
import { envelope, redRequest } from "../notices/notices.fixtures.ts";
import type { NotificationView } from "./notifications.schema.ts";
import { runStream, type StreamSink } from "./notifications.stream.ts";

/*
 * The live notification stream: a notification written by another person's act reaches its
 * addressee's open stream at once and no one else's; a reconnecting client resumes after the last
 * event it saw; signing out ends the stream.
 */

type Reader = { text: () => string; ended: Promise<void>; stop: () => void };

async function follow(base: string, cookie: string, lastEventId?: number): Promise<Reader> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/notifications/stream`, {
    headers: {
      cookie,
      accept: "text/event-stream",
      ...(lastEventId === undefined ? {} : { "last-event-id": String(lastEventId) }),
    },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  const ended = (async () => {
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
        chunks.push(decoder.decode(chunk));
    } catch {
      // aborted
    }
  })();
  return { text: () => chunks.join(""), ended, stop: () => controller.abort() };
}

async function until(check: () => boolean) {
  const deadline = Date.now() + 15_000;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

describe.each(backends)("the live notification stream on %s", (kind) => {
  let t: TestContext;
  let base: string;
  let fr: Actor;
  let gs: Actor;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.officer", "ncb_officer", "FR");
    await t.user("us.officer", "ncb_officer", "US");
    gs = await t.user("gs.rev", "gs_reviewer", "XG");
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t?.close());

  const submitted = async (name: string) => {
    const n = await t.services.notices.create(fr, {
      request: redRequest(name, "Live"),
      envelope: envelope(),
    });
    await t.services.notices.transition(fr, n.id, "submit");
    await t.services.notices.transition(gs, n.id, "start_review");
    return n.id;
  };

  it("brings the owner a publication at once, nothing to another country, and resumes after the last id", async () => {
    const id = await submitted("STREAMED");
    const frLogin = await t.login("fr.officer");
    const owner = await follow(base, frLogin.cookie);
    const other = await follow(base, (await t.login("us.officer")).cookie);
    await until(() => owner.text().includes("event: unread"));
    expect(owner.text()).toContain('data: {"unread":0}');

    await t.services.notices.transition(gs, id, "publish");
    await until(() => owner.text().includes("event: notification"));
    const text = owner.text();
    expect(text).toContain("event: notification");
    expect(text).toContain(id);
    expect(text).toContain('"unread":1');
    const eventId = Number(/id: (\d+)\nevent: notification/.exec(text)?.[1]);
    expect(eventId).toBeGreaterThan(0);
    expect(other.text()).not.toContain("event: notification");

    // A client that reconnects saying it saw the event before gets this one again, and no earlier one.
    const again = await follow(base, frLogin.cookie, eventId - 1);
    await until(() => again.text().includes("event: notification"));
    expect(again.text()).toContain(`id: ${eventId}\n`);
    again.stop();

    // Signing out ends the stream.
    const out = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: frLogin.headers });
    expect(out.statusCode).toBeLessThan(300);
    await until(() => owner.text().includes("event: end"));
    expect(owner.text()).toContain("event: end");
    await owner.ended;
    other.stop();
  });

  it("ends the stream when the session expires from idleness, which the stream itself does not prevent", async () => {
    const reader = await follow(base, (await t.login("us.officer")).cookie);
    await until(() => reader.text().includes("event: unread"));
    expect(reader.text()).not.toContain("event: end");
    t.clock.advance(t.deps.config.sessionIdleMs + 60_000);
    await until(() => reader.text().includes("event: end"));
    expect(reader.text()).toContain('event: end\ndata: {"reason":"session"}');
    await reader.ended;
  });

  it("refuses a caller without a session before any stream opens", async () => {
    const res = await fetch(`${base}/api/v1/notifications/stream`, {
      headers: { accept: "text/event-stream" },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("json");
  });
});

describe("the stream loop", () => {
  const item = (id: number): NotificationView => ({
    id,
    kind: "notice.published",
    recordType: "notice",
    recordId: "00000000-0000-4000-8000-000000000001",
    detail: {},
    createdAt: "2026-06-01T09:00:00.000Z",
    readAt: null,
  });

  /** A sink on a pretend clock: each sleep moves it on, and the client leaves after `ticks` polls. */
  const sink = (ticks: number) => {
    let now = 0;
    let left = ticks;
    const out: string[] = [];
    const s: StreamSink = {
      write: (c) => out.push(c),
      closed: () => left <= 0,
      now: () => now,
      sleep: async (ms) => {
        now += ms;
        left -= 1;
      },
    };
    return { s, out };
  };

  it("sends a heartbeat when nothing was written for a while, and an unread change on its own", async () => {
    const counts = [2, 2, 2, 2, 1];
    let i = 0;
    const { s, out } = sink(5);
    const why = await runStream(
      0,
      { next: async () => ({ items: [], unread: counts[i++] ?? 1 }), sessionOpen: async () => true },
      s,
      { pollMs: 1000, heartbeatMs: 2500 },
    );
    expect(why).toBe("client_gone");
    expect(out).toEqual([
      'event: unread\ndata: {"unread":2}\n\n',
      ": heartbeat\n\n",
      'event: unread\ndata: {"unread":1}\n\n',
    ]);
  });

  it("numbers each notification by its id and stops when the session ends", async () => {
    let open = true;
    const { s, out } = sink(10);
    const why = await runStream(
      4,
      {
        next: async (after) => {
          open = false;
          return { items: after < 5 ? [item(5), item(6)] : [], unread: 2 };
        },
        sessionOpen: async () => open,
      },
      s,
      { pollMs: 1000, heartbeatMs: 60_000 },
    );
    expect(why).toBe("session_ended");
    expect(out[0]).toMatch(/^id: 5\nevent: notification\ndata: \{"notification":\{"id":5/);
    expect(out[1]).toMatch(/^id: 6\n/);
    expect(out[2]).toBe('event: end\ndata: {"reason":"session"}\n\n');
  });
});
