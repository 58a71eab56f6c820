import { type ReactNode, useState } from "react";
import { ErrorAlert, Notice as Status } from "../../components/alert.tsx";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { SelectField, TextAreaField, TextField } from "../../components/fields.tsx";
import { DataState } from "../../components/states.tsx";
import { hasOwnText, type MessageKey, useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, segment, useLocation } from "../../lib/router.tsx";
import { useApi } from "../../lib/use-api.ts";
import { useSubmit } from "../../lib/use-submit.ts";
import { useMe } from "../auth/session.tsx";
import { Distribution, HandlingBadge } from "../records/envelope.tsx";
import { type ActionBody, type ActionPath, noticeAction } from "./api.ts";
import { FindingsPanel, Flags, ReasonsAction, StateBadge, TypeBadge } from "./parts.tsx";
import { RequestView } from "./request-view.tsx";
import { LANGUAGES, type Notice, type NoticeEvent } from "./types.ts";

/** An owner may suspend for at most six months (rules/lifecycle.ts). */
const MAX_SUSPENSION_MONTHS = 6;

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});

export const noticeTitle = (n: Notice): string => {
  const title = o(n.request.title);
  return typeof title.text === "string" ? title.text : n.id;
};

/** The notice page; in "review" mode (the GS decision screen) the findings and decision come first. */
export function NoticeDetailPage({ id, mode = "view" }: { id: string; mode?: "view" | "review" }) {
  const { t } = useI18n();
  const notice = useApi<Notice>(`/notices/${segment(id)}`);
  const history = useApi<{ items: NoticeEvent[] }>(`/notices/${segment(id)}/history`);
  const [done, setDone] = useState<string | null>(null);
  const { query } = useLocation();

  const acted = (message: string) => {
    setDone(message);
    notice.reload();
    history.reload();
  };

  return (
    <>
      <p className="breadcrumb">
        {mode === "review" ? (
          <Link to="/review">{t("review.back")}</Link>
        ) : (
          <Link to="/notices">{t("notices.back")}</Link>
        )}
      </p>
      {query.get("submitted") && !done && (
        <Status kind="success">
          <span data-testid="notice-submitted">{t("notices.submittedDone")}</span>
        </Status>
      )}
      {done && (
        <Status kind="success">
          <span data-testid="notice-action-done">{done}</span>
        </Status>
      )}
      <DataState {...notice}>
        {(n) => (
          <>
            {n.state === "draft" && <ReturnedBanner events={history.data?.items ?? []} />}
            <NoticeView notice={n} mode={mode} onDone={acted}>
              <section className="panel" aria-labelledby="history-heading">
                <h2 id="history-heading">{t("notices.history")}</h2>
                <DataState {...history}>{(h) => <Timeline events={h.items} />}</DataState>
              </section>
            </NoticeView>
          </>
        )}
      </DataState>
    </>
  );
}

/** A draft the General Secretariat sent back: what it asks for, before anything else. */
function ReturnedBanner({ events }: { events: NoticeEvent[] }) {
  const { t } = useI18n();
  const last = events.at(-1);
  if (last?.action !== "return_to_owner") return null;
  return (
    <div className="alert alert-warning" role="note" data-testid="notice-returned-banner">
      <strong>{t("notices.returnedTitle")}</strong> <bdi>{last.reasons ?? ""}</bdi>
    </div>
  );
}

