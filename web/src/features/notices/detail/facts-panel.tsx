import { CountryName } from "../../../components/country-name.tsx";
import { Distribution, HandlingBadge } from "../../../components/envelope.tsx";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { Flags } from "../parts.tsx";
import type { Notice } from "../types.ts";

/** Owner, risk, envelope and the notice's dates. */
export function FactsPanel({ notice: n }: { notice: Notice }) {
  const { t, dateTime, date } = useI18n();
  return (
    <section className="panel" aria-labelledby="facts-heading">
      <h2 id="facts-heading">{t("notices.facts")}</h2>
      <dl className="kv" data-testid="notice-facts">
        <dt>{t("records.owner")}</dt>
        <dd>
          <CountryName code={n.envelope.owner} withCode />
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
  );
}
