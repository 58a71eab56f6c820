import { CountryName } from "../../components/country-name.tsx";
import {
  Distribution,
  Evaluation,
  HandlingBadge,
  ReviewDate,
  sourceTypeLabel,
} from "../../components/envelope.tsx";
import type { Accuracy } from "../../lib/envelope.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import type { IntelRecord } from "./types.ts";

/** The owner's rules of a record: owner, distribution, handling, evaluation, source type, review date. */
export function EnvelopePanel({ record }: { record: IntelRecord }) {
  const { t, dateTime } = useI18n();
  const env = record.envelope;
  return (
    <section className="panel" aria-labelledby="envelope-heading">
      <h2 id="envelope-heading">{t("records.envelope")}</h2>
      <dl className="kv" data-testid="record-envelope">
        <dt>{t("records.owner")}</dt>
        <dd>
          <CountryName code={env.owner} withCode />
        </dd>
        <dt>{t("records.distribution")}</dt>
        <dd>
          <Distribution envelope={env} />
        </dd>
        <dt>{t("records.handling")}</dt>
        <dd>
          <HandlingBadge envelope={env} /> {t(`handling.${env.handlingCode}`)}
        </dd>
        {env.handlingNote && (
          <>
            <dt>{t("records.handlingNote")}</dt>
            <dd>
              <bdi dir="auto">{env.handlingNote}</bdi>
            </dd>
          </>
        )}
        <dt>{t("records.evaluation")}</dt>
        <dd>
          <Evaluation envelope={env} /> {t(`reliability.${env.sourceReliability}`)};{" "}
          {t(`accuracy.${env.informationAccuracy as Accuracy}`)}
        </dd>
        <dt>{t("records.sourceType")}</dt>
        <dd>{sourceTypeLabel(t, env.sourceType)}</dd>
        <dt>{t("records.review")}</dt>
        <dd>
          <ReviewDate iso={env.reviewAt} />
          {record.reviewOverdue && <p className="muted">{t("persons.reviewOverdue")}</p>}
        </dd>
        {record.reference && (
          <>
            <dt>{t("persons.reference")}</dt>
            <dd>
              <code className="wrap">{record.reference}</code>
            </dd>
          </>
        )}
        <dt>{t("records.id")}</dt>
        <dd>
          <code className="wrap">{record.id}</code>
        </dd>
        <dt>{t("records.created")}</dt>
        <dd>{dateTime(record.createdAt)}</dd>
        <dt>{t("records.updated")}</dt>
        <dd>{dateTime(record.updatedAt)}</dd>
      </dl>
    </section>
  );
}
