import { useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { DataState } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { useMe } from "../../lib/session.tsx";
import { useApi } from "../../lib/use-api.ts";
import { biometricsPath, recordPhotoUrl, retractTemplate } from "./biometrics/api.ts";
import { fingersText, formatText } from "./biometrics/texts.ts";
import type { BiometricTemplate } from "./biometrics/types.ts";
import { BiometricsEnrolForm } from "./biometrics-enrol.tsx";
import type { IntelRecord } from "./types.ts";
import "./biometrics/biometrics.css";

/** The roles that may change records (records.policy.ts); the owner's country alone enrols. */
const WRITERS = new Set(["ncb_officer", "ncb_admin", "gs_analyst"]);

/**
 * A person's biometrics: the templates enrolled (retracted ones as history) and, for the owner,
 * enrolment of a fingerprint template or a face photo and retraction. The server checks every
 * action again; this only decides what the panel offers.
 */
export function BiometricsPanel({ record }: { record: IntelRecord }) {
  const { t } = useI18n();
  const me = useMe();
  const list = useApi<{ items: BiometricTemplate[] }>(biometricsPath(record.id));
  const [retractError, setRetractError] = useState<unknown>(undefined);
  const isOwner = WRITERS.has(me.role) && record.envelope.owner === me.country.code;

  const retract = async (id: string) => {
    setRetractError(undefined);
    try {
      await retractTemplate(record.id, id);
      list.reload();
    } catch (e) {
      setRetractError(e);
    }
  };

  return (
    <section className="panel" aria-labelledby="biometrics-heading" data-testid="biometrics-panel">
      <h2 id="biometrics-heading">{t("bio.panel.heading")}</h2>
      <ErrorAlert error={retractError} />
      <DataState {...list}>
        {(data) => {
          const current = data.items.filter((x) => !x.retractedAt);
          const retracted = data.items.filter((x) => x.retractedAt);
          return (
            <>
              {current.length === 0 ? (
                <p className="muted" data-testid="biometrics-empty">
                  {t("bio.panel.empty")}
                </p>
              ) : (
                <TemplatesTable
                  recordId={record.id}
                  items={current}
                  onRetract={isOwner ? (id) => void retract(id) : null}
                  testId="biometrics-current"
                />
              )}
              {retracted.length > 0 && (
                <details className="bio-history" data-testid="biometrics-history">
                  <summary>{t("bio.panel.history", { n: retracted.length })}</summary>
                  <TemplatesTable
                    recordId={record.id}
                    items={retracted}
                    onRetract={null}
                    testId="biometrics-retracted"
                  />
                </details>
              )}
            </>
          );
        }}
      </DataState>
      {isOwner && <BiometricsEnrolForm recordId={record.id} onEnrolled={list.reload} />}
    </section>
  );
}

function TemplatesTable({
  recordId,
  items,
  onRetract,
  testId,
}: {
  recordId: string;
  items: readonly BiometricTemplate[];
  onRetract: ((id: string) => void) | null;
  testId: string;
}) {
  const i18n = useI18n();
  const { t, date } = i18n;
  return (
    <div className="table-wrap">
      <table className="data" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t("bio.templates.modality")}</th>
            <th scope="col">{t("bio.templates.format")}</th>
            <th scope="col">{t("bio.templates.fingers")}</th>
            <th scope="col" className="num">
              {t("bio.templates.size")}
            </th>
            <th scope="col">{t("bio.templates.source")}</th>
            <th scope="col">{t("bio.templates.recorded")}</th>
            {onRetract ? (
              <th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            ) : (
              <th scope="col">{t("bio.templates.retracted")}</th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((x) => (
            <tr key={x.id} data-testid="template-row" data-modality={x.modality}>
              <td>
                {t(`bio.kind.${x.modality}`)}
                {x.modality === "face" && x.photoId !== null && x.photoId !== undefined && (
                  <img
                    className="template-thumb"
                    src={recordPhotoUrl(recordId, x.photoId)}
                    alt={t("bio.templates.photoAlt")}
                  />
                )}
              </td>
              <td data-testid="template-format">{formatText(i18n, x.format)}</td>
              <td>{x.modality === "fingerprint" ? fingersText(i18n, x.fingers) : "—"}</td>
              <td className="num" data-testid="template-size">
                {x.minutiae !== null
                  ? t("bio.templates.minutiaeCount", { n: x.minutiae })
                  : x.dimension !== null
                    ? t("bio.templates.dimensionCount", { n: x.dimension })
                    : "—"}
              </td>
              <td>
                <bdi>{x.source}</bdi>
              </td>
              <td>
                <time dateTime={x.recordedAt}>{date(x.recordedAt)}</time>
              </td>
              <td className="actions">
                {onRetract ? (
                  <ConfirmButton
                    label={t("bio.templates.retract")}
                    question={t("bio.templates.retractQuestion")}
                    onConfirm={() => onRetract(x.id)}
                    danger
                    testId="template-retract"
                  />
                ) : (
                  <time dateTime={x.retractedAt ?? ""}>{date(x.retractedAt)}</time>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
