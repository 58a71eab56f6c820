import { hasOwnText, type MessageKey, useI18n } from "../../lib/i18n/index.tsx";
import { fieldLabel } from "./parts.tsx";

type Obj = Record<string, unknown>;
type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
const o = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});

/** Labels of the request's fields, by path with list positions written "#". */
const LABELS: Record<string, MessageKey> = {
  purpose: "wizard.redPurpose",
  "subject.kind": "wizard.subjectKind",
  "subject.familyName": "field.subject.familyName",
  "subject.forenames": "field.subject.forenames",
  "subject.nameOriginalScript": "wizard.originalScript",
  "subject.aliases": "wizard.aliases",
  "subject.sex": "field.subject.sex",
  "subject.dateOfBirth.date": "field.subject.dateOfBirth",
  "subject.dateOfBirth.year": "field.subject.dateOfBirth",
  "subject.dateOfBirth.fromYear": "wizard.fromYear",
  "subject.dateOfBirth.toYear": "wizard.toYear",
  "subject.placeOfBirth.place": "wizard.birthPlace",
  "subject.placeOfBirth.country": "wizard.birthCountry",
  "subject.nationalities": "wizard.nationalities",
  "subject.physicalDescription.heightCm": "wizard.heightCm",
  "subject.physicalDescription.weightKg": "wizard.weightKg",
  "subject.physicalDescription.eyeColour": "wizard.eyes",
  "subject.physicalDescription.hairColour": "wizard.hair",
  "subject.physicalDescription.distinguishingMarks": "wizard.marks",
  "subject.identityDocuments.#.type": "wizard.docType",
  "subject.identityDocuments.#.number": "wizard.docNumber",
  "subject.identityDocuments.#.issuingCountry": "wizard.docCountry",
  "subject.name": "wizard.entityName",
  "subject.registrationCountry": "wizard.registrationCountry",
  "subject.registrationNumber": "wizard.registrationNumber",
  "subject.addresses.#.text": "wizard.address",
  "subject.objectType": "wizard.objectType",
  "subject.description": "wizard.description",
  "subject.expectedOn": "wizard.expectedOn",
  "subject.place": "wizard.place",
  "subject.country": "common.country",
  "offences.#.description": "wizard.description",
  "offences.#.category": "wizard.category",
  "offences.#.legalProvision": "wizard.legalProvision",
  "offences.#.maxPenaltyMonths": "wizard.maxPenalty",
  "offences.#.committedOn": "wizard.committedOn",
  "offences.#.country": "common.country",
  "offences.#.sentence.imposedMonths": "wizard.sentenceImposed",
  "offences.#.sentence.remainingMonths": "wizard.sentenceRemaining",
  "arrestWarrant.kind": "field.arrestWarrant",
  "arrestWarrant.issuingAuthority": "wizard.issuingAuthority",
  "arrestWarrant.issuedOn": "wizard.issuedOn",
  "arrestWarrant.reference": "wizard.reference",
  "missing.since": "field.missing.since",
  "missing.lastSeenPlace": "wizard.lastSeenPlace",
  "missing.circumstances": "field.missing.circumstances",
  unableToIdentifySelf: "wizard.unableToIdentify",
  "body.foundOn": "field.body.foundOn",
  "body.foundPlace": "wizard.foundPlace",
  "body.foundCountry": "field.body.foundCountry",
  "body.estimatedAgeFrom": "wizard.ageFrom",
  "body.estimatedAgeTo": "wizard.ageTo",
  "body.causeOfDeath": "wizard.causeOfDeath",
  "threat.description": "field.threat.description",
  "threat.imminence": "field.threat.imminence",
  "modusOperandi.description": "field.modusOperandi.description",
  "modusOperandi.concealmentMethods": "wizard.concealment",
  "assets.#.assetType": "wizard.assetType",
  "assets.#.description": "wizard.description",
  "assets.#.identifier": "wizard.identifier",
  "assets.#.country": "common.country",
  "assets.#.estimatedValueEur": "wizard.valueEur",
};

