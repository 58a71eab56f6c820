import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import {
  listNotificationsQuery,
  markAllReadResultSchema,
  markAllReadSchema,
  notificationIdParams,
  notificationPageSchema,
  notificationSchema,
  streamQuery,
  unreadCountSchema,
} from "./notifications.schema.ts";
import type { NotificationsService } from "./notifications.service.ts";
import { runStream, type StreamTiming } from "./notifications.stream.ts";

const TAG = "notifications";
/** How often a stream looks for new notifications (written by any server), and its heartbeat. */
export const STREAM_TIMING: StreamTiming = { pollMs: 1000, heartbeatMs: 15_000 };

export function registerNotificationsRoutes(app: ZodApp, s: NotificationsService): void {
  app.get(
    "/api/v1/notifications",
    {
      schema: {
        operationId: "listNotifications",
        tags: [TAG],
        summary: "Your notifications, newest first (all, or unread only), with the unread count",
        querystring: listNotificationsQuery,
        response: { 200: notificationPageSchema },
      },
    },
    async (req) => s.list(actorOf(req), req.query),
  );

  app.get(
    "/api/v1/notifications/unread-count",
    {
      schema: {
        operationId: "countUnreadNotifications",
        tags: [TAG],
        summary: "How many of your notifications are unread",
        response: { 200: unreadCountSchema },
      },
    },
    async (req) => s.unreadCount(actorOf(req)),
  );

  app.post(
    "/api/v1/notifications/:id/read",
    {
      schema: {
        operationId: "markNotificationRead",
        tags: [TAG],
        summary: "Mark one notification read",
        params: notificationIdParams,
        response: { 200: notificationSchema },
      },
    },
    async (req) => s.markRead(actorOf(req), req.params.id),
  );

  app.post(
    "/api/v1/notifications/read-all",
    {
      schema: {
        operationId: "markAllNotificationsRead",
        tags: [TAG],
        summary: "Mark all your notifications read (up to a given one, if named)",
        body: markAllReadSchema,
        response: { 200: markAllReadResultSchema },
      },
    },
    async (req) => s.markAllRead(actorOf(req), req.body),
  );

  app.get(
    "/api/v1/notifications/stream",
    {
      schema: {
        operationId: "streamNotifications",
        tags: [TAG],
        summary:
          "Server-sent events: each new notification as it lands (event 'notification'), unread-count changes (event 'unread'), a heartbeat, and 'end' when the session closes",
        description:
          "A reconnecting client sends Last-Event-ID (or ?after=) and receives what it missed; a new stream starts after your newest notification.",
        querystring: streamQuery,
        produces: ["text/event-stream"],
        response: { 200: z.string().describe("text/event-stream") },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      // Access is checked (and fails as a problem response) before the stream opens.
      const lastEventId = Number(req.headers["last-event-id"]);
      const resume = Number.isSafeInteger(lastEventId) && lastEventId >= 0 ? lastEventId : undefined;
      const start = req.query.after ?? resume ?? (await s.streamStart(actor));
      const token = req.session?.sessionToken;
      reply.hijack();
      reply.raw.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-store",
        connection: "keep-alive",
      });
      reply.raw.write("retry: 5000\n: connected\n\n");
      let open = true;
      let wake: (() => void) | undefined;
      req.raw.on("close", () => {
        open = false;
        wake?.();
      });
      await runStream(
        start,
        {
          next: (after) => s.next(actor, after),
          sessionOpen: async () => (token ? s.sessionOpen(token) : false),
        },
        {
          write: (chunk) => reply.raw.write(chunk),
          closed: () => !open,
          now: () => Date.now(),
          sleep: (ms) =>
            new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, ms);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            }),
        },
        STREAM_TIMING,
      );
      reply.raw.end();
    },
  );
}
