import type { NotificationView } from "./notifications.schema.ts";

/*
 * The live stream of one reader's notifications, as server-sent events:
 *   event "notification" (id = the notification's id): { notification, unread }
 *   event "unread": { unread }, when the count changed without a new notification (read elsewhere)
 *   event "end": { reason: "session" }, then the stream closes: the session was closed or expired
 *   a comment line as heartbeat, so proxies keep an idle connection open
 * The store is polled, not signalled: a notification written by any server reaches every stream.
 */

export type StreamSource = {
  next(afterId: number): Promise<{ items: NotificationView[]; unread: number }>;
  sessionOpen(): Promise<boolean>;
};

export type StreamSink = {
  write(chunk: string): void;
  /** True once the client went away. */
  closed(): boolean;
  /** Waits `ms`, or less if the client goes away meanwhile. */
  sleep(ms: number): Promise<void>;
  now(): number;
};

export type StreamTiming = { pollMs: number; heartbeatMs: number };

export const sseEvent = (event: string, data: unknown, id?: number): string =>
  `${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** Runs until the client leaves or the session ends; returns why it stopped. */
export async function runStream(
  start: number,
  source: StreamSource,
  sink: StreamSink,
  timing: StreamTiming,
): Promise<"client_gone" | "session_ended" | "failed"> {
  let after = start;
  let unread = -1;
  let lastWrite = sink.now();
  const write = (chunk: string) => {
    sink.write(chunk);
    lastWrite = sink.now();
  };
  while (!sink.closed()) {
    try {
      if (!(await source.sessionOpen())) {
        write(sseEvent("end", { reason: "session" }));
        return "session_ended";
      }
      const r = await source.next(after);
      for (const n of r.items) {
        after = n.id;
        write(sseEvent("notification", { notification: n, unread: r.unread }, n.id));
      }
      if (r.items.length === 0 && r.unread !== unread) write(sseEvent("unread", { unread: r.unread }));
      unread = r.unread;
    } catch {
      return "failed";
    }
    if (sink.now() - lastWrite >= timing.heartbeatMs) write(": heartbeat\n\n");
    await sink.sleep(timing.pollMs);
  }
  return "client_gone";
}
