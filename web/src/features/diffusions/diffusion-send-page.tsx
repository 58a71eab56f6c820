import { useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { ConfirmDialog } from "../../components/confirm-button.tsx";
import { DraftOffer } from "../../components/draft-offer.tsx";
import { CheckboxField, SelectField, TextAreaField, TextField } from "../../components/fields.tsx";
import { UnsavedGuard } from "../../components/unsaved-guard.tsx";
import { client, data } from "../../lib/api/client.ts";
import { allOf, type Body } from "../../lib/api/schema.ts";
import type { HandlingCode, Reliability } from "../../lib/envelope.ts";
import { codes } from "../../lib/form-parse.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, segment } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import { useKeptDraft } from "../../lib/use-kept-draft.ts";
import { useSubmit } from "../../lib/use-submit.ts";
import { DIFFUSION_KINDS, type DiffusionKind } from "./types.ts";

type SourceType = Body<"createDiffusion">["sourceType"];
const SOURCE_TYPES = allOf<SourceType>()(["police", "judicial", "military", "un", "open_source", "platform"]);

/** The form as typed: what a kept draft holds. */
const EMPTY = {
  kind: "information" as DiffusionKind,
  all: false,
  countries: "",
  title: "",
  body: "",
  reference: "",
  handlingCode: "H0" as HandlingCode,
  handlingNote: "",
  reliability: "B" as Reliability,
  accuracy: "2",
  sourceType: "police" as SourceType,
};
type SendForm = typeof EMPTY;

/** A stored draft of this form, its fields checked one by one (a missing or odd one keeps its default). */
function acceptDraft(data: unknown): SendForm | null {
  if (!data || typeof data !== "object") return null;
  const d = data as Record<string, unknown>;
  const out: Record<string, unknown> = { ...EMPTY };
  for (const [k, v] of Object.entries(EMPTY)) if (typeof d[k] === typeof v) out[k] = d[k];
  // A choice from a list is kept only if the list still has it.
  if (!DIFFUSION_KINDS.some((k) => k === out.kind)) out.kind = EMPTY.kind;
  if (!SOURCE_TYPES.some((k) => k === out.sourceType)) out.sourceType = EMPTY.sourceType;
  return out as SendForm;
}

/** A diffusion goes at once to the chosen countries; the General Secretariat checks it afterwards. */
export function DiffusionSendPage() {
  const { t } = useI18n();
  const me = useMe();
  const [form, setForm] = useState<SendForm>(EMPTY);
  const [asking, setAsking] = useState(false);
  const set =
    <K extends keyof SendForm>(k: K) =>
    (v: SendForm[K]) =>
      setForm((f) => ({ ...f, [k]: v }));
  const setKind = set("kind");
  const setAll = set("all");
  const setCountries = set("countries");
  const setTitle = set("title");
  const setBody = set("body");
  const setReference = set("reference");
  const setHandlingCode = set("handlingCode");
  const setHandlingNote = set("handlingNote");
  const setReliability = set("reliability");
  const setAccuracy = set("accuracy");
  const setSourceType = set("sourceType");
  const { kind, all, countries, title, body, reference, handlingCode, handlingNote } = form;
  const { reliability, accuracy, sourceType } = form;
  const dirty = JSON.stringify(form) !== JSON.stringify(EMPTY);
  const kept = useKeptDraft({
    userId: me.id,
    form: "diffusion-send",
    value: form,
    dirty,
    accept: acceptDraft,
  });
  const { pending, error, handler } = useSubmit();

  const submit = handler(async () => {
    const sent = await data(
      client.POST("/api/v1/diffusions", {
        body: {
          kind,
          recipients: all ? "all" : codes(countries),
          title: title.trim(),
          body: body.trim(),
          ...(reference.trim() ? { reference: reference.trim() } : {}),
          handlingCode,
          ...(handlingCode === "H3" && handlingNote.trim() ? { handlingNote: handlingNote.trim() } : {}),
          sourceReliability: reliability,
          informationAccuracy: Number(accuracy),
          sourceType,
        },
      }),
    );
    kept.clear();
    setForm(EMPTY);
    navigate(`/diffusions/${segment(sent.id)}`);
  });
  const recipients = all ? t("confirm.recipientsAll") : codes(countries).join(", ");

  return (
    <>
      <p className="breadcrumb">
        <Link to="/diffusions">{t("diffusions.back")}</Link>
      </p>
      <h1>{t("diffusions.send")}</h1>
      <p className="muted">{t("diffusions.sendIntro")}</p>
      <UnsavedGuard when={dirty && !pending} />
      {kept.offer && (
        <DraftOffer
          draft={kept.offer}
          onRestore={() => {
            const d = kept.restore();
            if (d) setForm(d.data);
          }}
          onDiscard={kept.discard}
        />
      )}
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          setAsking(true);
        }}
        data-testid="diffusion-form"
      >
        <ConfirmDialog
          open={asking}
          title={t("confirm.sendDiffusion.title")}
          body={<p>{t("confirm.sendDiffusion.body", { recipients })}</p>}
          confirmLabel={t("confirm.sendDiffusion.action")}
          onConfirm={() => {
            setAsking(false);
            void submit();
          }}
          onCancel={() => setAsking(false)}
          testId="diffusion-submit"
        />
        <ErrorAlert error={error} />
        <fieldset className="group">
          <legend>{t("diffusions.kind")}</legend>
          <ul className="type-cards">
            {DIFFUSION_KINDS.map((k) => (
              <li key={k}>
                <label className={`type-card${kind === k ? " selected" : ""}`}>
                  <input
                    type="radio"
                    name="diffusion-kind"
                    value={k}
                    checked={kind === k}
                    onChange={() => setKind(k)}
                    data-testid={`diffusion-kind-${k}`}
                  />
                  <span className="type-card-body">
                    <strong>{t(`diffusionKind.${k}`)}</strong>
                    <span className="type-card-text">{t(`diffusionKind.${k}.purpose`)}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset className="group">
          <legend>{t("diffusions.recipients")}</legend>
          <CheckboxField
            label={t("diffusions.toAll")}
            checked={all}
            onChange={(e) => setAll(e.target.checked)}
            testId="diffusion-all"
          />
          {!all && (
            <TextField
              label={t("wizard.countries")}
              hint={t("wizard.countriesHint")}
              dir="ltr"
              required
              value={countries}
              onChange={(e) => setCountries(e.target.value.toUpperCase())}
              testId="diffusion-countries"
            />
          )}
        </fieldset>
        <TextField
          label={t("diffusions.subjectTitle")}
          required
          maxLength={200}
          dir="auto"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          testId="diffusion-title"
        />
        <TextAreaField
          label={t("diffusions.body")}
          required
          rows={6}
          maxLength={8000}
          dir="auto"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          testId="diffusion-body-input"
        />
        <div className="form-grid">
          <TextField
            label={t("diffusions.reference")}
            dir="auto"
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
          <SelectField
            label={t("records.handling")}
            value={handlingCode}
            onChange={(e) => setHandlingCode(e.target.value as HandlingCode)}
            testId="diffusion-handling"
          >
            {(["H0", "H1", "H2", "H3"] as const).map((h) => (
              <option key={h} value={h}>
                {h} — {t(`handling.${h}`)}
              </option>
            ))}
          </SelectField>
          {handlingCode === "H3" && (
            <TextField
              label={t("records.handlingNote")}
              required
              value={handlingNote}
              onChange={(e) => setHandlingNote(e.target.value)}
            />
          )}
          <SelectField
            label={t("records.reliability")}
            value={reliability}
            onChange={(e) => setReliability(e.target.value as Reliability)}
          >
            {(["A", "B", "C", "X"] as const).map((r) => (
              <option key={r} value={r}>
                {t(`reliability.${r}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("records.accuracy")}
            value={accuracy}
            onChange={(e) => setAccuracy(e.target.value)}
          >
            {(["1", "2", "3", "4"] as const).map((a) => (
              <option key={a} value={a}>
                {t(`accuracy.${a}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("records.sourceType")}
            value={sourceType}
            onChange={(e) => setSourceType(e.target.value as SourceType)}
          >
            {SOURCE_TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`sourceType.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={pending} data-testid="diffusion-submit">
            {t("diffusions.sendNow")}
          </button>
        </div>
      </form>
    </>
  );
}
