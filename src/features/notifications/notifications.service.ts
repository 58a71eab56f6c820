import type { Kysely } from "kysely";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { sha256Hex } from "../../shared/ids.ts";
import type { Database } from "../../storage/schema.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { type NotificationEvent, plan } from "./notifications.events.ts";
import { notificationsPolicy } from "./notifications.policy.ts";
import * as repo from "./notifications.repo.ts";
import type { ListNotificationsQuery, MarkAllReadInput, NotificationView } from "./notifications.schema.ts";

/**
 * What other services hold to tell people of their acts. Both methods run in the caller's
 * transaction, so a notification exists exactly when the act it reports committed.
 */
export type Notifier = {
  /** Stores the notifications an act causes, one per addressee. */
  notify(trx: Kysely<Database>, actor: Actor, event: NotificationEvent): Promise<void>;
  /**
   * The actor opened a record: its notifications to them are read, and a received diffusion is read
   * for their country (the bureau's dashboard stops listing it).
   */
  opened(
    trx: Kysely<Database>,
    actor: Actor,
    record: { type: "notice" | "diffusion"; id: string; owner: string },
  ): Promise<void>;
};

export function createNotificationsService(deps: Deps) {
  const { db, clock, config } = deps;

  const notifier: Notifier = {
    async notify(trx, actor, event) {
      const now = clock.now();
      for (const p of plan(event))
        await repo.insertPlanned(trx, p, actor.kind === "user" ? actor.id : null, now);
    },
    async opened(trx, actor, record) {
      if (actor.kind !== "user") return;
      const now = clock.now();
      await repo.markRecordRead(trx, actor.id, record.type, record.id, now);
      if (record.type === "diffusion" && record.owner !== actor.country && !actor.isSecretariat)
        await repo.markDiffusionRead(trx, record.id, actor.country, actor.id, now);
    },
  };

  function ensure(actor: Actor): void {
    if (!notificationsPolicy.read(actor))
      throw new AppError("forbidden", "Notifications are for people who sign in, not for API clients.");
  }

  async function list(actor: Actor, q: ListNotificationsQuery) {
    ensure(actor);
    return db.transaction().execute(async (trx) => {
      const { rows, total } = await repo.list(trx, actor, { ...q, unread: q.unread === "true" });
      const unread = q.unread === "true" ? total : await repo.unreadCount(trx, actor);
      return { items: rows.map(repo.toView), total, unread, page: q.page, pageSize: q.pageSize };
    });
  }

  async function unreadCount(actor: Actor) {
    ensure(actor);
    return { unread: await repo.unreadCount(db, actor) };
  }

  async function markRead(actor: Actor, id: number): Promise<NotificationView> {
    ensure(actor);
    return db.transaction().execute(async (trx) => {
      const row = await repo.markRead(trx, actor, id, clock.now());
      if (!row) throw new AppError("not_found", "No such notification.");
      await appendAudit(trx, clock, actor, {
        action: "notification.read",
        recordType: row.record_type,
        recordId: row.record_id,
        detail: { notification: Number(row.id) },
      });
      return repo.toView(row);
    });
  }

  async function markAllRead(actor: Actor, input: MarkAllReadInput) {
    ensure(actor);
    return db.transaction().execute(async (trx) => {
      const marked = await repo.markAllRead(trx, actor, input.upTo, clock.now());
      await appendAudit(trx, clock, actor, {
        action: "notification.read_all",
        detail: { marked, upTo: input.upTo ?? null },
      });
      return { marked, unread: await repo.unreadCount(trx, actor) };
    });
  }

  /** Where a new stream starts: after the reader's newest notification. */
  async function streamStart(actor: Actor): Promise<number> {
    ensure(actor);
    return repo.latestId(db, actor);
  }

  /** What the live stream sends next: new notifications after `afterId`, and the unread count. */
  async function next(actor: Actor, afterId: number) {
    ensure(actor);
    const rows = await repo.since(db, actor, afterId, 50);
    return { items: rows.map(repo.toView), unread: await repo.unreadCount(db, actor) };
  }

  /** Whether the session behind a stream is still open (signed out or expired closes the stream). */
  const sessionOpen = (sessionToken: string) =>
    repo.sessionOpen(db, sha256Hex(sessionToken), clock.now(), config.sessionIdleMs);

  return { notifier, list, unreadCount, markRead, markAllRead, streamStart, next, sessionOpen };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
