import type { Envelope } from "../features/records/types.ts";
import type { Accuracy } from "../lib/envelope.ts";
import { countryList } from "../lib/i18n/countries.ts";
import { hasOwnText, type MessageKey, useI18n } from "../lib/i18n/index.tsx";

const SOON_MS = 90 * 24 * 3600 * 1000;

export function HandlingBadge({ envelope }: { envelope: Envelope }) {
  const { t } = useI18n();
  const label = t(`handling.${envelope.handlingCode}`);
  return (
    <span className={`badge badge-${envelope.handlingCode.toLowerCase()}`} title={label}>
      {envelope.handlingCode}
      <span className="visually-hidden"> — {label}</span>
    </span>
  );
}

/** The 4x4 evaluation code, e.g. "B2", with its meaning for assistive technology and on hover. */
export function Evaluation({ envelope }: { envelope: Envelope }) {
  const { t } = useI18n();
  const label = `${t(`reliability.${envelope.sourceReliability}`)}; ${t(`accuracy.${envelope.informationAccuracy as Accuracy}`)}`;
  return (
    <abbr title={label} className="eval">
      {envelope.sourceReliability}
      {envelope.informationAccuracy}
    </abbr>
  );
}

export function Distribution({ envelope }: { envelope: Envelope }) {
  const { t, lang } = useI18n();
  const countries = countryList(lang, envelope.distributionCountries);
  if (envelope.distribution === "all") return <>{t("distribution.all")}</>;
  return <>{t(`distribution.${envelope.distribution}`, { countries })}</>;
}

export function ReviewDate({ iso }: { iso: string }) {
  const { t, date } = useI18n();
  const due = new Date(iso).getTime() - Date.now();
  const state = due < 0 ? "overdue" : due < SOON_MS ? "soon" : null;
  return (
    <span className={state ? `review review-${state}` : "review"}>
      <time dateTime={iso}>{date(iso)}</time>
      {state && <span className={`badge badge-${state}`}>{t(`review.${state}`)}</span>}
    </span>
  );
}

/** Known source types are translated; an unknown one is shown as the server sent it. */
export function sourceTypeLabel(t: (k: MessageKey) => string, sourceType: string): string {
  const key = `sourceType.${sourceType}`;
  return hasOwnText("en", key) ? t(key as MessageKey) : sourceType;
}
