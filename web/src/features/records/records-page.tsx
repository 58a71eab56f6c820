import { type FormEvent, useEffect, useState } from "react";
import { SelectField, TextField } from "../../components/fields.tsx";
import { Pager } from "../../components/pager.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, segment, useLocation } from "../../lib/router.tsx";
import type { Page } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { Distribution, Evaluation, HandlingBadge, ReviewDate } from "./envelope.tsx";
import { type IntelRecord, SCHEMATA } from "./types.ts";

const PAGE_SIZE = 25;

export function RecordsPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  // The search lives in the address, so Back returns to the same results and a search can be shared.
  const q = query.get("q") ?? "";
  const schema = query.get("schema") ?? "";
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const [draftQ, setDraftQ] = useState(q);
  const [draftSchema, setDraftSchema] = useState(schema);

  useEffect(() => {
    setDraftQ(q);
    setDraftSchema(schema);
  }, [q, schema]);

  const state = useApi<Page<IntelRecord>>(withQuery("/records", { q, schema, page, pageSize: PAGE_SIZE }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate("/records", { q: draftQ.trim(), schema: draftSchema });
  };

  return (
    <>
      <h1>{t("records.title")}</h1>
      <search>
        <form className="toolbar" onSubmit={submit}>
          <TextField
            label={t("records.query")}
            type="search"
            className="grow"
            placeholder={t("records.queryPlaceholder")}
            value={draftQ}
            onChange={(e) => setDraftQ(e.target.value)}
            testId="records-q"
          />
          <SelectField
            label={t("records.schema")}
            value={draftSchema}
            onChange={(e) => setDraftSchema(e.target.value)}
            testId="records-schema"
          >
            <option value="">{t("records.allSchemata")}</option>
            {SCHEMATA.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="btn btn-primary" data-testid="records-search">
            {t("common.search")}
          </button>
        </form>
      </search>
      <DataState {...state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("records.empty")}</Empty>
          ) : (
            <>
              <RecordsTable items={data.items} />
              <Pager
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onPage={(p) => navigate("/records", { q, schema, page: p })}
              />
            </>
          )
        }
      </DataState>
    </>
  );
}

function RecordsTable({ items }: { items: IntelRecord[] }) {
  const { t, date } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data" data-testid="records-table">
        <thead>
          <tr>
            <th scope="col">{t("records.caption")}</th>
            <th scope="col">{t("records.schema")}</th>
            <th scope="col">{t("records.owner")}</th>
            <th scope="col">{t("records.distribution")}</th>
            <th scope="col">{t("records.handling")}</th>
            <th scope="col">{t("records.evaluation")}</th>
            <th scope="col">{t("records.review")}</th>
            <th scope="col">{t("records.updated")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/records/${segment(r.id)}`}>
                  <bdi>{r.caption || r.id}</bdi>
                </Link>
              </td>
              <td>{r.schema}</td>
              <td>
                <code>{r.envelope.owner}</code>
              </td>
              <td>
                <Distribution envelope={r.envelope} />
              </td>
              <td>
                <HandlingBadge envelope={r.envelope} />
              </td>
              <td>
                <Evaluation envelope={r.envelope} />
              </td>
              <td>
                <ReviewDate iso={r.envelope.reviewAt} />
              </td>
              <td>
                <time dateTime={r.updatedAt}>{date(r.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
