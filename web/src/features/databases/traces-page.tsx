import { type FormEvent, useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.tsx";
import { CountryName } from "../../components/country-name.tsx";
import { TextAreaField } from "../../components/fields.tsx";
import { Pager } from "../../components/pager.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { client, data } from "../../lib/api/client.ts";
import { withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, segment, useLocation } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import type { Page } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { DbTabs } from "./db-tabs.tsx";
import { useFormat } from "./format.tsx";
import type { TraceRequest } from "./types.ts";

const BOXES = ["received", "sent", "all"] as const;

/** Trace requests the bureau sent or received (the Secretariat: all), answered from the list. */
export function TracesPage() {
  const { t } = useI18n();
  const me = useMe();
  const { query } = useLocation();
  const bureau = me.role === "ncb_officer" || me.role === "ncb_admin";
  const box = (BOXES as readonly string[]).includes(query.get("box") ?? "")
    ? (query.get("box") as string)
    : bureau
      ? "received"
      : "all";
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const state = useApi<Page<TraceRequest>>(withQuery("/trace-requests", { box, page, pageSize: 25 }));
  return (
    <>
      <DbTabs current="traces" />
      <h1>{t("db.traces")}</h1>
      {query.get("sent") && <Notice kind="success">{t("db.trace.sentDone")}</Notice>}
      <nav className="tabs" aria-label={t("db.trace.boxes")}>
        {BOXES.map((b) => (
          <Link
            key={b}
            to="/databases/traces"
            query={{ box: b }}
            aria-current={b === box ? "page" : undefined}
            data-testid={`trace-box-${b}`}
          >
            {t(`db.trace.box.${b}`)}
          </Link>
        ))}
      </nav>
      <DataState {...state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("db.trace.empty")}</Empty>
          ) : (
            <>
              <div className="table-wrap">
                <table className="data" data-testid="traces-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("db.firearm")}</th>
                      <th scope="col">{t("db.trace.from")}</th>
                      <th scope="col">{t("db.trace.to")}</th>
                      <th scope="col">{t("db.trace.question")}</th>
                      <th scope="col">{t("db.trace.deadline")}</th>
                      <th scope="col">{t("db.field.status")}</th>
                      <th scope="col">{t("db.trace.reply")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((r) => (
                      <TraceRow
                        key={r.id}
                        r={r}
                        mayAnswer={bureau && r.addressedCountry === me.country.code}
                        onDone={state.reload}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onPage={(p) => navigate("/databases/traces", { box, page: p })}
              />
            </>
          )
        }
      </DataState>
    </>
  );
}

function TraceRow({ r, mayAnswer, onDone }: { r: TraceRequest; mayAnswer: boolean; onDone: () => void }) {
  const { t } = useI18n();
  const f = useFormat();
  const open = r.status === "open" || r.status === "overdue";
  return (
    <tr data-testid={`trace-${r.id}`}>
      <td>
        {r.firearm ? (
          <Link to={`/databases/firearms/${segment(r.firearm.id)}`}>
            <bdi>
              {r.firearm.make} <code>{r.firearm.serialNumber}</code>
            </bdi>
          </Link>
        ) : (
          <span className="muted">{t("db.trace.firearmHidden")}</span>
        )}
      </td>
      <td>
        <CountryName code={r.requestingCountry} />
      </td>
      <td>
        <CountryName code={r.addressedCountry} />
      </td>
      <td>
        <bdi className="pre">{r.question}</bdi>
      </td>
      <td>
        <time dateTime={r.deadline}>{f.day(r.deadline)}</time>
      </td>
      <td>
        <span
          className={`badge badge-${r.status === "overdue" ? "overdue" : r.status === "open" ? "soon" : "off"}`}
        >
          {t(`db.trace.status.${r.status}`)}
        </span>
      </td>
      <td>
        {r.reply && <bdi className="pre">{r.reply}</bdi>}
        {open && mayAnswer && <AnswerForm id={r.id} onDone={onDone} />}
      </td>
    </tr>
  );
}

/** Reply or decline, once: the server refuses a second answer (409). */
function AnswerForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [error, setError] = useState<unknown>(undefined);
  const [pending, setPending] = useState(false);
  const send = (kind: "reply" | "decline") => async (e?: FormEvent) => {
    e?.preventDefault();
    if (!text.trim()) {
      setError(
        new Error(
          t("db.error.required", { label: t(kind === "reply" ? "db.trace.reply" : "db.trace.reason") }),
        ),
      );
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const path = { params: { path: { id } } };
      await data(
        kind === "reply"
          ? client.POST("/api/v1/trace-requests/{id}/reply", { ...path, body: { reply: text.trim() } })
          : client.POST(`/api/v1/trace-requests/{id}/${kind}`, { ...path, body: { reason: text.trim() } }),
      );
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="inline-form" onSubmit={send("reply")} data-testid="trace-answer">
      {error instanceof Error && !("status" in error) ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : (
        <ErrorAlert error={error} />
      )}
      <TextAreaField
        label={t("db.trace.answer")}
        value={text}
        rows={2}
        onChange={(e) => setText(e.target.value)}
        testId="trace-answer-text"
      />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary btn-small"
          disabled={pending}
          data-testid="trace-reply"
        >
          {t("db.trace.doReply")}
        </button>
        <button
          type="button"
          className="btn btn-danger-outline btn-small"
          disabled={pending}
          onClick={() => void send("decline")()}
          data-testid="trace-decline"
        >
          {t("db.trace.doDecline")}
        </button>
      </div>
    </form>
  );
}
