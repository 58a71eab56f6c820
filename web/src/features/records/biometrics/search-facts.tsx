import { CountryName } from "../../../components/country-name.tsx";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { formatText, scoreText } from "./texts.ts";
import type { BiometricSearch } from "./types.ts";

/** Who searched, from where, why, with what probe, and the threshold the candidates were held to. */
export function SearchFacts({ search: s }: { search: BiometricSearch }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  // A screening search keeps the traveller as the check gave them; the name is what the bureau reads.
  const traveller = typeof s.traveller?.name === "string" ? s.traveller.name : null;
  return (
    <section className="panel" aria-labelledby="facts-heading" data-testid="search-facts">
      <h2 id="facts-heading">{t("bio.facts.heading")}</h2>
      <dl className="kv">
        <dt>{t("bio.facts.when")}</dt>
        <dd>
          <time dateTime={s.at}>{dateTime(s.at)}</time>
        </dd>
        <dt>{t("bio.facts.by")}</dt>
        <dd>
          <bdi>{s.searchedBy}</bdi> (<CountryName code={s.country} />)
        </dd>
        <dt>{t("bio.facts.purpose")}</dt>
        <dd>{t(`bio.purpose.${s.purpose}`)}</dd>
        <dt>{t("bio.field.reason")}</dt>
        <dd data-testid="search-reason">
          <bdi>{s.reason}</bdi>
        </dd>
        {s.location && (
          <>
            <dt>{t("bio.facts.location")}</dt>
            <dd>
              <bdi>{s.location}</bdi>
            </dd>
          </>
        )}
        {traveller && (
          <>
            <dt>{t("bio.facts.traveller")}</dt>
            <dd>
              <bdi>{traveller}</bdi>
            </dd>
          </>
        )}
        <dt>{t("bio.facts.probe")}</dt>
        <dd data-testid="search-probe">
          {formatText(i18n, s.probe.format)}
          {s.probe.minutiae !== null && ` · ${t("bio.templates.minutiaeCount", { n: s.probe.minutiae })}`}
          {s.probe.dimension !== null && ` · ${t("bio.templates.dimensionCount", { n: s.probe.dimension })}`}
        </dd>
        <dt>{t("bio.facts.threshold")}</dt>
        <dd>
          <bdi>{scoreText(i18n, s.threshold)}</bdi>
        </dd>
      </dl>
    </section>
  );
}
