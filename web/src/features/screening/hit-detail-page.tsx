import { useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.tsx";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { CountryName } from "../../components/country-name.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, segment } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import { useApi } from "../../lib/use-api.ts";
import { decideHit } from "./api.ts";
import { ExplanationView, scoreText } from "./explanation-view.tsx";
import { HitsTable } from "./hits-table.tsx";
import { actionText, codeText, kindLabel } from "./texts.ts";
import type { StoredHit } from "./types.ts";
import "./screening.css";

const JUDGES = new Set(["ncb_officer", "ncb_admin"]);

/** Where the bureau reads the record that was hit (its own file: the owner may open it). */
function recordPath(h: StoredHit): string {
  const id = segment(h.subjectId);
  if (h.subjectKind === "notice") return `/notices/${id}`;
  if (h.subjectKind === "diffusion") return `/diffusions/${id}`;
  if (h.subjectKind === "document") return `/databases/documents/${id}`;
  if (h.subjectKind === "firearm") return `/databases/firearms/${id}`;
  if (h.subjectKind === "vehicle") return `/databases/vehicles/${id}`;
  return `/records/${id}`;
}

export function HitDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const hit = useApi<StoredHit>(`/screening/hits/${segment(id)}`);
  const encounters = useApi<{ items: StoredHit[] }>(`/screening/hits/${segment(id)}/encounters`);
  return (
    <>
      <p>
        <Link to="/hits" data-testid="hit-back">
          {t("scr.hit.back")}
        </Link>
      </p>
      <DataState {...hit}>
        {(h) => (
          <HitView
            hit={h}
            onDecided={() => {
              hit.reload();
              encounters.reload();
            }}
          />
        )}
      </DataState>
      <section className="panel" aria-labelledby="encounters-heading" data-testid="encounters">
        <h2 id="encounters-heading">{t("scr.encounters.heading")}</h2>
        <p className="muted">{t("scr.encounters.intro")}</p>
        <DataState {...encounters}>
          {(data) =>
            data.items.length === 0 ? (
              <Empty>{t("scr.encounters.empty")}</Empty>
            ) : (
              <HitsTable items={data.items} current={id} testId="encounters-table" />
            )
          }
        </DataState>
      </section>
    </>
  );
}

function HitView({ hit: h, onDecided }: { hit: StoredHit; onDecided: () => void }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const me = useMe();
  const docs = h.traveller.documents ?? [];
  return (
    <>
      <div className="page-head">
        <h1>
          {t("scr.hit.title")} <bdi dir="ltr">{h.reference ?? h.subjectId}</bdi>
        </h1>
        <span className={`badge state-${h.state}`} data-testid="hit-state">
          {t(`scr.state.${h.state}`)}
        </span>
      </div>
      <div className="hit-grid">
        <section className="panel" aria-labelledby="seen-heading" data-testid="hit-seen">
          <h2 id="seen-heading">{t("scr.hit.seen")}</h2>
          <dl className="kv">
            <dt>{t("scr.hit.when")}</dt>
            <dd>
              <time dateTime={h.at}>{dateTime(h.at)}</time>
            </dd>
            <dt>{t("scr.hit.where")}</dt>
            <dd data-testid="hit-location">{h.location ? <bdi>{h.location}</bdi> : t("scr.hit.notGiven")}</dd>
            <dt>{t("scr.hit.checkedBy")}</dt>
            <dd>
              <bdi>{h.checkedBy}</bdi> (<CountryName code={h.checkedByCountry} />)
            </dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="traveller-heading" data-testid="hit-traveller">
          <h2 id="traveller-heading">{t("scr.hit.traveller")}</h2>
          {!h.traveller.name && !h.traveller.dateOfBirth && docs.length === 0 && (
            <p className="muted">{t("scr.hit.notGiven")}</p>
          )}
          <dl className="kv">
            {h.traveller.name && (
              <>
                <dt>{t("scr.field.name")}</dt>
                <dd>
                  <bdi>{h.traveller.name}</bdi>
                </dd>
              </>
            )}
            {h.traveller.dateOfBirth && (
              <>
                <dt>{t("scr.field.dateOfBirth")}</dt>
                <dd>
                  <bdi dir="ltr">{h.traveller.dateOfBirth}</bdi>
                </dd>
              </>
            )}
            {h.traveller.nationality && (
              <>
                <dt>{t("scr.field.nationality")}</dt>
                <dd>
                  <bdi>{h.traveller.nationality}</bdi>
                </dd>
              </>
            )}
            {h.traveller.sex && (
              <>
                <dt>{t("scr.field.sex")}</dt>
                <dd>{codeText(i18n, "scr.sex.", h.traveller.sex)}</dd>
              </>
            )}
            {docs.length > 0 && (
              <>
                <dt>{t("scr.hit.documents")}</dt>
                <dd>
                  {docs.map((d) => (
                    <div key={`${d.country}:${d.number}`}>
                      {d.type ? `${codeText(i18n, "scr.docType.", d.type)} ` : ""}
                      <bdi dir="ltr">{[d.country, d.number].filter(Boolean).join(" ")}</bdi>
                    </div>
                  ))}
                </dd>
              </>
            )}
          </dl>
        </section>
      </div>
      <section className="panel" aria-labelledby="record-heading" data-testid="hit-record">
        <h2 id="record-heading">{t("scr.hit.record")}</h2>
        <dl className="kv">
          <dt>{t("scr.result.kind")}</dt>
          <dd data-testid="hit-kind">{kindLabel(i18n, h.subjectKind, h.category)}</dd>
          <dt>{t("scr.result.reference")}</dt>
          <dd>
            <bdi dir="ltr">{h.reference ?? h.subjectId}</bdi>
            {h.owner === me.country.code && (
              <>
                {" "}
                <Link to={recordPath(h)} data-testid="hit-open-record">
                  {t("scr.hit.openRecord")}
                </Link>
              </>
            )}
          </dd>
          <dt>{t("scr.hit.owner")}</dt>
          <dd>
            <CountryName code={h.owner} withCode />
          </dd>
          <dt>{t("scr.result.score")}</dt>
          <dd>
            <bdi>{scoreText(h.score, i18n)}</bdi>
          </dd>
          <dt>{t("scr.hit.instruction")}</dt>
          <dd data-testid="hit-instruction">
            {actionText(i18n, h.action, h.subjectKind, h.category, h.discreet)}
          </dd>
        </dl>
        {h.discreet && <Notice kind="warning">{t("scr.hit.discreetNote")}</Notice>}
        <h3>{t("scr.result.why")}</h3>
        <ExplanationView explanation={h.explanation} />
      </section>
      <Decision hit={h} canJudge={JUDGES.has(me.role) && h.owner === me.country.code} onDecided={onDecided} />
    </>
  );
}

