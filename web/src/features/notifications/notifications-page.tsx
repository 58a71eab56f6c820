import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type { MouseEvent } from "react";
import { ErrorAlert, Notice } from "../../components/alert.tsx";
import { Pager } from "../../components/pager.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { client, data } from "../../lib/api/client.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { type AppNotification, notificationPlace, notificationText } from "../../lib/notification-text.ts";
import { NOTIFICATIONS_KEY, useNotifications } from "../../lib/notifications.tsx";
import { Link, navigate, useLocation } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import "./notifications.css";

const PAGE_SIZE = 20;

/** The filters live in the address, so Back returns to the same view. */
function useFilters() {
  const { query } = useLocation();
  return {
    unread: query.get("unread") === "true",
    page: Math.max(1, Number(query.get("page") ?? "1") || 1),
  };
}

/** The notification centre: every notification kept for the person, newest first, to open or mark read. */
export function NotificationsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { unread: unreadOnly, page } = useFilters();
  const live = useNotifications();
  const list = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, "list", { unreadOnly, page }],
    queryFn: ({ signal }) =>
      data(
        client.GET("/api/v1/notifications", {
          params: {
            query: { ...(unreadOnly ? { unread: "true" as const } : {}), page, pageSize: PAGE_SIZE },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const readAll = useMutation({
    mutationFn: (upTo: number | undefined) =>
      data(client.POST("/api/v1/notifications/read-all", { body: upTo === undefined ? {} : { upTo } })),
  });
  const newest = list.data?.items[0]?.id;
  const go = (q: { unread?: boolean; page?: number }) =>
    navigate("/notifications", {
      unread: (q.unread ?? unreadOnly) ? "true" : "",
      page: q.page && q.page > 1 ? q.page : "",
    });

  return (
    <>
      <div className="page-head">
        <h1>{t("notif.title")}</h1>
        {live.unread !== undefined && (
          <span className="badge" data-testid="notifications-unread">
            {t("notif.unreadCount", { count: live.unread })}
          </span>
        )}
      </div>
      <p className="muted">{t("notif.intro")}</p>
      <p className="muted live-line" data-testid="notifications-live" data-state={live.status}>
        {live.status === "lost" ? t("notif.live.reconnecting") : t("notif.live.status")}
      </p>
      <div className="toolbar">
        <fieldset className="notif-filter">
          <legend>{t("notif.filter.label")}</legend>
          <label>
            <input
              type="radio"
              name="notif-filter"
              checked={!unreadOnly}
              onChange={() => go({ unread: false, page: 1 })}
              data-testid="notifications-filter-all"
            />{" "}
            {t("notif.filter.all")}
          </label>
          <label>
            <input
              type="radio"
              name="notif-filter"
              checked={unreadOnly}
              onChange={() => go({ unread: true, page: 1 })}
              data-testid="notifications-filter-unread"
            />{" "}
            {t("notif.filter.unread")}
          </label>
        </fieldset>
        <button
          type="button"
          className="btn"
          disabled={readAll.isPending || !live.unread}
          onClick={() => readAll.mutate(unreadOnly ? undefined : newest)}
          data-testid="notifications-read-all"
        >
          {t("notif.readAll")}
        </button>
      </div>
      {readAll.error ? <ErrorAlert error={readAll.error} /> : null}
      {readAll.data && (
        <Notice kind="success">
          <span data-testid="notifications-read-all-done">
            {t("notif.readAllDone", { count: readAll.data.marked })}
          </span>
        </Notice>
      )}
      <DataState
        data={list.data}
        error={list.error ?? undefined}
        loading={list.isFetching}
        reload={list.refetch}
      >
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{unreadOnly ? t("notif.emptyUnread") : t("notif.empty")}</Empty>
          ) : (
            <>
              <ul className="notification-list" data-testid="notifications-list">
                {page.items.map((n) => (
                  <NotificationRow key={n.id} n={n} />
                ))}
              </ul>
              <Pager
                page={page.page}
                pageSize={page.pageSize}
                total={page.total}
                onPage={(p) => go({ page: p })}
              />
            </>
          )
        }
      </DataState>
    </>
  );
}

function NotificationRow({ n }: { n: AppNotification }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const me = useMe();
  const text = notificationText(n, i18n);
  const place = notificationPlace(n, me.role);
  const markRead = useMutation({
    mutationFn: () =>
      data(client.POST("/api/v1/notifications/{id}/read", { params: { path: { id: n.id } } })),
  });
  const unread = n.readAt === null && !markRead.isSuccess;
  // Opening the record reads the notification first, so the count falls even for a list page.
  const open = async (e: MouseEvent) => {
    if (!unread) return;
    e.preventDefault();
    try {
      await markRead.mutateAsync();
    } finally {
      navigate(place.to, place.query);
    }
  };
  return (
    <li
      className={`notification-row${unread ? " notification-unread" : ""}`}
      data-testid={`notification-${n.id}`}
      data-kind={n.kind}
      data-read={unread ? "false" : "true"}
    >
      <div className="notification-main">
        {unread && <span className="badge notification-dot">{t("notif.unread")}</span>}
        <Link to={place.to} query={place.query} onClick={open} data-testid={`notification-link-${n.id}`}>
          {text}
        </Link>
        {n.detail.reasons && (
          <p className="notification-reasons">
            <bdi>{t("notif.reasons", { reasons: n.detail.reasons })}</bdi>
          </p>
        )}
        <time className="muted notification-time" dateTime={n.createdAt}>
          {dateTime(n.createdAt)}
        </time>
      </div>
      {unread && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => markRead.mutate()}
          disabled={markRead.isPending}
          aria-label={t("notif.markRead", { text })}
          data-testid={`notification-read-${n.id}`}
        >
          {t("notif.markReadShort")}
        </button>
      )}
      {markRead.error ? <ErrorAlert error={markRead.error} /> : null}
    </li>
  );
}
