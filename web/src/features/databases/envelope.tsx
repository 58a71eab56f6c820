import type { ReactNode } from "react";
import { CountryName } from "../../components/country-name.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { countryList } from "../../lib/i18n/countries.ts";
import { type MessageKey, useI18n } from "../../lib/i18n/index.tsx";
import { useFormat } from "./format.tsx";
import type { Envelope } from "./types.ts";

export const DISTRIBUTIONS = ["all", "only", "except"] as const;
const HANDLING = ["H0", "H1", "H2", "H3"] as const;
const RELIABILITY = ["A", "B", "C", "X"] as const;
const ACCURACY = ["1", "2", "3", "4"] as const;
const SOURCE_TYPES = ["police", "judicial", "military", "un", "open_source", "platform"] as const;

/** The envelope as the form holds it: text, as the inputs give it. */
export interface EnvelopeDraft {
  distribution: string;
  countries: string;
  handlingCode: string;
  handlingNote: string;
  sourceReliability: string;
  informationAccuracy: string;
  sourceType: string;
  reviewAt: string;
}

export const newEnvelope = (): EnvelopeDraft => ({
  distribution: "all",
  countries: "",
  handlingCode: "H0",
  handlingNote: "",
  sourceReliability: "B",
  informationAccuracy: "2",
  sourceType: "police",
  reviewAt: "",
});

export const draftOf = (e: Envelope): EnvelopeDraft => ({
  distribution: e.distribution,
  countries: e.distributionCountries.join(" "),
  handlingCode: e.handlingCode,
  handlingNote: e.handlingNote ?? "",
  sourceReliability: e.sourceReliability,
  informationAccuracy: String(e.informationAccuracy),
  sourceType: e.sourceType,
  reviewAt: "",
});

/** The request body's envelope (envelopeInputSchema). */
export function envelopeBody(d: EnvelopeDraft) {
  const countries = d.countries
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  return {
    distribution: d.distribution,
    distributionCountries: d.distribution === "all" ? [] : countries,
    handlingCode: d.handlingCode,
    ...(d.handlingNote.trim() ? { handlingNote: d.handlingNote.trim() } : {}),
    sourceReliability: d.sourceReliability,
    informationAccuracy: Number(d.informationAccuracy),
    sourceType: d.sourceType,
    ...(d.reviewAt ? { reviewAt: d.reviewAt } : {}),
  };
}

/** The envelope's labels by field path, for error sentences ("envelope.handlingNote"). */
export const ENVELOPE_LABELS: Record<string, MessageKey> = {
  distribution: "db.env.distribution",
  distributionCountries: "db.env.countries",
  handlingCode: "db.env.handling",
  handlingNote: "db.env.handlingNote",
  sourceReliability: "db.env.reliability",
  informationAccuracy: "db.env.accuracy",
  sourceType: "db.env.sourceType",
  reviewAt: "db.env.reviewAt",
};

interface FieldsProps {
  value: EnvelopeDraft;
  onChange: (d: EnvelopeDraft) => void;
  /** The error sentence under a field, by envelope field name. */
  errorFor: (name: string) => ReactNode;
}

export function EnvelopeFields({ value, onChange, errorFor }: FieldsProps) {
  const { t } = useI18n();
  const set = (key: keyof EnvelopeDraft) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value });
  return (
    <fieldset className="form-grid span-all" data-testid="envelope-fields">
      <legend>{t("db.env.title")}</legend>
      <SelectField label={t("db.env.distribution")} value={value.distribution} onChange={set("distribution")}>
        {DISTRIBUTIONS.map((d) => (
          <option key={d} value={d}>
            {t(`db.env.distribution.${d}`)}
          </option>
        ))}
      </SelectField>
      {value.distribution !== "all" && (
        <div>
          <TextField
            label={t("db.env.countries")}
            hint={t("db.env.countriesHint")}
            value={value.countries}
            onChange={set("countries")}
            testId="env-countries"
          />
          {errorFor("distributionCountries")}
        </div>
      )}
      <SelectField label={t("db.env.handling")} value={value.handlingCode} onChange={set("handlingCode")}>
        {HANDLING.map((h) => (
          <option key={h} value={h}>
            {h} — {t(`handling.${h}`)}
          </option>
        ))}
      </SelectField>
      {value.handlingCode === "H3" && (
        <div>
          <TextField
            label={t("db.env.handlingNote")}
            value={value.handlingNote}
            onChange={set("handlingNote")}
          />
          {errorFor("handlingNote")}
        </div>
      )}
      <SelectField
        label={t("db.env.reliability")}
        value={value.sourceReliability}
        onChange={set("sourceReliability")}
      >
        {RELIABILITY.map((r) => (
          <option key={r} value={r}>
            {t(`reliability.${r}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("db.env.accuracy")}
        value={value.informationAccuracy}
        onChange={set("informationAccuracy")}
      >
        {ACCURACY.map((a) => (
          <option key={a} value={a}>
            {t(`accuracy.${a}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("db.env.sourceType")} value={value.sourceType} onChange={set("sourceType")}>
        {SOURCE_TYPES.map((s) => (
          <option key={s} value={s}>
            {t(`sourceType.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("db.env.reviewAt")}
        hint={t("db.env.reviewHint")}
        type="date"
        value={value.reviewAt}
        onChange={set("reviewAt")}
      />
    </fieldset>
  );
}

/** The owner's rules of an item, read-only. */
export function EnvelopeView({ envelope: e }: { envelope: Envelope }) {
  const { t, lang } = useI18n();
  const f = useFormat();
  const countries = countryList(lang, e.distributionCountries);
  return (
    <dl className="kv" data-testid="item-envelope">
      <dt>{t("db.field.owner")}</dt>
      <dd>
        <CountryName code={e.owner} withCode />
      </dd>
      <dt>{t("db.env.distribution")}</dt>
      <dd>
        {e.distribution === "all"
          ? t("distribution.all")
          : t(`distribution.${e.distribution}`, { countries })}
      </dd>
      <dt>{t("db.env.handling")}</dt>
      <dd>
        <span className={`badge badge-${e.handlingCode.toLowerCase()}`}>{e.handlingCode}</span>{" "}
        {t(`handling.${e.handlingCode}`)}
        {e.handlingNote && (
          <>
            {" — "}
            <bdi>{e.handlingNote}</bdi>
          </>
        )}
      </dd>
      <dt>{t("db.env.evaluation")}</dt>
      <dd>
        {t(`reliability.${e.sourceReliability}`)}; {f.option("accuracy", e.informationAccuracy)}
      </dd>
      <dt>{t("db.env.sourceType")}</dt>
      <dd>{f.option("sourceType", e.sourceType)}</dd>
      <dt>{t("db.env.reviewAt")}</dt>
      <dd>
        <time dateTime={e.reviewAt}>{f.day(e.reviewAt)}</time>
      </dd>
    </dl>
  );
}