function NoticeView({
  notice: n,
  mode,
  onDone,
  children,
}: {
  notice: Notice;
  mode: "view" | "review";
  onDone: (message: string) => void;
  children: ReactNode;
}) {
  const { t, dateTime, date } = useI18n();
  // The decision screen puts findings and decision first while the request awaits review.
  const deciding = mode === "review" && (n.state === "submitted" || n.state === "under_review");
  const findings = (
    <FindingsPanel findings={n.findings} heading={t("notices.findings")} testId="notice-findings" />
  );
  return (
    <article aria-labelledby="notice-title">
      <div className="page-head">
        <h1 id="notice-title">
          <bdi>{noticeTitle(n)}</bdi>
        </h1>
        <p className="notice-badges">
          <TypeBadge type={n.type} /> <StateBadge state={n.state} />{" "}
          {n.noticeNumber && (
            <code data-testid="notice-number" dir="ltr">
              {n.noticeNumber}
            </code>
          )}
        </p>
      </div>
      {deciding ? (
        <div className="detail-grid">
          {findings}
          <DecisionPanel notice={n} onDone={onDone} />
        </div>
      ) : (
        <ActionsPanel notice={n} onDone={onDone} />
      )}
      <div className="detail-grid">
        <section className="panel" aria-labelledby="facts-heading">
          <h2 id="facts-heading">{t("notices.facts")}</h2>
          <dl className="kv" data-testid="notice-facts">
            <dt>{t("records.owner")}</dt>
            <dd>
              <code>{n.envelope.owner}</code>
            </dd>
            <dt>{t("notices.risk")}</dt>
            <dd>
              {n.riskScore} <Flags findings={n.findings} />
            </dd>
            <dt>{t("records.distribution")}</dt>
            <dd>
              <Distribution envelope={n.envelope} />
            </dd>
            <dt>{t("records.handling")}</dt>
            <dd>
              <HandlingBadge envelope={n.envelope} /> {t(`handling.${n.envelope.handlingCode}`)}
            </dd>
            <dt>{t("notices.publicExtract")}</dt>
            <dd data-testid="notice-public">{n.publicExtract ? t("common.yes") : t("common.no")}</dd>
            <dt>{t("records.created")}</dt>
            <dd>{dateTime(n.createdAt)}</dd>
            {n.submittedAt && (
              <>
                <dt>{t("notices.submittedAt")}</dt>
                <dd>{dateTime(n.submittedAt)}</dd>
              </>
            )}
            {n.publishedAt && (
              <>
                <dt>{t("notices.publishedAt")}</dt>
                <dd>{dateTime(n.publishedAt)}</dd>
              </>
            )}
            {n.validUntil && (
              <>
                <dt>{t("notices.validUntil")}</dt>
                <dd>{date(n.validUntil)}</dd>
              </>
            )}
            {n.suspendedUntil && (
              <>
                <dt>{t("notices.suspendedUntil")}</dt>
                <dd>{date(n.suspendedUntil)}</dd>
              </>
            )}
          </dl>
        </section>
        {!deciding && findings}
      </div>
      <RequestView request={n.request} />
      <Addenda notice={n} />
      {children}
    </article>
  );
}

