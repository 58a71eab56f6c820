import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { DataState } from "../../components/states.tsx";
import { client, data } from "../../lib/api/client.ts";
import type { Schema } from "../../lib/api/schema.ts";
import { type I18n, type MessageKey, useI18n } from "../../lib/i18n/index.tsx";
import { DASHBOARD_KEY } from "../../lib/notifications.tsx";
import { Link } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import { durationWords } from "./duration.ts";
import "./dashboard.css";

type Dashboard = Schema<"Dashboard">;
type Card = Dashboard["cards"][number];
type Item = Card["items"][number];
type Key = Card["key"];
type Place = { to: string; query?: Record<string, string> };

/** Each card's full list, where the person acts on all of it. */
const SEE_ALL: Record<Key, Place> = {
  noticesReturned: { to: "/notices", query: { scope: "own", state: "draft" } },
  noticesRefused: { to: "/notices", query: { scope: "own", state: "refused" } },
  diffusionsUnread: { to: "/diffusions", query: { box: "inbox" } },
  noticesRenewal: { to: "/notices", query: { scope: "own", state: "published" } },
  tracesOpen: { to: "/databases/traces", query: { box: "received" } },
  hitsPending: { to: "/hits", query: { state: "pending", role: "owner" } },
  reviewQueue: { to: "/review" },
  diffusionsUnreviewed: { to: "/diffusions", query: { reviewState: "unreviewed" } },
  referralsOverdue: { to: "/referrals", query: { overdue: "true" } },
  referralsAwaiting: { to: "/referrals" },
};

/** Where an item opens: its own page, or the list it is answered from. */
function placeOf(card: Key, item: Item): Place {
  const id = encodeURIComponent(item.id);
  switch (item.recordType) {
    case "notice":
      return { to: card === "reviewQueue" ? `/review/${id}` : `/notices/${id}` };
    case "diffusion":
      return { to: `/diffusions/${id}` };
    case "screening_hit":
      return { to: `/hits/${id}` };
    case "trace_request":
      return SEE_ALL.tracesOpen;
    case "referral":
      return SEE_ALL[card];
  }
}

/** How long the item has waited, or when it falls due, in words. */
function timing(card: Key, item: Item, now: number, i18n: I18n): string {
  const words = (ms: number) => durationWords(i18n.lang, ms) ?? i18n.t("dash.lessThanMinute");
  const since = now - new Date(item.since).getTime();
  if (item.due) {
    const left = new Date(item.due).getTime() - now;
    if (card === "noticesRenewal")
      return i18n.t("dash.expiresIn", { duration: words(left), date: i18n.date(item.due) });
    return left < 0
      ? i18n.t("dash.overdueBy", { duration: words(-left) })
      : i18n.t("dash.dueIn", { duration: words(left) });
  }
  if (card === "noticesRefused") return i18n.t("dash.ago", { duration: words(since) });
  return i18n.t("dash.waiting", { duration: words(since) });
}

/** The per-role dashboard: what needs the person now, each count with its longest-waiting items. */
export function DashboardCards() {
  const { t, dateTime } = useI18n();
  const headingId = useId();
  const query = useQuery({
    queryKey: DASHBOARD_KEY,
    queryFn: ({ signal }) => data(client.GET("/api/v1/dashboard", { signal })),
    // Opening a record elsewhere changes the dashboard without a write through this page's client:
    // coming home always reads it again, and an open dashboard keeps its waiting times current.
    staleTime: 0,
    refetchOnMount: "always",
    refetchInterval: 60_000,
  });
  return (
    <section className="dashboard" aria-labelledby={headingId} data-testid="dashboard">
      <h2 id={headingId}>{t("dash.title")}</h2>
      <DataState
        data={query.data}
        error={query.error ?? undefined}
        loading={query.isFetching}
        reload={query.refetch}
      >
        {(d) =>
          d.cards.length === 0 ? (
            <p className="muted" data-testid="dashboard-no-cards">
              {t("dash.noCards")}
            </p>
          ) : (
            <>
              <p className="muted">
                {t("dash.intro")}{" "}
                <span data-testid="dashboard-updated">
                  {t("dash.updated", { time: dateTime(d.generatedAt) })}
                </span>
              </p>
              {d.cards.every((c) => c.count === 0) && (
                <p className="dash-all-clear" data-testid="dashboard-all-clear">
                  {t("dash.allClear")}
                </p>
              )}
              <div className="dash-cards">
                {d.cards.map((c) => (
                  <DashboardCard key={c.key} card={c} now={new Date(d.generatedAt).getTime()} />
                ))}
              </div>
            </>
          )
        }
      </DataState>
    </section>
  );
}

function DashboardCard({ card, now }: { card: Card; now: number }) {
  const i18n = useI18n();
  const { t, num, country } = i18n;
  const me = useMe();
  const headingId = useId();
  const title = t(`dash.card.${card.key}` as MessageKey);
  const all = SEE_ALL[card.key];
  const more = card.count - card.items.length;
  return (
    <article
      className={`dash-card${card.count > 0 ? " dash-card-busy" : ""}`}
      aria-labelledby={headingId}
      data-testid={`dash-card-${card.key}`}
      data-count={card.count}
    >
      <h3 id={headingId}>{title}</h3>
      <p className="dash-count">
        <span className="dash-number" aria-hidden="true">
          {num(card.count)}
        </span>
        <span data-testid={`dash-count-${card.key}`}>
          {t(`dash.count.${card.key}` as MessageKey, { count: card.count })}
        </span>
      </p>
      {card.items.length > 0 && (
        <ol className="dash-items" aria-label={t("dash.oldest")}>
          {card.items.map((item) => {
            const place = placeOf(card.key, item);
            // The other side only: a bureau's own notices need no "from France".
            const who =
              item.country && item.country !== me.country.code
                ? t(card.key === "hitsPending" ? "dash.by" : "dash.from", { country: country(item.country) })
                : null;
            return (
              <li key={item.id}>
                <Link to={place.to} query={place.query} data-testid={`dash-item-${item.id}`}>
                  <bdi>{item.label || t("dash.untitled")}</bdi>
                </Link>
                <span className="dash-meta muted">
                  {[item.reference, who, timing(card.key, item, now, i18n)].filter(Boolean).join(" · ")}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {more > 0 && <p className="muted dash-more">{t("dash.more", { count: more })}</p>}
      <Link to={all.to} query={all.query} className="dash-see-all" data-testid={`dash-see-all-${card.key}`}>
        {t("dash.seeAll", { card: title })}
      </Link>
    </article>
  );
}
