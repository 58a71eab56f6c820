import { type FormEvent, useEffect, useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.tsx";
import { CountryName } from "../../components/country-name.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { Pager } from "../../components/pager.tsx";
import { SortableHeader, type SortState, useUrlSort } from "../../components/sortable-header.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { client, data } from "../../lib/api/client.ts";
import { withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { navigate, useLocation } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import { useApi } from "../../lib/use-api.ts";
import { PartnerForm } from "./partner-form.tsx";
import type { Partner, PartnerPage } from "./types.ts";
import "./referrals.css";

const PAGE_SIZE = 50;

/**
 * The directory of platform partners: analysts look a platform up; the platform operator adds
 * partners, links each to the API client it answers referrals through, edits and retires them.
 */
export function PartnersPage() {
  const { t } = useI18n();
  const me = useMe();
  const keeper = me.role === "admin";
  const { path, query } = useLocation();
  const q = query.get("q") ?? "";
  const active = query.get("active") ?? "";
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const sorting = useUrlSort("name");
  const sort = sorting.sort === "name" ? undefined : sorting.sort;
  const list = useApi<PartnerPage>(
    withQuery("/content/partners", { q, active, sort, page, pageSize: PAGE_SIZE }),
  );
  const [draft, setDraft] = useState({ q, active });
  useEffect(() => setDraft({ q, active }), [q, active]);
  const [editing, setEditing] = useState<Partner | "new" | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const search = (e: FormEvent) => {
    e.preventDefault();
    navigate(path, { q: draft.q.trim(), active: draft.active, sort });
  };
  const done = (p: Partner) => {
    setEditing(null);
    setSaved(t("deadends.partners.saved", { name: p.name }));
    list.reload();
  };
  const [error, setError] = useState<unknown>(undefined);
  const toggle = async (p: Partner) => {
    setError(undefined);
    setSaved(null);
    try {
      const changed = await data(
        client.PATCH("/api/v1/content/partners/{id}", {
          params: { path: { id: p.id } },
          body: { active: !p.active },
        }),
      );
      setSaved(
        t(changed.active ? "deadends.partners.reactivated" : "deadends.partners.retired", { name: p.name }),
      );
      list.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <div className="page-head">
        <h1>{t("deadends.partners.title")}</h1>
        {keeper && editing === null && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              setSaved(null);
              setEditing("new");
            }}
            data-testid="partner-new"
          >
            {t("deadends.partners.new")}
          </button>
        )}
      </div>
      <p className="hint">{t(keeper ? "deadends.partners.introKeeper" : "deadends.partners.intro")}</p>
      {saved && (
        <Notice kind="success">
          <span data-testid="partner-saved">{saved}</span>
        </Notice>
      )}
      <ErrorAlert error={error} />
      {keeper && editing !== null && (
        <PartnerForm
          partner={editing === "new" ? null : editing}
          onSaved={done}
          onCancel={() => setEditing(null)}
        />
      )}
      <search>
        <form className="toolbar" onSubmit={search} data-testid="partners-filters">
          <TextField
            label={t("deadends.partners.search")}
            type="search"
            className="grow"
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            testId="partners-q"
          />
          <SelectField
            label={t("deadends.partners.activeFilter")}
            value={draft.active}
            onChange={(e) => setDraft({ ...draft, active: e.target.value })}
            testId="partners-active"
          >
            <option value="">{t("common.any")}</option>
            <option value="true">{t("deadends.partners.activeOnly")}</option>
            <option value="false">{t("deadends.partners.retiredOnly")}</option>
          </SelectField>
          <button type="submit" className="btn btn-primary" data-testid="partners-search">
            {t("common.search")}
          </button>
        </form>
      </search>
      <DataState {...list}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("deadends.partners.empty")}</Empty>
          ) : (
            <>
              <PartnersTable
                items={data.items}
                sorting={sorting}
                keeper={keeper}
                onEdit={(p) => {
                  setSaved(null);
                  setEditing(p);
                }}
                onToggle={toggle}
              />
              <Pager
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onPage={(p) => navigate(path, { q, active, sort, page: p })}
              />
            </>
          )
        }
      </DataState>
    </>
  );
}

function PartnersTable({
  items,
  sorting,
  keeper,
  onEdit,
  onToggle,
}: {
  items: Partner[];
  sorting: SortState;
  keeper: boolean;
  onEdit: (p: Partner) => void;
  onToggle: (p: Partner) => Promise<void>;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data" data-testid="partners-table">
        <thead>
          <tr>
            <SortableHeader column="name" {...sorting}>
              {t("common.name")}
            </SortableHeader>
            <th scope="col">{t("deadends.partners.legalName")}</th>
            <SortableHeader column="country" {...sorting}>
              {t("common.country")}
            </SortableHeader>
            <th scope="col">{t("deadends.partners.contact")}</th>
            <th scope="col">{t("deadends.partners.channel")}</th>
            <th scope="col">{t("common.status")}</th>
            {keeper && <th scope="col">{t("common.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id} data-testid={`partner-row-${p.name}`}>
              <td>
                <bdi>{p.name}</bdi>
                {p.terms && (
                  <span className="cell-note">
                    <bdi>{p.terms}</bdi>
                  </span>
                )}
              </td>
              <td>
                <bdi>{p.legalName}</bdi>
              </td>
              <td>
                <CountryName code={p.country} />
              </td>
              <td>
                {p.contactEmail && (
                  <a href={`mailto:${p.contactEmail}`} dir="ltr">
                    {p.contactEmail}
                  </a>
                )}
                {p.referralEndpoint && (
                  <span className="cell-note referral-url" dir="ltr">
                    {p.referralEndpoint}
                  </span>
                )}
              </td>
              <td>
                {p.receivesReferrals ? t("deadends.partners.viaApi") : t("deadends.partners.noChannel")}
                {p.clientName && (
                  <span className="cell-note">
                    <bdi>{p.clientName}</bdi>
                  </span>
                )}
              </td>
              <td>
                <span className={`badge ${p.active ? "badge-state-open" : "badge-state-refused"}`}>
                  {t(p.active ? "deadends.partners.active" : "deadends.partners.retiredState")}
                </span>
              </td>
              {keeper && (
                <td className="nowrap">
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => onEdit(p)}
                    aria-label={t("deadends.partners.editOne", { name: p.name })}
                    data-testid={`partner-edit-${p.name}`}
                  >
                    {t("deadends.partners.edit")}
                  </button>{" "}
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => void onToggle(p)}
                    aria-label={t(
                      p.active ? "deadends.partners.retireOne" : "deadends.partners.reactivateOne",
                      {
                        name: p.name,
                      },
                    )}
                    data-testid={`partner-toggle-${p.name}`}
                  >
                    {t(p.active ? "deadends.partners.retire" : "deadends.partners.reactivate")}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
