import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from "react";
import { client, data } from "./api/client.ts";
import { API_KEY } from "./api/query.ts";
import type { AppNotification } from "./notification-text.ts";

/*
 * The signed-in person's notifications, live: the unread count (read once, then kept current by the
 * server-sent event stream) and the latest notification to announce. A new notification also makes
 * the cached notification lists and the dashboard stale, so the screens showing them fetch again.
 *
 * After a network error the browser reconnects by itself, sending the last event id it saw, and the
 * server resumes after it. A connection the server refused or ended (signed out, session expired) is
 * not retried by the browser: the unread count is asked again (a 401 there signs the page out), and
 * a new connection is opened after a pause.
 */

export const STREAM_URL = "/api/v1/notifications/stream";
/** Cache keys under the API key, so that any change made through the API refreshes them too. */
export const NOTIFICATIONS_KEY = [API_KEY, "notifications"] as const;
export const UNREAD_KEY = [...NOTIFICATIONS_KEY, "unread"] as const;
export const DASHBOARD_KEY = [API_KEY, "dashboard"] as const;
const RETRY_MS = 5000;

export type LiveStatus = "connecting" | "open" | "lost";

interface NotificationsState {
  unread: number | undefined;
  /** The last notification that arrived while this page was open (for the live announcement). */
  latest: AppNotification | null;
  status: LiveStatus;
}

const Context = createContext<NotificationsState>({ unread: undefined, latest: null, status: "connecting" });

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const unread = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: ({ signal }) => data(client.GET("/api/v1/notifications/unread-count", { signal })),
    staleTime: 60_000,
  });
  const [latest, setLatest] = useState<AppNotification | null>(null);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [attempt, setAttempt] = useState(0);
  const refetchUnread = useRef(unread.refetch);
  refetchUnread.current = unread.refetch;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt opens a new connection
  useEffect(() => {
    let retry: ReturnType<typeof setTimeout> | undefined;
    const source = new EventSource(STREAM_URL);
    const setUnread = (count: number) => queries.setQueryData(UNREAD_KEY, { unread: count });
    const giveUp = () => {
      source.close();
      setStatus("lost");
      void refetchUnread.current();
      retry = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
    };
    source.addEventListener("open", () => setStatus("open"));
    source.addEventListener("error", () => {
      if (source.readyState === EventSource.CLOSED) giveUp();
      else setStatus("connecting");
    });
    source.addEventListener("end", giveUp);
    source.addEventListener("unread", (e) => {
      try {
        setUnread((JSON.parse((e as MessageEvent<string>).data) as { unread: number }).unread);
      } catch {
        // a malformed event is skipped; the next one carries the count again
      }
    });
    source.addEventListener("notification", (e) => {
      try {
        const body = JSON.parse((e as MessageEvent<string>).data) as {
          notification: AppNotification;
          unread: number;
        };
        setLatest(body.notification);
        void queries.invalidateQueries({ queryKey: NOTIFICATIONS_KEY, refetchType: "active" });
        void queries.invalidateQueries({ queryKey: DASHBOARD_KEY });
        setUnread(body.unread);
      } catch {
        // skipped; the lists show it on their next read
      }
    });
    return () => {
      clearTimeout(retry);
      source.close();
    };
  }, [attempt]);

  const value = useMemo(
    () => ({ unread: unread.data?.unread, latest, status }),
    [unread.data, latest, status],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const useNotifications = (): NotificationsState => useContext(Context);
