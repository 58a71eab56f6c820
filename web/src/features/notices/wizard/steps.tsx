import type { ReactNode } from "react";
import { CheckboxField, SelectField, TextAreaField, TextField } from "../../../components/fields.tsx";
import { type MessageKey, useI18n } from "../../../lib/i18n/index.tsx";
import {
  type AssetDraft,
  emptyAsset,
  emptyOffence,
  type NoticeDraft,
  type OffenceDraft,
  type PersonDraft,
  type TextDraft,
  withType,
} from "../draft.ts";
import { TypeBadge } from "../parts.tsx";
import {
  ASSET_TYPES,
  DOCUMENT_TYPES,
  LANGUAGES,
  OBJECT_TYPES,
  OFFENCE_CATEGORIES,
  PUBLIC_ON_CONSENT,
  REQUESTABLE_TYPES,
  type SubjectKind,
  TYPE_SUBJECTS,
} from "../types.ts";

interface StepProps {
  draft: NoticeDraft;
  update: (patch: Partial<NoticeDraft>) => void;
}

const LANGUAGE_NAMES = { en: "English", fr: "Français", es: "Español", ar: "العربية" } as const;

function Group({ legend, children, testId }: { legend: string; children: ReactNode; testId?: string }) {
  return (
    <fieldset className="group" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="form-grid">{children}</div>
    </fieldset>
  );
}

/** Two-letter country codes: typed as is, shown in Latin script and left to right even in Arabic. */
function CountryField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId?: string;
  multiple?: boolean;
}) {
  const { t } = useI18n();
  return (
    <TextField
      label={props.label}
      hint={props.multiple ? t("wizard.countriesHint") : t("wizard.countryHint")}
      dir="ltr"
      autoCapitalize="characters"
      maxLength={props.multiple ? 800 : 2}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value.toUpperCase())}
      {...(props.testId ? { testId: props.testId } : {})}
    />
  );
}

// ---- step 1: type ----