function Decision({
  hit: h,
  canJudge,
  onDecided,
}: {
  hit: StoredHit;
  canJudge: boolean;
  onDecided: () => void;
}) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<"confirmed" | "rejected" | null>(null);

  const decide = async (decision: "confirm" | "reject") => {
    setPending(true);
    setError(undefined);
    try {
      const after = await decideHit(h.id, decision, note);
      setDone(after.state === "confirmed" ? "confirmed" : "rejected");
      onDecided();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="decision-heading" data-testid="hit-decision">
      <h2 id="decision-heading">{t("scr.decision.heading")}</h2>
      {done && (
        <Notice kind="success">
          <span data-testid="decision-done">
            {t(done === "confirmed" ? "scr.decision.confirmed" : "scr.decision.rejected")}
          </span>
        </Notice>
      )}
      <ErrorAlert error={error} />
      {h.state !== "pending" ? (
        <dl className="kv" data-testid="decision-record">
          <dt>{t("scr.hit.state")}</dt>
          <dd>{t(`scr.state.${h.state}`)}</dd>
          <dt>{t("scr.hit.decidedAt")}</dt>
          <dd>{dateTime(h.decidedAt)}</dd>
          {h.decisionNote && (
            <>
              <dt>{t("scr.hit.note")}</dt>
              <dd>
                <bdi>{h.decisionNote}</bdi>
              </dd>
            </>
          )}
        </dl>
      ) : canJudge ? (
        <>
          <p className="muted">{t("scr.decision.intro")}</p>
          <div className="field">
            <label htmlFor="decision-note">{t("scr.decision.note")}</label>
            <textarea
              id="decision-note"
              rows={2}
              maxLength={2000}
              dir="auto"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              data-testid="decision-note"
            />
          </div>
          <div className="form-actions">
            <ConfirmButton
              label={t("scr.decision.confirm")}
              question={t("scr.decision.confirmQuestion")}
              onConfirm={() => void decide("confirm")}
              disabled={pending}
              testId="decision-confirm"
            />
            <ConfirmButton
              label={t("scr.decision.reject")}
              question={t("scr.decision.rejectQuestion")}
              onConfirm={() => void decide("reject")}
              disabled={pending}
              danger
              testId="decision-reject"
            />
          </div>
        </>
      ) : (
        <p className="muted">{t("scr.decision.notOwner")}</p>
      )}
    </section>
  );
}
