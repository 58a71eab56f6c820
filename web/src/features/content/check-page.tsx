import { useId, useRef, useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { CountryName } from "../../components/country-name.tsx";
import { TextField } from "../../components/fields.tsx";
import { HashValue } from "../../components/hash-value.tsx";
import { Empty } from "../../components/states.tsx";
import { client, data } from "../../lib/api/client.ts";
import { ApiError, api, withQuery } from "../../lib/api.ts";
import { type MessageKey, useI18n } from "../../lib/i18n/index.tsx";
import { canAccess } from "../../lib/roles.ts";
import { Link, segment } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import { useSubmit } from "../../lib/use-submit.ts";
import { Labels } from "./bank-entries-table.tsx";
import { StatusBadge } from "./entry-status.tsx";
import { SignalTypeField } from "./signal-type-field.tsx";
import { hashProblem, MAX_IMAGE_BYTES, type MatchResult, MIN_PDQ_QUALITY, type SignalType } from "./types.ts";
import "./content.css";

const DEFAULT_MAX_DISTANCE = 31;

/** A problem explained in the user's language (the server's English detail, if any, follows it). */
class LocalProblem extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

const IMAGE_ERRORS: Record<string, MessageKey> = {
  unprocessable: "content.imageUnreadable",
  payload_too_large: "content.imageTooLarge",
  unsupported_media_type: "content.imageUnsupported",
  bad_request: "content.imageUnreadable",
};

export function CheckPage() {
  const { t } = useI18n();
  const [result, setResult] = useState<MatchResult | null>(null);
  return (
    <>
      <h1>{t("content.checkTitle")}</h1>
      <p className="muted">{t("content.checkIntro")}</p>
      <div className="detail-grid">
        <ImageCheck onResult={setResult} />
        <HashCheck onResult={setResult} />
      </div>
      <p role="status" className="visually-hidden">
        {result ? t("content.matchCount", { count: result.matches.length }) : ""}
      </p>
      {result && <MatchResultView result={result} />}
    </>
  );
}

function MaxDistanceField({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  const { t } = useI18n();
  return (
    <TextField
      label={t("content.maxDistance")}
      hint={t("content.maxDistanceHint")}
      type="number"
      min={0}
      max={64}
      value={String(value)}
      onChange={(e) => onChange(Math.max(0, Math.min(64, Number(e.target.value) || 0)))}
    />
  );
}

function ImageCheck({ onResult }: { onResult: (r: MatchResult | null) => void }) {
  const { t, num } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [maxDistance, setMaxDistance] = useState(DEFAULT_MAX_DISTANCE);
  const [localError, setLocalError] = useState<string>("");
  const fileRef = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const hintId = useId();
  const { pending, error, handler } = useSubmit();

  const choose = (f: File | null) => {
    setFile(f);
    setLocalError("");
    onResult(null);
    if (!f) return;
    if (f.type && !f.type.startsWith("image/")) setLocalError(t("content.notImage", { type: f.type }));
    else if (f.size > MAX_IMAGE_BYTES)
      setLocalError(t("content.tooBig", { size: num(Math.round(f.size / 1024 / 1024)), max: num(20) }));
  };

  const submit = handler(async () => {
    if (!file) throw new LocalProblem(t("content.chooseImage"));
    onResult(null);
    try {
      const r = await api<MatchResult>(withQuery("/content/match/image", { maxDistance }), {
        method: "POST",
        raw: { body: file, contentType: file.type || "application/octet-stream" },
      });
      onResult(r);
    } catch (e) {
      const key = e instanceof ApiError ? IMAGE_ERRORS[e.code] : undefined;
      if (e instanceof ApiError && key) throw new LocalProblem(t(key), e.problem.detail);
      throw e;
    }
  });

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="image-check-heading" data-testid="image-check">
      <h2 id="image-check-heading">{t("content.checkImage")}</h2>
      <div className="field">
        <label htmlFor={fileId}>{t("content.imageFile")}</label>
        <input
          id={fileId}
          ref={fileRef}
          type="file"
          accept="image/*"
          aria-describedby={hintId}
          aria-invalid={localError ? true : undefined}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
          data-testid="check-file"
        />
        <small id={hintId} className="hint">
          {t("content.imageHint")}
        </small>
      </div>
      <MaxDistanceField value={maxDistance} onChange={setMaxDistance} />
      {localError && (
        <p className="alert alert-error" role="alert" data-testid="check-file-error">
          {localError}
        </p>
      )}
      {error instanceof LocalProblem ? (
        <div className="alert alert-error" role="alert" data-testid="check-image-error">
          <p>{error.message}</p>
          {error.detail && (
            <p className="hint">
              <bdi>{error.detail}</bdi>
            </p>
          )}
        </div>
      ) : (
        <ErrorAlert error={error} />
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={pending || !file || localError !== ""}
          data-testid="check-image-submit"
        >
          {pending ? t("content.checking") : t("content.checkSubmit")}
        </button>
      </div>
    </form>
  );
}

function HashCheck({ onResult }: { onResult: (r: MatchResult | null) => void }) {
  const { t } = useI18n();
  const [signalType, setSignalType] = useState<SignalType>("pdq");
  const [value, setValue] = useState("");
  const [maxDistance, setMaxDistance] = useState(DEFAULT_MAX_DISTANCE);
  const { pending, error, handler } = useSubmit();
  const trimmed = value.trim();
  const problem = trimmed ? hashProblem(signalType, trimmed) : null;

  const submit = handler(async () => {
    onResult(null);
    const body = { signalType, value: trimmed, ...(signalType === "pdq" ? { maxDistance } : {}) };
    onResult(await data(client.POST("/api/v1/content/match", { body })));
  });

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="hash-check-heading" data-testid="hash-check">
      <h2 id="hash-check-heading">{t("content.checkHash")}</h2>
      <SignalTypeField value={signalType} onChange={setSignalType} testId="check-signal-type" />
      <TextField
        label={t("content.hashValue")}
        hint={
          problem === "hex"
            ? t("content.hashNotHex")
            : problem === "length"
              ? t("content.hashLength", { type: signalType, count: trimmed.length })
              : t("content.hashHint")
        }
        dir="ltr"
        className="mono-field"
        spellCheck={false}
        autoComplete="off"
        required
        aria-invalid={problem ? true : undefined}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        testId="check-hash"
      />
      {signalType === "pdq" && <MaxDistanceField value={maxDistance} onChange={setMaxDistance} />}
      <ErrorAlert error={error} />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={pending || !trimmed || problem !== null}
          data-testid="check-hash-submit"
        >
          {pending ? t("content.checking") : t("content.checkSubmit")}
        </button>
      </div>
    </form>
  );
}

function MatchResultView({ result }: { result: MatchResult }) {
  const { t, num, date } = useI18n();
  const me = useMe();
  const canOpenBanks = canAccess(me.role, "contentBanks");
  const canRefer = canAccess(me.role, "referrals");
  const q = result.query;
  return (
    <section className="panel" aria-labelledby="match-heading" data-testid="match-result">
      <h2 id="match-heading">{t("content.result")}</h2>
      <dl className="kv" data-testid="computed-hashes">
        {q.pdq && (
          <>
            <dt>{t("content.signal.pdq")}</dt>
            <dd>
              <HashValue value={q.pdq} testId="computed-pdq" />
            </dd>
          </>
        )}
        {q.quality !== undefined && (
          <>
            <dt>{t("content.quality")}</dt>
            <dd>
              {num(q.quality)}
              {q.quality < MIN_PDQ_QUALITY && (
                <span className="badge badge-overdue sep">{t("content.lowQuality")}</span>
              )}
            </dd>
          </>
        )}
        {q.md5 && (
          <>
            <dt>{t("content.signal.md5")}</dt>
            <dd>
              <HashValue value={q.md5} />
            </dd>
          </>
        )}
        {q.sha256 && (
          <>
            <dt>{t("content.signal.sha256")}</dt>
            <dd>
              <HashValue value={q.sha256} />
            </dd>
          </>
        )}
      </dl>
      {!result.matched && (
        <p className="alert alert-warning" data-testid="not-matched">
          {t("content.notMatched", { min: MIN_PDQ_QUALITY })}
        </p>
      )}
      <h3 className="result-count" data-testid="match-count">
        {t("content.matchCount", { count: result.matches.length })}
      </h3>
      {result.matches.length === 0 ? (
        <Empty>{t("content.noMatches")}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="matches-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("content.distance")}
                </th>
                <th scope="col">{t("content.signalType")}</th>
                <th scope="col">{t("content.entry")}</th>
                <th scope="col">{t("content.bank")}</th>
                <th scope="col">{t("content.labels")}</th>
                <th scope="col">{t("content.contributor")}</th>
                <th scope="col">{t("common.status")}</th>
                {canRefer && <th scope="col">{t("common.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {result.matches.map((m) => (
                <tr key={m.entryId} data-testid={`match-${m.entryId}`}>
                  <td className="num">
                    <span className={m.distance === 0 ? "distance distance-exact" : "distance"}>
                      {num(m.distance)}
                    </span>
                  </td>
                  <td>
                    <code>{m.signalType}</code>
                  </td>
                  <td>
                    <HashValue value={m.value} />
                    <span className="cell-note">#{m.entryId}</span>
                  </td>
                  <td>
                    {canOpenBanks ? (
                      <Link to={`/content/banks/${segment(m.bankId)}`}>
                        <bdi>{m.bankName}</bdi>
                      </Link>
                    ) : (
                      <bdi>{m.bankName}</bdi>
                    )}
                  </td>
                  <td>
                    <Labels labels={m.labels} />
                  </td>
                  <td>
                    {m.contributedCountry && <CountryName code={m.contributedCountry} />}
                    {m.firstSeen && (
                      <span className="cell-note">
                        <time dateTime={m.firstSeen}>{date(m.firstSeen)}</time>
                      </span>
                    )}
                  </td>
                  <td>{m.status && <StatusBadge status={m.status} />}</td>
                  {canRefer && (
                    <td>
                      <Link
                        to="/referrals"
                        query={{ entry: m.entryId }}
                        className="btn btn-small"
                        data-testid={`refer-match-${m.entryId}`}
                      >
                        {t("content.refer")}
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
