import type { Actor } from "../../shared/actor.ts";

export const notificationsPolicy = {
  /** Notifications are addressed to people: API clients have their webhooks and lists instead. */
  read: (actor: Actor) => actor.kind === "user",
};