export function TypeStep({ draft, update }: StepProps) {
  const { t } = useI18n();
  return (
    <fieldset className="type-choice">
      <legend>{t("wizard.chooseType")}</legend>
      <ul className="type-cards">
        {REQUESTABLE_TYPES.map((type) => (
          <li key={type}>
            <label className={`type-card${draft.type === type ? " selected" : ""}`}>
              <input
                type="radio"
                name="notice-type"
                value={type}
                checked={draft.type === type}
                onChange={() => update(withType(draft, type))}
                data-testid={`wizard-type-${type}`}
              />
              <span className="type-card-body">
                <TypeBadge type={type} />
                <span className="type-card-text">
                  <strong>{t("wizard.purpose")}</strong> {t(`noticeType.${type}.purpose`)}
                </span>
                <span className="type-card-text">
                  <strong>{t("wizard.action")}</strong> {t(`noticeType.${type}.action`)}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <p className="hint">{t("wizard.unSpecialNote")}</p>
    </fieldset>
  );
}

// ---- step 2: subject ----

export function SubjectStep({ draft, update }: StepProps) {
  const { t } = useI18n();
  const kinds = draft.type ? TYPE_SUBJECTS[draft.type] : (["person"] as const);
  return (
    <>
      {kinds.length > 1 && (
        <SelectField
          label={t("wizard.subjectKind")}
          value={draft.subjectKind}
          onChange={(e) => update({ subjectKind: e.target.value as SubjectKind })}
          testId="wizard-subject-kind"
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`subjectKind.${k}`)}
            </option>
          ))}
        </SelectField>
      )}
      {draft.subjectKind === "person" && <PersonFields draft={draft} update={update} />}
      {draft.subjectKind === "entity" && (
        <Group legend={t("subjectKind.entity")}>
          <TextField
            label={t("wizard.entityName")}
            value={draft.entity.name}
            onChange={(e) => update({ entity: { ...draft.entity, name: e.target.value } })}
            testId="wizard-entity-name"
          />
          <TextField
            label={t("wizard.aliases")}
            hint={t("wizard.listHint")}
            value={draft.entity.aliases}
            onChange={(e) => update({ entity: { ...draft.entity, aliases: e.target.value } })}
          />
          <CountryField
            label={t("wizard.registrationCountry")}
            value={draft.entity.registrationCountry}
            onChange={(v) => update({ entity: { ...draft.entity, registrationCountry: v } })}
          />
          <TextField
            label={t("wizard.registrationNumber")}
            value={draft.entity.registrationNumber}
            onChange={(e) => update({ entity: { ...draft.entity, registrationNumber: e.target.value } })}
          />
          <TextField
            label={t("wizard.address")}
            value={draft.entity.address}
            onChange={(e) => update({ entity: { ...draft.entity, address: e.target.value } })}
          />
        </Group>
      )}
      {draft.subjectKind === "object" && (
        <Group legend={t("subjectKind.object")}>
          <SelectField
            label={t("wizard.objectType")}
            value={draft.object.objectType}
            onChange={(e) => update({ object: { ...draft.object, objectType: e.target.value } })}
          >
            <option value="">{t("wizard.choose")}</option>
            {OBJECT_TYPES.map((o) => (
              <option key={o} value={o}>
                {t(`objectType.${o}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t("wizard.description")}
            className="span-all"
            rows={3}
            value={draft.object.description}
            onChange={(e) => update({ object: { ...draft.object, description: e.target.value } })}
          />
        </Group>
      )}
      {draft.subjectKind === "event" && (
        <Group legend={t("subjectKind.event")}>
          <TextAreaField
            label={t("wizard.description")}
            className="span-all"
            rows={3}
            value={draft.event.description}
            onChange={(e) => update({ event: { ...draft.event, description: e.target.value } })}
          />
          <TextField
            label={t("wizard.expectedOn")}
            type="date"
            value={draft.event.expectedOn}
            onChange={(e) => update({ event: { ...draft.event, expectedOn: e.target.value } })}
          />
          <TextField
            label={t("wizard.place")}
            value={draft.event.place}
            onChange={(e) => update({ event: { ...draft.event, place: e.target.value } })}
          />
          <CountryField
            label={t("common.country")}
            value={draft.event.country}
            onChange={(v) => update({ event: { ...draft.event, country: v } })}
          />
        </Group>
      )}
      {draft.subjectKind === "modus_operandi" && (
        <Group legend={t("subjectKind.modus_operandi")}>
          <TextAreaField
            label={t("wizard.description")}
            className="span-all"
            rows={4}
            value={draft.moSubject}
            onChange={(e) => update({ moSubject: e.target.value })}
          />
        </Group>
      )}
    </>
  );
}

function PersonFields({ draft, update }: StepProps) {
  const { t } = useI18n();
  const p = draft.person;
  const set = (patch: Partial<PersonDraft>) => update({ person: { ...p, ...patch } });
  return (
    <>
      <Group legend={t("wizard.identity")}>
        <TextField
          label={t("field.subject.familyName")}
          value={p.familyName}
          onChange={(e) => set({ familyName: e.target.value })}
          testId="wizard-family-name"
        />
        <TextField
          label={t("field.subject.forenames")}
          value={p.forenames}
          onChange={(e) => set({ forenames: e.target.value })}
          testId="wizard-forenames"
        />
        <TextField
          label={t("wizard.originalScript")}
          value={p.nameOriginalScript}
          onChange={(e) => set({ nameOriginalScript: e.target.value })}
        />
        <TextField
          label={t("wizard.aliases")}
          hint={t("wizard.listHint")}
          value={p.aliases}
          onChange={(e) => set({ aliases: e.target.value })}
        />
        <SelectField
          label={t("field.subject.sex")}
          value={p.sex}
          onChange={(e) => set({ sex: e.target.value as PersonDraft["sex"] })}
          testId="wizard-sex"
        >
          <option value="">{t("wizard.choose")}</option>
          <option value="F">{t("sex.F")}</option>
          <option value="M">{t("sex.M")}</option>
          <option value="U">{t("sex.U")}</option>
        </SelectField>
        <CountryField
          label={t("wizard.nationalities")}
          multiple
          value={p.nationalities}
          onChange={(v) => set({ nationalities: v })}
          testId="wizard-nationalities"
        />
      </Group>
      <Group legend={t("field.subject.dateOfBirth")}>
        <SelectField
          label={t("wizard.dobPrecision")}
          value={p.dobPrecision}
          onChange={(e) => set({ dobPrecision: e.target.value as PersonDraft["dobPrecision"] })}
          testId="wizard-dob-precision"
        >
          <option value="">{t("wizard.unknown")}</option>
          <option value="date">{t("wizard.dobDate")}</option>
          <option value="year">{t("wizard.dobYear")}</option>
          <option value="range">{t("wizard.dobRange")}</option>
        </SelectField>
        {p.dobPrecision === "date" && (
          <TextField
            label={t("wizard.dobDate")}
            type="date"
            value={p.dobDate}
            onChange={(e) => set({ dobDate: e.target.value })}
            testId="wizard-dob"
          />
        )}
        {p.dobPrecision === "year" && (
          <TextField
            label={t("wizard.dobYear")}
            inputMode="numeric"
            dir="ltr"
            value={p.dobYear}
            onChange={(e) => set({ dobYear: e.target.value })}
          />
        )}
        {p.dobPrecision === "range" && (
          <>
            <TextField
              label={t("wizard.fromYear")}
              inputMode="numeric"
              dir="ltr"
              value={p.dobFrom}
              onChange={(e) => set({ dobFrom: e.target.value })}
            />
            <TextField
              label={t("wizard.toYear")}
              inputMode="numeric"
              dir="ltr"
              value={p.dobTo}
              onChange={(e) => set({ dobTo: e.target.value })}
            />
          </>
        )}
        <TextField
          label={t("wizard.birthPlace")}
          value={p.birthPlace}
          onChange={(e) => set({ birthPlace: e.target.value })}
        />
        <CountryField
          label={t("wizard.birthCountry")}
          value={p.birthCountry}
          onChange={(v) => set({ birthCountry: v })}
        />
      </Group>
      <Group legend={t("wizard.description")}>
        <TextField
          label={t("wizard.heightCm")}
          inputMode="numeric"
          dir="ltr"
          value={p.heightCm}
          onChange={(e) => set({ heightCm: e.target.value })}
          testId="wizard-height"
        />
        <TextField
          label={t("wizard.weightKg")}
          inputMode="numeric"
          dir="ltr"
          value={p.weightKg}
          onChange={(e) => set({ weightKg: e.target.value })}
        />
        <TextField
          label={t("wizard.eyes")}
          value={p.eyeColour}
          onChange={(e) => set({ eyeColour: e.target.value })}
        />
        <TextField
          label={t("wizard.hair")}
          value={p.hairColour}
          onChange={(e) => set({ hairColour: e.target.value })}
        />
        <TextAreaField
          label={t("wizard.marks")}
          className="span-all"
          rows={2}
          value={p.marks}
          onChange={(e) => set({ marks: e.target.value })}
        />
      </Group>
      <Group legend={t("wizard.document")}>
        <SelectField
          label={t("wizard.docType")}
          value={p.docType}
          onChange={(e) => set({ docType: e.target.value })}
        >
          <option value="">{t("wizard.choose")}</option>
          {DOCUMENT_TYPES.map((d) => (
            <option key={d} value={d}>
              {t(`documentType.${d}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("wizard.docNumber")}
          dir="ltr"
          value={p.docNumber}
          onChange={(e) => set({ docNumber: e.target.value })}
        />
        <CountryField
          label={t("wizard.docCountry")}
          value={p.docCountry}
          onChange={(v) => set({ docCountry: v })}
        />
      </Group>
    </>
  );
}

// ---- step 3: offences, warrant or the type's own fields ----

export function DetailsStep({ draft, update }: StepProps) {
  const { t } = useI18n();
  switch (draft.type) {
    case "red":
      return (
        <>
          <SelectField
            label={t("wizard.redPurpose")}
            value={draft.purpose}
            onChange={(e) => update({ purpose: e.target.value as NoticeDraft["purpose"] })}
            testId="wizard-purpose"
          >
            <option value="prosecution">{t("wizard.prosecution")}</option>
            <option value="sentence">{t("wizard.sentence")}</option>
          </SelectField>
          <Offences draft={draft} update={update} />
          <Group legend={t("field.arrestWarrant")} testId="wizard-warrant">
            <SelectField
              label={t("wizard.warrantKind")}
              value={draft.warrant.kind}
              onChange={(e) => update({ warrant: { ...draft.warrant, kind: e.target.value } })}
            >
              <option value="arrest_warrant">{t("wizard.arrestWarrant")}</option>
              <option value="judicial_decision">{t("wizard.judicialDecision")}</option>
            </SelectField>
            <TextField
              label={t("wizard.issuingAuthority")}
              value={draft.warrant.issuingAuthority}
              onChange={(e) => update({ warrant: { ...draft.warrant, issuingAuthority: e.target.value } })}
              testId="wizard-warrant-authority"
            />
            <TextField
              label={t("wizard.issuedOn")}
              type="date"
              value={draft.warrant.issuedOn}
              onChange={(e) => update({ warrant: { ...draft.warrant, issuedOn: e.target.value } })}
              testId="wizard-warrant-date"
            />
            <TextField
              label={t("wizard.reference")}
              dir="ltr"
              value={draft.warrant.reference}
              onChange={(e) => update({ warrant: { ...draft.warrant, reference: e.target.value } })}
              testId="wizard-warrant-reference"
            />
          </Group>
        </>
      );
    case "blue":
    case "green":
      return <Offences draft={draft} update={update} />;
    case "yellow":
      return (
        <Group legend={t("wizard.missing")}>
          <TextField
            label={t("field.missing.since")}
            type="date"
            value={draft.missing.since}
            onChange={(e) => update({ missing: { ...draft.missing, since: e.target.value } })}
          />
          <TextField
            label={t("wizard.lastSeenPlace")}
            value={draft.missing.lastSeenPlace}
            onChange={(e) => update({ missing: { ...draft.missing, lastSeenPlace: e.target.value } })}
          />
          <TextAreaField
            label={t("field.missing.circumstances")}
            className="span-all"
            rows={3}
            value={draft.missing.circumstances}
            onChange={(e) => update({ missing: { ...draft.missing, circumstances: e.target.value } })}
          />
          <CheckboxField
            label={t("wizard.unableToIdentify")}
            checked={draft.missing.unable}
            onChange={(e) => update({ missing: { ...draft.missing, unable: e.target.checked } })}
          />
        </Group>
      );
    case "black":
      return (
        <Group legend={t("wizard.body")}>
          <TextField
            label={t("field.body.foundOn")}
            type="date"
            value={draft.body.foundOn}
            onChange={(e) => update({ body: { ...draft.body, foundOn: e.target.value } })}
          />
          <TextField
            label={t("wizard.foundPlace")}
            value={draft.body.foundPlace}
            onChange={(e) => update({ body: { ...draft.body, foundPlace: e.target.value } })}
          />
          <CountryField
            label={t("field.body.foundCountry")}
            value={draft.body.foundCountry}
            onChange={(v) => update({ body: { ...draft.body, foundCountry: v } })}
          />
          <TextField
            label={t("wizard.ageFrom")}
            inputMode="numeric"
            dir="ltr"
            value={draft.body.ageFrom}
            onChange={(e) => update({ body: { ...draft.body, ageFrom: e.target.value } })}
          />
          <TextField
            label={t("wizard.ageTo")}
            inputMode="numeric"
            dir="ltr"
            value={draft.body.ageTo}
            onChange={(e) => update({ body: { ...draft.body, ageTo: e.target.value } })}
          />
          <TextField
            label={t("wizard.causeOfDeath")}
            value={draft.body.cause}
            onChange={(e) => update({ body: { ...draft.body, cause: e.target.value } })}
          />
        </Group>
      );
    case "orange":
      return (
        <Group legend={t("wizard.threat")}>
          <TextAreaField
            label={t("field.threat.description")}
            className="span-all"
            rows={3}
            value={draft.threat.description}
            onChange={(e) => update({ threat: { ...draft.threat, description: e.target.value } })}
          />
          <SelectField
            label={t("field.threat.imminence")}
            value={draft.threat.imminence}
            onChange={(e) => update({ threat: { ...draft.threat, imminence: e.target.value } })}
          >
            <option value="">{t("wizard.choose")}</option>
            <option value="imminent">{t("imminence.imminent")}</option>
            <option value="likely">{t("imminence.likely")}</option>
            <option value="possible">{t("imminence.possible")}</option>
          </SelectField>
        </Group>
      );
    case "purple":
      return (
        <Group legend={t("subjectKind.modus_operandi")}>
          <TextAreaField
            label={t("field.modusOperandi.description")}
            className="span-all"
            rows={4}
            value={draft.mo.description}
            onChange={(e) => update({ mo: { ...draft.mo, description: e.target.value } })}
          />
          <TextField
            label={t("wizard.concealment")}
            hint={t("wizard.listHint")}
            className="span-all"
            value={draft.mo.concealment}
            onChange={(e) => update({ mo: { ...draft.mo, concealment: e.target.value } })}
          />
        </Group>
      );
    case "silver":
      return (
        <>
          <Assets draft={draft} update={update} />
          <Offences draft={draft} update={update} />
        </>
      );
    default:
      return null;
  }
}

function Offences({ draft, update }: StepProps) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<OffenceDraft>) =>
    update({ offences: draft.offences.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
  return (
    <section aria-label={t("field.offences")}>
      {draft.offences.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: offences have no identity of their own
        <fieldset key={i} className="group" data-testid={`wizard-offence-${i}`}>
          <legend>{t("wizard.offenceN", { n: i + 1 })}</legend>
          <div className="form-grid">
            <TextAreaField
              label={t("wizard.description")}
              className="span-all"
              rows={2}
              value={o.description}
              onChange={(e) => set(i, { description: e.target.value })}
              testId={`wizard-offence-${i}-description`}
            />
            <SelectField
              label={t("wizard.category")}
              value={o.category}
              onChange={(e) => set(i, { category: e.target.value })}
              testId={`wizard-offence-${i}-category`}
            >
              <option value="">{t("wizard.choose")}</option>
              {OFFENCE_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`offenceCategory.${c}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t("wizard.legalProvision")}
              value={o.legalProvision}
              onChange={(e) => set(i, { legalProvision: e.target.value })}
              testId={`wizard-offence-${i}-law`}
            />
            <TextField
              label={t("wizard.maxPenalty")}
              inputMode="numeric"
              dir="ltr"
              disabled={o.life}
              value={o.maxPenaltyMonths}
              onChange={(e) => set(i, { maxPenaltyMonths: e.target.value })}
              testId={`wizard-offence-${i}-penalty`}
            />
            <CheckboxField
              label={t("wizard.life")}
              checked={o.life}
              onChange={(e) => set(i, { life: e.target.checked })}
            />
            <TextField
              label={t("wizard.committedOn")}
              type="date"
              value={o.committedOn}
              onChange={(e) => set(i, { committedOn: e.target.value })}
            />
            <CountryField
              label={t("common.country")}
              value={o.country}
              onChange={(v) => set(i, { country: v })}
            />
            {draft.purpose === "sentence" && draft.type === "red" && (
              <>
                <TextField
                  label={t("wizard.sentenceImposed")}
                  inputMode="numeric"
                  dir="ltr"
                  value={o.sentenceImposed}
                  onChange={(e) => set(i, { sentenceImposed: e.target.value })}
                />
                <TextField
                  label={t("wizard.sentenceRemaining")}
                  inputMode="numeric"
                  dir="ltr"
                  value={o.sentenceRemaining}
                  onChange={(e) => set(i, { sentenceRemaining: e.target.value })}
                />
              </>
            )}
          </div>
          <button
            type="button"
            className="btn btn-small btn-danger-outline"
            onClick={() => update({ offences: draft.offences.filter((_, j) => j !== i) })}
          >
            {t("wizard.removeOffence", { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => update({ offences: [...draft.offences, emptyOffence()] })}
      >
        {t("wizard.addOffence")}
      </button>
    </section>
  );
}

function Assets({ draft, update }: StepProps) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<AssetDraft>) =>
    update({ assets: draft.assets.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  return (
    <section aria-label={t("field.assets")}>
      {draft.assets.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: assets have no identity of their own
        <fieldset key={i} className="group">
          <legend>{t("wizard.assetN", { n: i + 1 })}</legend>
          <div className="form-grid">
            <SelectField
              label={t("wizard.assetType")}
              value={a.assetType}
              onChange={(e) => set(i, { assetType: e.target.value })}
            >
              <option value="">{t("wizard.choose")}</option>
              {ASSET_TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(`assetType.${x}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t("wizard.description")}
              value={a.description}
              onChange={(e) => set(i, { description: e.target.value })}
            />
            <TextField
              label={t("wizard.identifier")}
              dir="ltr"
              value={a.identifier}
              onChange={(e) => set(i, { identifier: e.target.value })}
            />
            <CountryField
              label={t("common.country")}
              value={a.country}
              onChange={(v) => set(i, { country: v })}
            />
            <TextField
              label={t("wizard.valueEur")}
              inputMode="decimal"
              dir="ltr"
              value={a.value}
              onChange={(e) => set(i, { value: e.target.value })}
            />
          </div>
          <button
            type="button"
            className="btn btn-small btn-danger-outline"
            onClick={() => update({ assets: draft.assets.filter((_, j) => j !== i) })}
          >
            {t("wizard.removeAsset", { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => update({ assets: [...draft.assets, emptyAsset()] })}
      >
        {t("wizard.addAsset")}
      </button>
    </section>
  );
}

// ---- step 4: language, title, summary, charges and translations ----

type TextKey = "title" | "summary" | "charges";

export function TextsStep({ draft, update }: StepProps) {
  const { t } = useI18n();
  const keys: TextKey[] = draft.type === "red" ? ["title", "summary", "charges"] : ["title", "summary"];
  const setText = (key: TextKey, patch: Partial<TextDraft>) => update({ [key]: { ...draft[key], ...patch } });
  const labels: Record<TextKey, MessageKey> = {
    title: "field.title",
    summary: "field.summary",
    charges: "field.charges",
  };
  return (
    <>
      <SelectField
        label={t("wizard.language")}
        hint={t("wizard.languageHint")}
        value={draft.language}
        onChange={(e) => update({ language: e.target.value as NoticeDraft["language"] })}
        testId="wizard-language"
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </SelectField>
      <div lang={draft.language} dir={draft.language === "ar" ? "rtl" : "ltr"}>
        {keys.map((key) =>
          key === "title" ? (
            <TextField
              key={key}
              label={t(labels[key])}
              maxLength={8000}
              value={draft[key].text}
              onChange={(e) => setText(key, { text: e.target.value })}
              testId={`wizard-${key}`}
            />
          ) : (
            <TextAreaField
              key={key}
              label={t(labels[key])}
              rows={key === "summary" ? 4 : 2}
              maxLength={8000}
              value={draft[key].text}
              onChange={(e) => setText(key, { text: e.target.value })}
              testId={`wizard-${key}`}
            />
          ),
        )}
      </div>
      <h3>{t("wizard.translations")}</h3>
      <p className="hint">{t("wizard.translationsHint")}</p>
      {LANGUAGES.filter((l) => l !== draft.language).map((l) => (
        <details key={l} className="translation" data-testid={`wizard-translation-${l}`}>
          <summary>{t("wizard.translationIn", { language: LANGUAGE_NAMES[l] })}</summary>
          <div lang={l} dir={l === "ar" ? "rtl" : "ltr"}>
            {keys.map((key) => (
              <TextAreaField
                key={key}
                label={`${t(labels[key])} (${LANGUAGE_NAMES[l]})`}
                rows={key === "summary" ? 3 : 1}
                maxLength={8000}
                value={draft[key].translations[l]}
                onChange={(e) =>
                  setText(key, { translations: { ...draft[key].translations, [l]: e.target.value } })
                }
                testId={`wizard-${key}-${l}`}
              />
            ))}
          </div>
        </details>
      ))}
    </>
  );
}

// ---- step 5: envelope ----

export function EnvelopeStep({ draft, update }: StepProps) {
  const { t } = useI18n();
  const e = draft.envelope;
  const set = (patch: Partial<NoticeDraft["envelope"]>) => update({ envelope: { ...e, ...patch } });
  return (
    <>
      <Group legend={t("records.distribution")}>
        <SelectField
          label={t("records.distribution")}
          value={e.distribution}
          onChange={(ev) => set({ distribution: ev.target.value as NoticeDraft["envelope"]["distribution"] })}
          testId="wizard-distribution"
        >
          <option value="all">{t("distribution.all")}</option>
          <option value="only">{t("wizard.distributionOnly")}</option>
          <option value="except">{t("wizard.distributionExcept")}</option>
        </SelectField>
        {e.distribution !== "all" && (
          <CountryField
            label={t("wizard.countries")}
            multiple
            value={e.countries}
            onChange={(v) => set({ countries: v })}
            testId="wizard-distribution-countries"
          />
        )}
        <SelectField
          label={t("records.handling")}
          value={e.handlingCode}
          onChange={(ev) => set({ handlingCode: ev.target.value as NoticeDraft["envelope"]["handlingCode"] })}
          testId="wizard-handling"
        >
          {(["H0", "H1", "H2", "H3"] as const).map((h) => (
            <option key={h} value={h}>
              {h} — {t(`handling.${h}`)}
            </option>
          ))}
        </SelectField>
        {e.handlingCode === "H3" && (
          <TextField
            label={t("records.handlingNote")}
            required
            value={e.handlingNote}
            onChange={(ev) => set({ handlingNote: ev.target.value })}
          />
        )}
      </Group>
      <Group legend={t("records.evaluation")}>
        <SelectField
          label={t("records.reliability")}
          value={e.sourceReliability}
          onChange={(ev) =>
            set({ sourceReliability: ev.target.value as NoticeDraft["envelope"]["sourceReliability"] })
          }
        >
          {(["A", "B", "C", "X"] as const).map((r) => (
            <option key={r} value={r}>
              {t(`reliability.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("records.accuracy")}
          value={e.informationAccuracy}
          onChange={(ev) =>
            set({ informationAccuracy: ev.target.value as NoticeDraft["envelope"]["informationAccuracy"] })
          }
        >
          {(["1", "2", "3", "4"] as const).map((a) => (
            <option key={a} value={a}>
              {t(`accuracy.${a}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("records.sourceType")}
          value={e.sourceType}
          onChange={(ev) => set({ sourceType: ev.target.value })}
        >
          {(["police", "judicial", "military", "un", "open_source", "platform"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`sourceType.${s}`)}
            </option>
          ))}
        </SelectField>
      </Group>
      {draft.type && PUBLIC_ON_CONSENT.includes(draft.type) ? (
        <CheckboxField
          label={t("wizard.publicExtract")}
          hint={t("wizard.publicExtractHint")}
          checked={draft.publicExtract}
          onChange={(ev) => update({ publicExtract: ev.target.checked })}
          testId="wizard-public-extract"
        />
      ) : (
        <p className="hint">{t("wizard.neverPublic")}</p>
      )}
    </>
  );
}

// ---- step 6: review ----

export function ReviewStep({ draft }: { draft: NoticeDraft }) {
  const { t } = useI18n();
  const p = draft.person;
  const name =
    draft.subjectKind === "person"
      ? [p.familyName, p.forenames].filter(Boolean).join(", ")
      : draft.subjectKind === "entity"
        ? draft.entity.name
        : "";
  const e = draft.envelope;
  return (
    <dl className="kv" data-testid="wizard-review">
      <dt>{t("notices.type")}</dt>
      <dd>{draft.type && <TypeBadge type={draft.type} />}</dd>
      <dt>{t("wizard.subjectKind")}</dt>
      <dd>{t(`subjectKind.${draft.subjectKind}`)}</dd>
      {name && (
        <>
          <dt>{t("notices.subject")}</dt>
          <dd>
            <bdi>{name}</bdi>
          </dd>
        </>
      )}
      <dt>{t("field.title")}</dt>
      <dd>
        <bdi>{draft.title.text || "—"}</bdi>
      </dd>
      <dt>{t("wizard.language")}</dt>
      <dd>{LANGUAGE_NAMES[draft.language]}</dd>
      <dt>{t("wizard.translations")}</dt>
      <dd>
        {LANGUAGES.filter((l) => l !== draft.language && draft.title.translations[l].trim())
          .map((l) => LANGUAGE_NAMES[l])
          .join(", ") || "—"}
      </dd>
      {draft.type === "red" && (
        <>
          <dt>{t("field.offences")}</dt>
          <dd>{draft.offences.length}</dd>
          <dt>{t("field.arrestWarrant")}</dt>
          <dd>
            <bdi>
              {[draft.warrant.issuingAuthority, draft.warrant.reference].filter(Boolean).join(" · ") || "—"}
            </bdi>
          </dd>
        </>
      )}
      <dt>{t("records.distribution")}</dt>
      <dd>
        {e.distribution === "all"
          ? t("distribution.all")
          : t(`distribution.${e.distribution}`, { countries: e.countries })}
      </dd>
      <dt>{t("records.handling")}</dt>
      <dd>
        {e.handlingCode} — {t(`handling.${e.handlingCode}`)}
      </dd>
      <dt>{t("notices.publicExtract")}</dt>
      <dd data-testid="wizard-review-public">{draft.publicExtract ? t("common.yes") : t("common.no")}</dd>
    </dl>
  );
}
