import { useEffect, useId, useRef, useState } from "react";
import { Notice } from "../../components/alert.tsx";
import { Pager } from "../../components/pager.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { scoreText } from "./explanation-view.tsx";
import { ResultPanel } from "./result-panel.tsx";
import { calendarDate, codeText, problemSentence } from "./texts.ts";
import type { ManifestResult, ManifestRow } from "./types.ts";

type Outcome = "hit" | "clear" | "unreadable" | "instruction";
type Show = "all" | "hit" | "clear" | "unreadable";
const PAGE_SIZE = 100;

function outcomeOf(row: ManifestRow): Outcome {
  if (!row.result) return "unreadable";
  if (row.result.discreet) return "instruction";
  return row.result.hit ? "hit" : "clear";
}

const shown = (show: Show, o: Outcome) =>
  show === "all" || o === show || (show === "hit" && o === "instruction");

/** One line per passenger: hits, clear, unreadable (with the reasons); each opens its full answer. */
export function ManifestResults({ result: r }: { result: ManifestResult }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const [show, setShow] = useState<Show>("all");
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<ManifestRow | null>(null);
  const rows = r.passengers.filter((p) => shown(show, outcomeOf(p)));
  const visible = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const selectId = useId();

  return (
    <section className="panel" aria-labelledby="manifest-results-heading" data-testid="manifest-results">
      <h2 id="manifest-results-heading">{t("scr.manifest.done")}</h2>
      <Notice kind={r.summary.hits ? "warning" : "success"}>
        <span data-testid="manifest-summary">
          {t("scr.manifest.summary", {
            passengers: num(r.summary.passengers),
            screened: num(r.summary.screened),
            unreadable: num(r.summary.unreadable),
            hits: num(r.summary.hits),
          })}
        </span>{" "}
        <span className="muted">
          {t("scr.manifest.readAs", { format: codeText(i18n, "scr.format.", r.format) })}
        </span>
      </Notice>
      {r.problems.length > 0 && (
        <div className="alert alert-warning" data-testid="manifest-file-problems">
          <p>
            <strong>{t("scr.manifest.fileProblems")}</strong>
          </p>
          <ul>
            {r.problems.map((p) => (
              <li key={`${p.field}:${p.message}`}>
                <bdi>{p.message}</bdi>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="toolbar">
        <div className="field">
          <label htmlFor={selectId}>{t("scr.manifest.show")}</label>
          <select
            id={selectId}
            value={show}
            onChange={(e) => {
              setShow(e.target.value as Show);
              setPage(1);
            }}
            data-testid="manifest-show"
          >
            {(["all", "hit", "clear", "unreadable"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`scr.manifest.show.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {visible.length === 0 ? (
        <p className="empty">{t("scr.manifest.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="manifest-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("scr.manifest.col.position")}
                </th>
                <th scope="col">{t("scr.manifest.col.id")}</th>
                <th scope="col">{t("scr.field.name")}</th>
                <th scope="col">{t("scr.field.dateOfBirth")}</th>
                <th scope="col">{t("scr.field.documentNumber")}</th>
                <th scope="col">{t("scr.manifest.col.outcome")}</th>
                <th scope="col">{t("scr.manifest.col.detail")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("scr.manifest.open")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((p) => (
                <PassengerRow key={p.position} row={p} onOpen={() => setOpen(p)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > PAGE_SIZE && (
        <Pager page={page} pageSize={PAGE_SIZE} total={rows.length} onPage={setPage} />
      )}
      {open && <PassengerDetail row={open} onClose={() => setOpen(null)} />}
    </section>
  );
}

function PassengerRow({ row, onOpen }: { row: ManifestRow; onOpen: () => void }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const outcome = outcomeOf(row);
  const best = row.result?.discreet ? undefined : row.result?.hits.find((h) => h.match);
  // An unreadable row has no passenger as read: its reasons stand in the detail column.
  const p = row.traveller;
  return (
    <tr data-testid="manifest-row" data-outcome={outcome} data-id={row.id}>
      <td className="num">{num(row.position)}</td>
      <td>
        <bdi>{row.id}</bdi>
      </td>
      <td data-testid="manifest-name">{p?.name ? <bdi>{p.name}</bdi> : "—"}</td>
      <td data-testid="manifest-dob">
        {p?.dateOfBirth ? <time dateTime={p.dateOfBirth}>{calendarDate(i18n, p.dateOfBirth)}</time> : "—"}
      </td>
      <td data-testid="manifest-document">
        {p?.documentNumber ? <bdi dir="ltr">{p.documentNumber}</bdi> : "—"}
      </td>
      <td>
        <span className={`badge outcome-${outcome}`}>{t(`scr.outcome.${outcome}`)}</span>
      </td>
      <td>
        {best && (
          <>
            <bdi>{best.caption}</bdi> (<bdi>{scoreText(best.score, i18n)}</bdi>)
          </>
        )}
        {row.problems.length > 0 && (
          <ul className="reasons">
            {row.problems.map((p) => (
              <li key={`${p.field}:${p.message}`}>
                <bdi>{problemSentence(i18n, p.field, p.message)}</bdi>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <button type="button" className="btn btn-small" onClick={onOpen} data-testid="manifest-open">
          {t("scr.manifest.open")}
        </button>
      </td>
    </tr>
  );
}

function PassengerDetail({ row, onClose }: { row: ManifestRow; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ref = useRef<HTMLElement>(null);
  const headingId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to each newly opened passenger
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: "start" });
  }, [row]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="passenger-detail"
      aria-labelledby={headingId}
      data-testid="passenger-detail"
    >
      <div className="page-head">
        <h3 id={headingId}>{t("scr.manifest.passenger", { id: row.id })}</h3>
        <button type="button" className="btn btn-small" onClick={onClose} data-testid="passenger-close">
          {t("scr.manifest.close")}
        </button>
      </div>
      {row.result ? (
        <ResultPanel result={row.result} />
      ) : (
        <div className="alert alert-error">
          <p>{t("scr.outcome.unreadable")}</p>
          <ul>
            {row.problems.map((p) => (
              <li key={`${p.field}:${p.message}`}>
                <bdi>{problemSentence(i18n, p.field, p.message)}</bdi>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