/** Coded values shown translated: the key prefix for each coded field. */
const CODED: Record<string, string> = {
  "subject.kind": "subjectKind",
  "subject.sex": "sex",
  "subject.objectType": "objectType",
  "subject.identityDocuments.#.type": "documentType",
  "offences.#.category": "offenceCategory",
  "threat.imminence": "imminence",
  "assets.#.assetType": "assetType",
};

const SKIPPED = new Set(["subject.dateOfBirth.precision"]);

function label(t: T, path: string): string {
  const generic = path.replace(/\.\d+(?=\.|$)/g, ".#");
  const key = LABELS[generic];
  const base = key ? t(key) : fieldLabel(t, path);
  const offence = /^offences\.(\d+)\./.exec(path);
  if (offence) return `${t("wizard.offenceN", { n: Number(offence[1]) + 1 })} · ${base}`;
  const asset = /^assets\.(\d+)\./.exec(path);
  if (asset) return `${t("wizard.assetN", { n: Number(asset[1]) + 1 })} · ${base}`;
  return base;
}

function value(t: T, path: string, v: unknown): string {
  const generic = path.replace(/\.\d+(?=\.|$)/g, ".#");
  if (typeof v === "boolean") return v ? t("common.yes") : t("common.no");
  if (v === null && generic === "offences.#.maxPenaltyMonths") return t("wizard.life");
  if (generic === "purpose") return v === "sentence" ? t("wizard.sentence") : t("wizard.prosecution");
  if (generic === "arrestWarrant.kind")
    return v === "judicial_decision" ? t("wizard.judicialDecision") : t("wizard.arrestWarrant");
  const prefix = CODED[generic];
  if (prefix && hasOwnText("en", `${prefix}.${String(v)}`)) return t(`${prefix}.${String(v)}` as MessageKey);
  return String(v);
}

/** Nested request fields as [path, value] rows (list positions from 1); lists of plain values joined. */
function flatten(path: string, v: unknown): Array<[string, unknown]> {
  if (SKIPPED.has(path)) return [];
  if (v === null && path.endsWith(".maxPenaltyMonths")) return [[path, null]];
  if (v === undefined || v === null || v === "") return [];
  if (Array.isArray(v)) {
    if (v.length === 0) return [];
    if (v.every((x) => typeof x !== "object")) return [[path, v.join(", ")]];
    return v.flatMap((x, i) => flatten(`${path}.${i + 1}`, x));
  }
  if (typeof v === "object") return Object.entries(v as Obj).flatMap(([k, x]) => flatten(`${path}.${k}`, x));
  return [[path, v]];
}

const TEXT_FIELDS = ["title", "summary", "charges"] as const;

/** The request as its owner wrote it: the localised texts with their translations, then every field. */
export function RequestView({ request }: { request: Obj }) {
  const { t } = useI18n();
  const rest = Object.entries(request).filter(
    ([k]) => k !== "type" && !(TEXT_FIELDS as readonly string[]).includes(k),
  );
  return (
    <section className="panel" aria-labelledby="request-heading">
      <h2 id="request-heading">{t("notices.request")}</h2>
      {TEXT_FIELDS.map((key) => {
        const text = o(request[key]);
        if (typeof text.text !== "string") return null;
        const translations = Object.entries(o(text.translations));
        const lang = typeof text.language === "string" ? text.language : undefined;
        return (
          <div key={key} className="localised" data-testid={`notice-${key}`}>
            <h3>{fieldLabel(t, key)}</h3>
            <p lang={lang} dir="auto">
              {text.text}
            </p>
            {translations.map(([l, tr]) => (
              <p key={l} lang={l} dir="auto" className="translation-text">
                <span className="badge">{l.toUpperCase()}</span> {String(tr)}
              </p>
            ))}
          </div>
        );
      })}
      <dl className="kv request-kv" data-testid="notice-request">
        {rest
          .flatMap(([k, v]) => flatten(k, v))
          .map(([path, v]) => (
            <Row key={path} label={label(t, path)} value={value(t, path, v)} />
          ))}
      </dl>
    </section>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <bdi>{value}</bdi>
      </dd>
    </>
  );
}
