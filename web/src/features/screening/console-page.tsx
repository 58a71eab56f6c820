import { type FormEvent, useId, useRef, useState } from "react";
import { errorMessage } from "../../components/alert.tsx";
import { FormField } from "../../components/form-field.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link } from "../../lib/router.tsx";
import { checkTraveller } from "./api.ts";
import { type BiometricDraft, BiometricFields, EMPTY_BIOMETRICS, fileToBase64 } from "./biometric-fields.tsx";
import { EMPTY_OBJECTS, type ObjectDraft, ObjectFields } from "./object-fields.tsx";
import { ResultPanel } from "./result-panel.tsx";
import { type FieldProblem, problemsOf } from "./texts.ts";
import { EMPTY_TRAVELLER, type TravellerDraft, TravellerFields } from "./traveller-fields.tsx";
import type { CheckRequest, TravellerResult } from "./types.ts";
import "./screening.css";

type Mode = "mrz" | "form";

/** Lines as a scanner or a paste gives them: upper case, no blanks, one zone line per line. */
const cleanMrz = (text: string) =>
  text
    .toUpperCase()
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ""))
    .filter(Boolean)
    .join("\n");

async function requestOf(
  mode: Mode,
  mrz: string,
  fields: TravellerDraft,
  objects: ObjectDraft,
  biometrics: BiometricDraft,
  location: string,
): Promise<CheckRequest> {
  const body: CheckRequest = {};
  const carries =
    Object.values(objects).some((v) => v.trim() !== "") ||
    biometrics.fingerprintTemplate !== null ||
    biometrics.facePhoto !== null;
  // A firearm or a vehicle may be checked alone: an empty zone is then not sent (without them, the
  // server names the empty zone as the problem).
  if (mode === "mrz") {
    if (mrz.trim() || !carries) body.mrz = cleanMrz(mrz);
  } else
    for (const [k, v] of Object.entries(fields) as [keyof TravellerDraft, string][])
      if (v.trim())
        body[k] = k === "nationality" || k === "documentCountry" ? v.trim().toUpperCase() : v.trim();
  for (const [k, v] of Object.entries(objects) as [keyof ObjectDraft, string][])
    if (v.trim()) body[k] = v.trim();
  if (biometrics.fingerprintTemplate)
    body.fingerprintTemplate = await fileToBase64(biometrics.fingerprintTemplate);
  if (biometrics.facePhoto) body.facePhoto = await fileToBase64(biometrics.facePhoto);
  if (location.trim()) body.location = location.trim();
  return body;
}

export function ConsolePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [mode, setMode] = useState<Mode>("mrz");
  const [mrz, setMrz] = useState("");
  const [fields, setFields] = useState<TravellerDraft>(EMPTY_TRAVELLER);
  const [objects, setObjects] = useState<ObjectDraft>(EMPTY_OBJECTS);
  const [biometrics, setBiometrics] = useState<BiometricDraft>(EMPTY_BIOMETRICS);
  const [resetKey, setResetKey] = useState(0);
  const [location, setLocation] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [result, setResult] = useState<TravellerResult | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const resultHeading = useId();

  const problems: FieldProblem[] = error === undefined ? [] : problemsOf(error, i18n);
  const byField: Record<string, string> = {};
  for (const p of problems) if (p.field && !byField[p.field]) byField[p.field] = p.sentence;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setPending(true);
    setError(undefined);
    setResult(null);
    try {
      setResult(await checkTraveller(await requestOf(mode, mrz, fields, objects, biometrics, location)));
      // The answer is what the officer came for: take focus there (screen readers read the banner).
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  const clear = () => {
    setMrz("");
    setFields(EMPTY_TRAVELLER);
    setObjects(EMPTY_OBJECTS);
    setBiometrics(EMPTY_BIOMETRICS);
    setResetKey((k) => k + 1);
    setResult(null);
    setError(undefined);
  };

  return (
    <>
      <div className="page-head">
        <h1>{t("scr.console.title")}</h1>
        <Link to="/screening/manifest" className="btn" data-testid="manifest-link">
          {t("scr.console.manifestLink")}
        </Link>
      </div>
      <p className="muted">{t("scr.console.intro")}</p>
      <form className="panel screening-form" onSubmit={submit} noValidate data-testid="screening-form">
        <fieldset className="mode-switch">
          <legend>{t("scr.tabs.label")}</legend>
          {(["mrz", "form"] as const).map((m) => (
            <label key={m} className={mode === m ? "is-active" : ""}>
              <input
                type="radio"
                name="mode"
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
                data-testid={`mode-${m}`}
              />
              {t(m === "mrz" ? "scr.tab.mrz" : "scr.tab.form")}
            </label>
          ))}
        </fieldset>
        {error !== undefined && (
          <div className="alert alert-error" role="alert" data-testid="form-errors">
            <p>
              <bdi>{problems.length ? t("scr.error.check") : errorMessage(error, i18n)}</bdi>
            </p>
            {problems.length > 0 && (
              <ul>
                {problems.map((p) => (
                  <li key={`${p.field}:${p.sentence}`}>
                    <bdi>{p.sentence}</bdi>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {mode === "mrz" ? (
          <FormField name="mrz" label={t("scr.mrz.label")} hint={t("scr.mrz.hint")} error={byField.mrz}>
            {(control) => (
              <textarea
                {...control}
                className="mrz-input"
                dir="ltr"
                rows={3}
                spellCheck={false}
                autoComplete="off"
                value={mrz}
                onChange={(e) => setMrz(e.target.value)}
                data-testid="field-mrz"
              />
            )}
          </FormField>
        ) : (
          <TravellerFields value={fields} onChange={setFields} errors={byField} />
        )}
        <ObjectFields value={objects} onChange={setObjects} errors={byField} />
        <BiometricFields value={biometrics} onChange={setBiometrics} errors={byField} resetKey={resetKey} />
        <FormField
          name="location"
          label={t("scr.field.location")}
          hint={t("scr.field.locationHint")}
          error={byField.location}
        >
          {(control) => (
            <input
              {...control}
              dir="auto"
              value={location}
              onChange={(e) => setLocation(e.target.value)}
              data-testid="field-location"
            />
          )}
        </FormField>
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary btn-large"
            disabled={pending}
            data-testid="check-submit"
          >
            {pending ? t("scr.checking") : t("scr.submit")}
          </button>
          <button type="button" className="btn" onClick={clear} data-testid="check-clear">
            {t("scr.clear")}
          </button>
        </div>
      </form>
      <div ref={resultRef} tabIndex={-1} className="result-anchor">
        {result && <ResultPanel result={result} headingId={resultHeading} />}
      </div>
    </>
  );
}