function Addenda({ notice }: { notice: Notice }) {
  const { t, dateTime } = useI18n();
  if (notice.addenda.length === 0 && !notice.allowedActions.includes("add_addendum")) return null;
  return (
    <section className="panel" aria-labelledby="addenda-heading" data-testid="notice-addenda">
      <h2 id="addenda-heading">{t("notices.addenda")}</h2>
      {notice.addenda.length === 0 ? (
        <p className="muted">{t("notices.noAddenda")}</p>
      ) : (
        <ol className="timeline">
          {notice.addenda.map((a, i) => {
            const text = o(a.text);
            const at = typeof a.at === "string" ? a.at : "";
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: addenda are append-only, in order
              <li key={i}>
                <time dateTime={at}>{dateTime(at)}</time>{" "}
                <span className="muted">
                  {a.by === "gs_reviewer" ? t("notices.byGs") : t("notices.byOwner")}
                </span>
                <p lang={typeof text.language === "string" ? text.language : undefined} dir="auto">
                  {String(text.text ?? "")}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

export function Timeline({ events }: { events: NoticeEvent[] }) {
  const { t, instant } = useI18n();
  if (events.length === 0) return <p className="muted">{t("common.empty")}</p>;
  return (
    <ol className="timeline" data-testid="notice-history">
      {events.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only, in order
        <li key={i}>
          <time dateTime={e.at}>{instant(e.at)}</time> <strong>{actionLabel(t, e.action)}</strong>{" "}
          <span className="muted">
            <bdi>{e.actor}</bdi> ({e.actorCountry}, {roleLabel(t, e.actorRole)})
          </span>
          {e.fromState !== e.toState && (
            <span className="transition">
              {" "}
              {e.fromState ? `${stateLabel(t, e.fromState)} → ` : ""}
              {stateLabel(t, e.toState)}
            </span>
          )}
          {e.reasons && (
            <p className="reasons">
              {t("notices.reasons")}: <bdi>{e.reasons}</bdi>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

type T = (key: MessageKey) => string;
const known = (t: T, key: string, fallback: string): string =>
  hasOwnText("en", key) ? t(key as MessageKey) : fallback;
const actionLabel = (t: T, action: string) => known(t, `noticeEvent.${action}`, action);
const roleLabel = (t: T, role: string) => known(t, `role.${role}`, role);
const stateLabel = (t: T, state: string | null) => (state ? known(t, `noticeState.${state}`, state) : "—");

// ---- actions ----

function useAct(notice: Notice, onDone: (message: string) => void) {
  const { t } = useI18n();
  return (path: ActionPath, body: ActionBody = {}) =>
    async () => {
      await noticeAction(notice.id, path, body);
      onDone(t("notices.actionDone"));
    };
}

/** The owner's and the General Secretariat's actions on the notice page, as the API allows them. */
function ActionsPanel({ notice: n, onDone }: { notice: Notice; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const act = useAct(n, onDone);
  const [error, setError] = useState<unknown>(undefined);
  const can = (a: Notice["allowedActions"][number]) => n.allowedActions.includes(a);
  const isOwner = me.country.code === n.envelope.owner;
  const run = (action: () => Promise<void>) => () => {
    setError(undefined);
    action().catch(setError);
  };
  if (n.allowedActions.length === 0) return null;
  return (
    <section className="panel actions-panel" aria-labelledby="actions-heading" data-testid="notice-actions">
      <h2 id="actions-heading">{t("common.actions")}</h2>
      <ErrorAlert error={error} />
      <div className="form-actions">
        {can("edit") && (
          <Link className="btn btn-small" to={`/notices/${segment(n.id)}/edit`} data-testid="notice-edit">
            {t("notices.edit")}
          </Link>
        )}
        {can("submit") && (
          <ConfirmButton
            label={t("noticeAction.submit")}
            question={t("notices.confirmSubmit")}
            onConfirm={run(act("submit"))}
            testId="notice-submit"
          />
        )}
        {(can("start_review") || can("publish")) && (
          <Link
            className="btn btn-small btn-primary"
            to={`/review/${segment(n.id)}`}
            data-testid="notice-review"
          >
            {t("review.open")}
          </Link>
        )}
        {can("resume") && (
          <ConfirmButton
            label={t("noticeAction.resume")}
            question={t("notices.confirmResume")}
            onConfirm={run(act("resume"))}
            testId="notice-resume"
          />
        )}
      </div>
      {can("suspend") && <SuspendForm notice={n} owner={isOwner} onDone={onDone} />}
      {can("add_addendum") && <AddendumForm notice={n} onDone={onDone} />}
      <div className="form-actions">
        {can("renew") && (
          <ReasonsAction
            label={t("noticeAction.renew")}
            required={n.type === "red"}
            testId="notice-renew"
            onSubmit={(reasons) => act("renew", reasons ? { reasons } : {})()}
          />
        )}
        {can("withdraw") && (
          <ReasonsAction
            label={t("noticeAction.withdraw")}
            required={false}
            danger
            testId="notice-withdraw"
            onSubmit={(reasons) => act("withdraw", reasons ? { reasons } : {})()}
          />
        )}
        {can("cancel") && (
          <ReasonsAction
            label={t("noticeAction.cancel")}
            required
            danger
            testId="notice-cancel"
            onSubmit={(reasons) => act("cancel", { reasons })()}
          />
        )}
      </div>
    </section>
  );
}

const addMonths = (d: Date, months: number): Date => {
  const out = new Date(d.getTime());
  out.setUTCMonth(out.getUTCMonth() + months);
  return out;
};
const ymd = (d: Date) => d.toISOString().slice(0, 10);

function SuspendForm({
  notice,
  owner,
  onDone,
}: {
  notice: Notice;
  owner: boolean;
  onDone: (m: string) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [until, setUntil] = useState("");
  const [reasons, setReasons] = useState("");
  const { pending, error, handler } = useSubmit();
  const today = new Date();
  const min = ymd(new Date(today.getTime() + 24 * 3600 * 1000));
  const max = ymd(addMonths(today, MAX_SUSPENSION_MONTHS));
  const tooLong = owner && until !== "" && until > max;
  if (!open)
    return (
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setOpen(true)}
          data-testid="notice-suspend"
        >
          {t("noticeAction.suspend")}
        </button>
      </div>
    );
  const submit = handler(async () => {
    // The end of the chosen day, in UTC.
    await noticeAction(notice.id, "suspend", {
      until: `${until}T23:59:59Z`,
      ...(reasons.trim() ? { reasons: reasons.trim() } : {}),
    });
    setOpen(false);
    onDone(t("notices.actionDone"));
  });
  return (
    <form className="panel reasons-form" onSubmit={submit} data-testid="notice-suspend-form">
      <ErrorAlert error={error} />
      <TextField
        label={t("notices.suspendUntil")}
        hint={owner ? t("notices.suspendHint", { max }) : undefined}
        type="date"
        required
        min={min}
        max={owner ? max : undefined}
        value={until}
        onChange={(e) => setUntil(e.target.value)}
        aria-invalid={tooLong || undefined}
        testId="notice-suspend-until"
      />
      {tooLong && (
        <p className="field-error" role="alert">
          {t("notices.suspendTooLong")}
        </p>
      )}
      <TextAreaField
        label={owner ? t("action.reasonsOptional") : t("action.reasonsRequired")}
        required={!owner}
        rows={2}
        value={reasons}
        onChange={(e) => setReasons(e.target.value)}
      />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={pending || until === "" || tooLong || (!owner && reasons.trim() === "")}
          data-testid="notice-suspend-submit"
        >
          {t("noticeAction.suspend")}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

function AddendumForm({ notice, onDone }: { notice: Notice; onDone: (m: string) => void }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState<string>(lang);
  const [text, setText] = useState("");
  const { pending, error, handler } = useSubmit();
  if (!open)
    return (
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setOpen(true)}
          data-testid="notice-addendum"
        >
          {t("noticeAction.add_addendum")}
        </button>
      </div>
    );
  const submit = handler(async () => {
    await noticeAction(notice.id, "addenda", { text: { language, text: text.trim() } });
    setOpen(false);
    setText("");
    onDone(t("notices.actionDone"));
  });
  return (
    <form className="panel reasons-form" onSubmit={submit} data-testid="notice-addendum-form">
      <ErrorAlert error={error} />
      <SelectField
        label={t("wizard.language")}
        value={language}
        onChange={(e) => setLanguage(e.target.value)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {l.toUpperCase()}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t("notices.addendumText")}
        required
        rows={3}
        maxLength={8000}
        dir="auto"
        value={text}
        onChange={(e) => setText(e.target.value)}
        testId="notice-addendum-text"
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending || !text.trim()}>
          {t("noticeAction.add_addendum")}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

/** The reviewer's decision: publish, refuse with reasons, or return to the owner asking for documents. */
function DecisionPanel({ notice: n, onDone }: { notice: Notice; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const { pending, error, handler } = useSubmit();
  const can = (a: Notice["allowedActions"][number]) => n.allowedActions.includes(a);
  const blocked = n.findings.some((f) => f.severity === "block");
  const pendingReview = n.state === "submitted" || n.state === "under_review";

  const publish = handler(async () => {
    // A submitted request is taken into review first: the state machine publishes only from review.
    if (n.state === "submitted") await noticeAction(n.id, "start-review");
    await noticeAction(n.id, "publish");
    onDone(t("review.published"));
  });

  return (
    <section className="panel decision" aria-labelledby="decision-heading" data-testid="review-decision">
      <h2 id="decision-heading">{t("review.decision")}</h2>
      {!pendingReview ? (
        <p className="muted">{t("review.notPending")}</p>
      ) : (
        <>
          <ErrorAlert error={error} />
          {blocked && <p className="field-error">{t("review.blocked")}</p>}
          <form onSubmit={publish} className="form-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={pending || blocked || !(can("publish") || can("start_review"))}
              data-testid="review-publish"
            >
              {t("review.publish")}
            </button>
          </form>
          {can("refuse") && (
            <ReasonsAction
              label={t("review.refuse")}
              required
              danger
              testId="review-refuse"
              onSubmit={async (reasons) => {
                await noticeAction(n.id, "refuse", { reasons });
                onDone(t("review.refused"));
              }}
            />
          )}
          {can("return_to_owner") && (
            <ReasonsAction
              label={t("review.return")}
              required
              testId="review-return"
              onSubmit={async (reasons) => {
                await noticeAction(n.id, "return", { reasons });
                // A returned request is the owner's draft again, which the General Secretariat does not read.
                navigate("/review", { returned: 1 });
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
