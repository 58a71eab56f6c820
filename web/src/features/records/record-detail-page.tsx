import { DataState } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, segment } from "../../lib/router.tsx";
import { useApi } from "../../lib/use-api.ts";
import { Distribution, Evaluation, HandlingBadge, ReviewDate, sourceTypeLabel } from "./envelope.tsx";
import type { IntelRecord } from "./types.ts";

export function RecordDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useApi<IntelRecord>(`/records/${segment(id)}`);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/records">{t("records.back")}</Link>
      </p>
      <DataState {...state}>{(record) => <RecordDetail record={record} />}</DataState>
    </>
  );
}

function RecordDetail({ record }: { record: IntelRecord }) {
  const { t, dateTime } = useI18n();
  const env = record.envelope;
  const props = Object.entries(record.properties).filter(([, values]) => values.length > 0);
  return (
    <article aria-labelledby="record-title">
      <h1 id="record-title">
        <bdi>{record.caption || record.id}</bdi> <span className="schema-tag">{record.schema}</span>
      </h1>
      <div className="detail-grid">
        <section className="panel" aria-labelledby="envelope-heading">
          <h2 id="envelope-heading">{t("records.envelope")}</h2>
          <dl className="kv" data-testid="record-envelope">
            <dt>{t("records.owner")}</dt>
            <dd>
              <code>{env.owner}</code>
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
                  <bdi>{env.handlingNote}</bdi>
                </dd>
              </>
            )}
            <dt>{t("records.evaluation")}</dt>
            <dd>
              <Evaluation envelope={env} /> {t(`reliability.${env.sourceReliability}`)};{" "}
              {t(`accuracy.${env.informationAccuracy}`)}
            </dd>
            <dt>{t("records.sourceType")}</dt>
            <dd>{sourceTypeLabel(t, env.sourceType)}</dd>
            <dt>{t("records.review")}</dt>
            <dd>
              <ReviewDate iso={env.reviewAt} />
            </dd>
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
        <section className="panel" aria-labelledby="props-heading">
          <h2 id="props-heading">{t("records.properties")}</h2>
          {props.length === 0 ? (
            <p className="empty">{t("records.noProperties")}</p>
          ) : (
            <table className="data" data-testid="record-properties">
              <thead>
                <tr>
                  <th scope="col">{t("records.property")}</th>
                  <th scope="col">{t("records.values")}</th>
                </tr>
              </thead>
              <tbody>
                {props.map(([name, values]) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>
                      <ul className="values">
                        {[...new Set(values)].map((v) => (
                          <li key={v}>
                            <bdi>{v}</bdi>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </article>
  );
}
