import { type FormEvent, useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { Pager } from "../../components/pager.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { client, data } from "../../lib/api/client.ts";
import { withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, useLocation } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import { useApi } from "../../lib/use-api.ts";
import { useFormat } from "./format.tsx";
import { itemPath } from "./specs.ts";
import type { DueItem, DuePage, ReviewReport, ReviewType } from "./types.ts";
import "./databases.css";

const TYPES: readonly ReviewType[] = [
  "records",
  "travel_documents",
  "firearms",
  "vehicles",
  "cbrne_materials",
];

/**
 * The retention review: the bureau's records due for re-validation or overdue, earliest first, each
 * re-validated from the list; the Secretariat reads any country's list (as oversight) but changes none.
 */
export function ReviewDuePage() {
  const { t } = useI18n();
  const me = useMe();
  const { query } = useLocation();
  const secretariat = me.role === "gs_reviewer" || me.role === "gs_analyst";
  const country = secretariat ? (query.get("country") ?? "") : "";
  const type = query.get("type") ?? "";
  const status = query.get("status") ?? "";
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const [draftCountry, setDraftCountry] = useState(country);
  const [done, setDone] = useState<{ caption: string; reviewAt: string } | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  // The Secretariat has no list of its own: it names the country it oversees.
  const ready = !secretariat || country !== "";
  const list = useApi<DuePage>(
    ready ? withQuery("/review/due", { country, type, status, page, pageSize: 25 }) : null,
  );
  const report = useApi<ReviewReport>(ready ? withQuery("/review/report", { country }) : null);
  const go = (q: Record<string, string | number | undefined>) =>
    navigate("/retention", { country, type, status, ...q });

  const revalidate = async (item: DueItem) => {
    setError(undefined);
    setDone(null);
    try {
      const r = await data(
        client.POST("/api/v1/review/revalidate", { body: { type: item.type, id: item.id } }),
      );
      setDone({ caption: item.caption, reviewAt: r.reviewAt });
      list.reload();
      report.reload();
    } catch (e) {
      setError(e);
    }
  };

  const submitCountry = (e: FormEvent) => {
    e.preventDefault();
    go({ country: draftCountry.trim().toUpperCase(), page: undefined });
  };

  return (
    <>
      <h1>{t("db.review.title")}</h1>
      <p className="muted">{t("db.review.intro")}</p>
      <search>
        <form className="toolbar filters" onSubmit={submitCountry}>
          {secretariat && (
            <TextField
              label={t("db.review.country")}
              value={draftCountry}
              dir="ltr"
              onChange={(e) => setDraftCountry(e.target.value.toUpperCase())}
              testId="review-country"
            />
          )}
          <SelectField
            label={t("db.review.type")}
            value={type}
            onChange={(e) => go({ type: e.target.value })}
            testId="review-type"
          >
            <option value="">{t("common.any")}</option>
            {TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`db.review.type.${x}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("db.field.status")}
            value={status}
            onChange={(e) => go({ status: e.target.value })}
            testId="review-status"
          >
            <option value="">{t("common.any")}</option>
            <option value="overdue">{t("db.review.status.overdue")}</option>
            <option value="due">{t("db.review.status.due")}</option>
          </SelectField>
          {secretariat && (
            <button type="submit" className="btn btn-primary">
              {t("common.search")}
            </button>
          )}
        </form>
      </search>
      {done && (
        <Notice kind="success">
          <span data-testid="revalidated">
            {t("db.review.revalidated", { caption: done.caption })} <DayText iso={done.reviewAt} />
          </span>
        </Notice>
      )}
      <ErrorAlert error={error} />
      {ready && <ReportTable state={report} />}
      <DataState {...list}>
        {(data) => (
          <>
            {data.oversight && (
              <Notice kind="info">{t("db.review.oversight", { country: data.country })}</Notice>
            )}
            {data.items.length === 0 ? (
              <Empty>{t("db.review.empty")}</Empty>
            ) : (
              <>
                <DueTable items={data.items} mayRevalidate={!secretariat} onRevalidate={revalidate} />
                <Pager
                  page={data.page}
                  pageSize={data.pageSize}
                  total={data.total}
                  onPage={(p) => go({ page: p })}
                />
              </>
            )}
          </>
        )}
      </DataState>
    </>
  );
}

function DayText({ iso }: { iso: string }) {
  const f = useFormat();
  return <time dateTime={iso}>{f.day(iso)}</time>;
}

function ReportTable({
  state,
}: {
  state: { data: ReviewReport | undefined; error: unknown; loading: boolean };
}) {
  const { t, num } = useI18n();
  const f = useFormat();
  return (
    <DataState {...state}>
      {(r) => (
        <section className="panel" aria-labelledby="report-heading">
          <h2 id="report-heading">{t("db.review.report", { country: r.country })}</h2>
          <p className="muted">{t("db.review.window", { asOf: f.day(r.asOf), dueBy: f.day(r.dueBy) })}</p>
          <table className="data report-counts" data-testid="review-report">
            <thead>
              <tr>
                <th scope="col">{t("db.review.type")}</th>
                <th scope="col">{t("db.review.status.overdue")}</th>
                <th scope="col">{t("db.review.status.due")}</th>
                <th scope="col">{t("db.review.later")}</th>
              </tr>
            </thead>
            <tbody>
              {r.types.map((x) => (
                <tr key={x.type}>
                  <th scope="row">{t(`db.review.type.${x.type}`)}</th>
                  <td className="num">{num(x.overdue)}</td>
                  <td className="num">{num(x.due)}</td>
                  <td className="num">{num(x.later)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </DataState>
  );
}

function DueTable({
  items,
  mayRevalidate,
  onRevalidate,
}: {
  items: DueItem[];
  mayRevalidate: boolean;
  onRevalidate: (item: DueItem) => Promise<void>;
}) {
  const { t } = useI18n();
  const [pending, setPending] = useState<string | null>(null);
  return (
    <div className="table-wrap">
      <table className="data" data-testid="review-table">
        <thead>
          <tr>
            <th scope="col">{t("db.review.type")}</th>
            <th scope="col">{t("db.review.item")}</th>
            <th scope="col">{t("db.env.reviewAt")}</th>
            <th scope="col">{t("db.field.status")}</th>
            {mayRevalidate && <th scope="col">{t("common.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const path = itemPath(item.type, item.id);
            return (
              <tr key={`${item.type}:${item.id}`} data-testid={`due-${item.id}`}>
                <td>{t(`db.review.type.${item.type}`)}</td>
                <td>
                  {path ? (
                    <Link to={path}>
                      <bdi>{item.caption}</bdi>
                    </Link>
                  ) : (
                    <bdi>{item.caption}</bdi>
                  )}
                </td>
                <td>
                  <DayText iso={item.reviewAt} />
                </td>
                <td>
                  <span className={`badge badge-${item.status === "overdue" ? "overdue" : "soon"}`}>
                    {t(`db.review.status.${item.status}`)}
                  </span>
                </td>
                {mayRevalidate && (
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={pending === item.id}
                      onClick={async () => {
                        setPending(item.id);
                        await onRevalidate(item);
                        setPending(null);
                      }}
                      data-testid={`revalidate-${item.id}`}
                    >
                      {t("db.review.revalidate")}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
