import type { Schema } from "./api/schema.ts";
import type { I18n, MessageKey } from "./i18n/index.tsx";
import type { Role } from "./roles.ts";

export type AppNotification = Schema<"Notification">;

/**
 * A notification as a sentence in the reader's language. The server stores the kind and the values
 * (a notice number, a title, a country code); the words are the dictionary's.
 */
export function notificationText(n: AppNotification, i18n: Pick<I18n, "t" | "date" | "country">): string {
  const d = n.detail;
  const v = (name: string) => d[name] ?? "";
  const notice = [v("subject") || i18n.t("notif.unnamed"), d.noticeNumber ? `(${d.noticeNumber})` : ""]
    .filter(Boolean)
    .join(" ");
  const country = i18n.country(
    d.owner ?? d.sender ?? (n.kind === "trace.received" ? d.requester : d.addressed),
  );
  return i18n.t(`notif.kind.${n.kind}` as MessageKey, {
    notice,
    country: n.kind === "hit.received" ? i18n.country(d.checkedBy) : country,
    title: v("title"),
    platform: v("platform"),
    outcome: v("outcome") || "other",
    date: i18n.date(d.validUntil ?? d.deadline ?? null),
    what: v("reference") || v("category"),
  });
}

/** A place in the app: a path and its query. */
export type Place = { to: string; query?: Record<string, string> };

/**
 * Where a notification leads: the record's own page, or its list where it has none. A reviewer opens
 * a submitted notice in the review screen.
 */
export function notificationPlace(
  n: Pick<AppNotification, "recordType" | "recordId" | "kind">,
  role: Role,
): Place {
  const id = encodeURIComponent(n.recordId);
  switch (n.recordType) {
    case "notice":
      return {
        to: role === "gs_reviewer" && n.kind === "notice.submitted" ? `/review/${id}` : `/notices/${id}`,
      };
    case "diffusion":
      return { to: `/diffusions/${id}` };
    case "screening_hit":
      return { to: `/hits/${id}` };
    case "trace_request":
      return { to: "/databases/traces", query: { box: n.kind === "trace.received" ? "received" : "sent" } };
    case "referral":
      return { to: "/referrals" };
  }
}
