import { useCallback, useState } from "react";
import { SelectField } from "../../components/fields.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { navigate, useLocation } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import { useApi } from "../../lib/use-api.ts";
import { hitsPath } from "./api.ts";
import { HitsTable } from "./hits-table.tsx";
import type { HitList, HitState, StoredHit } from "./types.ts";
import { useHitStream } from "./use-hit-stream.ts";
import "./screening.css";

type Role = "" | "owner" | "checker";
const STATES = ["pending", "confirmed", "rejected"] as const;

/** The filters live in the address, so Back returns to the same view. */
function useFilters(): { state: HitState | ""; role: Role } {
  const { query } = useLocation();
  const state = query.get("state") ?? "";
  const role = query.get("role") ?? "";
  return {
    state: (STATES as readonly string[]).includes(state) ? (state as HitState) : "",
    role: role === "owner" || role === "checker" ? role : "",
  };
}

export function HitsInboxPage() {
  const i18n = useI18n();
  const { t, num } = i18n;
  const me = useMe();
  const filters = useFilters();
  const list = useApi<HitList>(hitsPath(filters));
  const [arrived, setArrived] = useState<StoredHit[]>([]);
  const [latest, setLatest] = useState<StoredHit | null>(null);

  // A live hit joins the list when the current filters would have listed it.
  const fits = useCallback(
    (h: StoredHit) =>
      (!filters.state || h.state === filters.state) &&
      (filters.role !== "owner" || h.owner === me.country.code) &&
      (filters.role !== "checker" || h.checkedByCountry === me.country.code),
    [filters.state, filters.role, me.country.code],
  );
  const onHit = (h: StoredHit) => {
    if (!fits(h)) return;
    setArrived((a) => (a.some((x) => x.id === h.id) ? a : [h, ...a]));
    setLatest(h);
  };
  const stream = useHitStream(onHit, list.reload);

  const merge = (data: HitList) => {
    const known = new Set(data.items.map((h) => h.id));
    const fresh = arrived.filter((h) => !known.has(h.id) && fits(h));
    const items = [...fresh, ...data.items].sort((a, b) => b.seq - a.seq);
    const pendingMine = fresh.filter((h) => h.state === "pending" && h.owner === me.country.code).length;
    return { items, pending: data.pending + pendingMine };
  };
  const isNew = new Set(arrived.map((h) => h.id));

  return (
    <>
      <div className="page-head">
        <h1>{t("scr.inbox.title")}</h1>
        {list.data && (
          <span className="badge badge-h2 pending-count" data-testid="pending-count">
            {t("scr.inbox.pending", { n: num(merge(list.data).pending) })}
          </span>
        )}
      </div>
      <p className="muted">{t("scr.inbox.intro")}</p>
      <p
        className="live-line muted"
        role="status"
        aria-live="polite"
        data-testid="live-status"
        data-state={stream}
      >
        {stream === "lost" ? t("scr.inbox.reconnecting") : t("scr.inbox.live")}
        {latest && " "}
        {latest && (
          <span className="arrived" data-testid="arrived-notice">
            {t("scr.inbox.arrived", {
              name: latest.traveller.name ?? latest.reference ?? "",
              country: latest.checkedByCountry,
            })}
          </span>
        )}
      </p>
      <div className="toolbar">
        <SelectField
          label={t("scr.inbox.filterState")}
          value={filters.state}
          onChange={(e) => navigate("/hits", { ...filters, state: e.target.value })}
          testId="filter-state"
        >
          <option value="">{t("scr.inbox.all")}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`scr.state.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("scr.inbox.filterRole")}
          value={filters.role}
          onChange={(e) => navigate("/hits", { ...filters, role: e.target.value })}
          testId="filter-role"
        >
          <option value="">{t("scr.inbox.role.all")}</option>
          <option value="owner">{t("scr.inbox.role.owner")}</option>
          <option value="checker">{t("scr.inbox.role.checker")}</option>
        </SelectField>
      </div>
      <DataState {...list}>
        {(data) => {
          const { items } = merge(data);
          return items.length === 0 ? (
            <Empty>{t("scr.inbox.empty")}</Empty>
          ) : (
            <HitsTable items={items} isNew={isNew} />
          );
        }}
      </DataState>
    </>
  );
}
