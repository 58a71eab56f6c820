import { type FormEvent, useEffect, useState } from "react";
import { CountryList, CountryName } from "../../components/country-name.tsx";
import { SelectField } from "../../components/fields.tsx";
import { HashValue } from "../../components/hash-value.tsx";
import { SortableHeader, type SortState, useUrlSort } from "../../components/sortable-header.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, useLocation } from "../../lib/router.tsx";
import { useApi } from "../../lib/use-api.ts";
import { Deadline } from "./countdown.tsx";
import { CreateReferralForm } from "./create-referral-form.tsx";
import { REFERRAL_STATES, type Referral, type ReferralPage } from "./types.ts";
import "./referrals.css";

const PAGE_SIZE = 100;

export function ReferralsPage() {
  const { t } = useI18n();
  const { path, query } = useLocation();
  const state = query.get("state") ?? "";
  const overdue = query.get("overdue") ?? "";
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const entry = query.get("entry") ?? "";
  const sorting = useUrlSort("-createdAt");
  const sort = sorting.sort === "-createdAt" ? undefined : sorting.sort;
  const list = useApi<ReferralPage>(
    withQuery("/content/referrals", { state, overdue, sort, page, pageSize: PAGE_SIZE }),
  );
  const [creating, setCreating] = useState(entry !== "");
  const [created, setCreated] = useState<Referral | null>(null);
  const [draft, setDraft] = useState({ state, overdue });
  useEffect(() => setDraft({ state, overdue }), [state, overdue]);

  const filter = (e: FormEvent) => {
    e.preventDefault();
    navigate(path, { ...draft, sort });
  };

  return (
    <>
      <div className="page-head">
        <h1>{t("referrals.title")}</h1>
        <div className="form-actions">
          <Link to="/referrals/stats" className="btn" data-testid="referrals-stats-link">
            {t("referrals.statsTitle")}
          </Link>
          {!creating && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                setCreated(null);
                setCreating(true);
              }}
              data-testid="referral-new"
            >
              {t("referrals.new")}
            </button>
          )}
        </div>
      </div>
      <div role="status" className="status-line">
        {created && (
          <p className="alert alert-success" data-testid="referral-created">
            {t("referrals.created", { platform: created.platformName })}
          </p>
        )}
      </div>
      {creating && (
        <CreateReferralForm
          initialEntryId={entry}
          onCancel={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false);
            setCreated(r);
            list.reload();
            if (entry) navigate(path, { state, overdue, sort }, { replace: true });
          }}
        />
      )}
      <search>
        <form className="toolbar" onSubmit={filter}>
          <SelectField
            label={t("referrals.state")}
            value={draft.state}
            onChange={(e) => setDraft((d) => ({ ...d, state: e.target.value }))}
            testId="referrals-state"
          >
            <option value="">{t("common.any")}</option>
            {REFERRAL_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`referrals.state.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("referrals.deadlineFilter")}
            value={draft.overdue}
            onChange={(e) => setDraft((d) => ({ ...d, overdue: e.target.value }))}
            testId="referrals-overdue"
          >
            <option value="">{t("common.any")}</option>
            <option value="true">{t("referrals.onlyOverdue")}</option>
            <option value="false">{t("referrals.notOverdue")}</option>
          </SelectField>
          <button type="submit" className="btn btn-primary" data-testid="referrals-filter">
            {t("content.applyFilters")}
          </button>
        </form>
      </search>
      <DataState {...list}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("referrals.empty")}</Empty>
          ) : (
            <>
              <Board items={data.items} sorting={sorting} />
              <nav className="pager" aria-label={t("pager.label")}>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={page <= 1}
                  onClick={() => navigate(path, { state, overdue, sort, page: page - 1 })}
                >
                  {t("pager.prev")}
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={data.items.length < data.pageSize}
                  onClick={() => navigate(path, { state, overdue, sort, page: page + 1 })}
                >
                  {t("pager.next")}
                </button>
              </nav>
            </>
          )
        }
      </DataState>
    </>
  );
}

/** One section per platform, each with its referrals in the order the API sends them (the sort). */
function Board({ items, sorting }: { items: Referral[]; sorting: SortState }) {
  const { t } = useI18n();
  const groups = new Map<string, Referral[]>();
  for (const r of items) groups.set(r.platformClientId, [...(groups.get(r.platformClientId) ?? []), r]);
  return (
    <div className="board" data-testid="referral-board">
      {[...groups].map(([platformId, list]) => {
        const overdue = list.filter((r) => r.overdue).length;
        const headingId = `platform-${platformId}`;
        return (
          <section key={platformId} className="board-platform" aria-labelledby={headingId}>
            <h2 id={headingId}>
              <bdi>{list[0]?.platformName}</bdi>{" "}
              <span className="muted">({t("referrals.count", { count: list.length })})</span>
              {overdue > 0 && (
                <span className="badge badge-overdue sep">
                  {t("referrals.overdueCount", { count: overdue })}
                </span>
              )}
            </h2>
            <ReferralTable items={list} sorting={sorting} />
          </section>
        );
      })}
    </div>
  );
}

function ReferralTable({ items, sorting }: { items: Referral[]; sorting: SortState }) {
  const { t, dateTime } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data" data-testid="referrals-table">
        <thead>
          <tr>
            <th scope="col">{t("referrals.content")}</th>
            <th scope="col">{t("referrals.legalBasis")}</th>
            <SortableHeader column="createdAt" firstDescending {...sorting}>
              {t("referrals.referred")}
            </SortableHeader>
            <SortableHeader column="deadline" {...sorting}>
              {t("referrals.deadline")}
            </SortableHeader>
            <SortableHeader column="state" {...sorting}>
              {t("referrals.stateOutcome")}
            </SortableHeader>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr
              key={r.id}
              className={r.overdue ? "row-overdue" : undefined}
              data-testid={`referral-row-${r.id}`}
            >
              <td>
                {r.url && (
                  <span className="referral-url" dir="ltr">
                    {r.url}
                  </span>
                )}
                {r.hash && (
                  <span className="cell-note">
                    <code>{r.hash.signalType}</code> <HashValue value={r.hash.value} />{" "}
                    <span className="muted">#{r.hash.entryId}</span>
                  </span>
                )}
                {r.note && (
                  <span className="cell-note">
                    <bdi>{r.note}</bdi>
                  </span>
                )}
              </td>
              <td>
                <span className={`badge badge-basis-${r.legalBasis}`}>
                  {t(`referrals.basis.${r.legalBasis}`)}
                </span>
              </td>
              <td>
                <time dateTime={r.createdAt}>{dateTime(r.createdAt)}</time>
                <span className="cell-note">
                  <CountryName code={r.referringCountry} />
                </span>
              </td>
              <td>
                <Deadline referral={r} />
              </td>
              <td>
                <span className={`badge badge-state-${r.state}`} data-testid="referral-state">
                  {t(`referrals.state.${r.state}`)}
                </span>
                {r.state === "geo_blocked" && r.geoBlockedCountries.length > 0 && (
                  <span className="cell-note">
                    <CountryList codes={r.geoBlockedCountries} />
                  </span>
                )}
                {r.outcomeReason && (
                  <span className="cell-note">
                    <bdi>{r.outcomeReason}</bdi>
                  </span>
                )}
                {r.resolvedAt && (
                  <span className="cell-note">
                    <time dateTime={r.resolvedAt}>{dateTime(r.resolvedAt)}</time>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
