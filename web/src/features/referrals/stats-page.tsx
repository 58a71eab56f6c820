import { type FormEvent, useEffect, useMemo, useState } from "react";
import { SelectField, TextField } from "../../components/fields.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { withQuery } from "../../lib/api.ts";
import { formatDayMonth } from "../../lib/i18n/dates.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, useLocation } from "../../lib/router.tsx";
import { useApi } from "../../lib/use-api.ts";
import { LineChart, type Series, StackedBarChart } from "./charts.tsx";
import { REFERRAL_STATES, type ReferralState, type Stats } from "./types.ts";
import "./referrals.css";

const STATE_COLORS: Record<ReferralState, string> = {
  open: "#6b7280",
  acknowledged: "#1d4f91",
  removed: "#1e6b3a",
  geo_blocked: "#c98a00",
  refused: "#b42318",
};
const PLATFORM_COLORS = ["#1d4f91", "#b42318", "#1e6b3a", "#7a3e9d", "#c98a00", "#0f766e"];
const DAY_MS = 86_400_000;
const MAX_PERIODS = 370;

/** Every period from the first to the last with data, so gaps show as zero rather than vanish. */
function periodsBetween(starts: string[], period: "day" | "week"): string[] {
  if (starts.length === 0) return [];
  const sorted = [...starts].sort();
  const first = Date.parse(`${sorted[0]}T00:00:00Z`);
  const last = Date.parse(`${sorted[sorted.length - 1]}T00:00:00Z`);
  const step = period === "week" ? 7 * DAY_MS : DAY_MS;
  const out: string[] = [];
  for (let d = first; d <= last && out.length < MAX_PERIODS; d += step)
    out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

export function ReferralStatsPage() {
  const { t } = useI18n();
  const { path, query } = useLocation();
  const period = query.get("period") === "week" ? "week" : "day";
  const from = query.get("from") ?? "";
  const to = query.get("to") ?? "";
  const state = useApi<Stats>(withQuery("/content/referrals/stats", { period, from, to }));
  const [draft, setDraft] = useState({ period, from, to });
  useEffect(() => setDraft({ period, from, to }), [period, from, to]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(path, draft);
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/referrals">{t("referrals.back")}</Link>
      </p>
      <h1>{t("referrals.statsTitle")}</h1>
      <search>
        <form className="toolbar" onSubmit={submit}>
          <SelectField
            label={t("charts.periodLength")}
            value={draft.period}
            onChange={(e) => setDraft((d) => ({ ...d, period: e.target.value as "day" | "week" }))}
            testId="stats-period"
          >
            <option value="day">{t("charts.byDay")}</option>
            <option value="week">{t("charts.byWeek")}</option>
          </SelectField>
          <TextField
            label={t("audit.from")}
            type="date"
            value={draft.from}
            onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
          />
          <TextField
            label={t("audit.to")}
            type="date"
            value={draft.to}
            onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
          />
          <button type="submit" className="btn btn-primary" data-testid="stats-apply">
            {t("content.applyFilters")}
          </button>
        </form>
      </search>
      <DataState {...state}>
        {(data) =>
          data.byPlatform.length === 0 ? <Empty>{t("referrals.noStats")}</Empty> : <StatsView stats={data} />
        }
      </DataState>
    </>
  );
}

function StatsView({ stats }: { stats: Stats }) {
  const { t, num, lang } = useI18n();

  const { labels, byState, median, overdue } = useMemo(() => {
    const periods = periodsBetween(
      stats.byPeriod.map((r) => r.periodStart),
      stats.period,
    );
    // The app's date format without the year, which the chart's title and range already give.
    const labels = periods.map((p) => formatDayMonth(lang, p));
    const index = new Map(periods.map((p, i) => [p, i]));
    const byState: Series[] = REFERRAL_STATES.map((s) => ({
      key: s,
      label: t(`referrals.state.${s}`),
      color: STATE_COLORS[s],
      values: periods.map(() => 0),
    }));
    const overdueValues = periods.map(() => 0);
    const platforms = [...new Map(stats.byPlatform.map((p) => [p.platformClientId, p.platformName]))];
    const median: Series[] = platforms.map(([id, name], k) => ({
      key: id,
      label: name,
      color: PLATFORM_COLORS[k % PLATFORM_COLORS.length] ?? "#1d4f91",
      values: periods.map(() => null),
    }));
    for (const row of stats.byPeriod) {
      const i = index.get(row.periodStart);
      if (i === undefined) continue;
      for (const s of byState) s.values[i] = (s.values[i] ?? 0) + (row.byState[s.key as ReferralState] ?? 0);
      overdueValues[i] = (overdueValues[i] ?? 0) + row.overdue;
      const line = median.find((m) => m.key === row.platformClientId);
      if (line) line.values[i] = row.medianMinutesToAction;
    }
    const overdue: Series[] = [
      { key: "overdue", label: t("referrals.overdue"), color: "#b42318", values: overdueValues },
    ];
    return { labels, byState, median, overdue };
  }, [stats, lang, t]);

  const total = stats.byPlatform.reduce((sum, r) => sum + r.total, 0);
  const removed = stats.byPlatform.reduce((sum, r) => sum + (r.byState.removed ?? 0), 0);

  return (
    <>
      <div className="chart-grid-2">
        <StackedBarChart
          title={t("charts.referralsTitle")}
          desc={t("charts.referralsDesc", {
            total,
            removed,
            periods: labels.length,
          })}
          categories={labels}
          series={byState}
          testId="chart-referrals"
        />
        <LineChart
          title={t("charts.medianTitle")}
          desc={t("charts.medianDesc")}
          categories={labels}
          series={median}
          unit={t("charts.minutes")}
          testId="chart-median"
        />
        <StackedBarChart
          title={t("charts.overdueTitle")}
          desc={t("charts.overdueDesc")}
          categories={labels}
          series={overdue}
          testId="chart-overdue"
        />
      </div>
      <h2>{t("referrals.byPlatform")}</h2>
      <div className="table-wrap">
        <table className="data" data-testid="stats-table">
          <thead>
            <tr>
              <th scope="col">{t("referrals.platform")}</th>
              <th scope="col" className="num">
                {t("referrals.total")}
              </th>
              {REFERRAL_STATES.map((s) => (
                <th key={s} scope="col" className="num">
                  {t(`referrals.state.${s}`)}
                </th>
              ))}
              <th scope="col" className="num">
                {t("referrals.overdue")}
              </th>
              <th scope="col" className="num">
                {t("referrals.median")}
              </th>
            </tr>
          </thead>
          <tbody>
            {stats.byPlatform.map((r) => (
              <tr key={r.platformClientId}>
                <th scope="row">
                  <bdi>{r.platformName}</bdi>
                </th>
                <td className="num">{num(r.total)}</td>
                {REFERRAL_STATES.map((s) => (
                  <td key={s} className="num">
                    {num(r.byState[s] ?? 0)}
                  </td>
                ))}
                <td className="num">{num(r.overdue)}</td>
                <td className="num">
                  {r.medianMinutesToAction === null
                    ? "—"
                    : t("referrals.minutesValue", { n: num(r.medianMinutesToAction) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
