import { useI18n } from "../lib/i18n/index.tsx";
import { notificationText } from "../lib/notification-text.ts";
import { useNotifications } from "../lib/notifications.tsx";
import { Link } from "../lib/router.tsx";
import "./notification-bell.css";

/**
 * The header's bell: a link to the notification centre whose name says how many are unread, and a
 * polite live region that reads out each notification as it arrives.
 */
export function NotificationBell() {
  const i18n = useI18n();
  const { t, num } = i18n;
  const { unread, latest } = useNotifications();
  const count = unread ?? 0;
  return (
    <>
      <Link
        to="/notifications"
        className="notification-bell"
        aria-label={t("notif.bell.label", { count })}
        data-testid="notification-bell"
        data-unread={count}
      >
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {count > 0 && (
          <span className="notification-count" aria-hidden="true" data-testid="notification-count">
            {count > 99 ? `${num(99)}+` : num(count)}
          </span>
        )}
      </Link>
      <span className="visually-hidden" role="status" aria-live="polite" data-testid="notification-live">
        {latest ? t("notif.live.new", { text: notificationText(latest, i18n) }) : ""}
      </span>
    </>
  );
}
