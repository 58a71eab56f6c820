import { useState } from "react";
import { ErrorAlert } from "../../../components/alert.tsx";
import { Loading } from "../../../components/states.tsx";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { Link, segment } from "../../../lib/router.tsx";
import { useApi } from "../../../lib/use-api.ts";
import { probeImageUrl, probeMinutiaePath, recordPhotoUrl, templateMinutiaePath } from "./api.ts";
import { extentOf, MinutiaeLegend, MinutiaePlot } from "./minutiae-plot.tsx";
import { scoreText } from "./texts.ts";
import type { BiometricSearch, Candidate, MinutiaeSet, MinutiaeView } from "./types.ts";

/**
 * The probe beside one candidate, for the person who decides: the two faces, or the two fingerprints'
 * minutiae. The candidate's side is read through the records guard, so a person the reader may no
 * longer see shows nothing here either.
 */
export function SideBySide({ search, candidate }: { search: BiometricSearch; candidate: Candidate | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="panel" aria-labelledby="compare-heading" data-testid="side-by-side">
      <h2 id="compare-heading">{t("bio.compare.heading")}</h2>
      {candidate ? (
        <p className="muted" data-testid="compare-which">
          {t("bio.compare.which", {
            rank: candidate.rank,
            name: candidate.caption,
            score: scoreText(i18n, candidate.score),
          })}
        </p>
      ) : (
        <p className="muted">{t("bio.compare.none")}</p>
      )}
      {search.modality === "face" ? (
        <FacePair search={search} candidate={candidate} />
      ) : (
        <FingerprintPair search={search} candidate={candidate} />
      )}
    </section>
  );
}

function Photo({ src, alt, testId }: { src: string; alt: string; testId: string }) {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  if (failed) return <p className="muted">{t("bio.compare.photoUnavailable")}</p>;
  return (
    <img className="face-photo" src={src} alt={alt} onError={() => setFailed(true)} data-testid={testId} />
  );
}

function FacePair({ search, candidate }: { search: BiometricSearch; candidate: Candidate | null }) {
  const { t } = useI18n();
  return (
    <div className="compare-grid">
      <figure className="compare-side" data-testid="compare-probe">
        <figcaption>{t("bio.compare.probe")}</figcaption>
        {search.probe.hasImage ? (
          <Photo src={probeImageUrl(search.id)} alt={t("bio.compare.probeAlt")} testId="probe-image" />
        ) : (
          <p className="muted">{t("bio.compare.noProbeImage")}</p>
        )}
      </figure>
      <figure className="compare-side" data-testid="compare-candidate">
        <figcaption>
          {candidate ? (
            <Link to={`/records/${segment(candidate.recordId)}`}>
              <bdi>{candidate.caption}</bdi>
            </Link>
          ) : (
            t("bio.compare.candidate")
          )}
        </figcaption>
        {candidate?.photoId !== null && candidate?.photoId !== undefined ? (
          <Photo
            key={candidate.id}
            src={recordPhotoUrl(candidate.recordId, candidate.photoId)}
            alt={t("bio.compare.candidateAlt", { name: candidate.caption })}
            testId="candidate-photo"
          />
        ) : (
          <p className="muted">{t("bio.compare.noPhoto")}</p>
        )}
      </figure>
    </div>
  );
}

type Row = { probe: MinutiaeView | null; candidate: MinutiaeView | null };

/**
 * The views side by side, one finger a row: each probe view beside the candidate's view of the same
 * finger, then, where the positions are unknown or differ, beside the candidate's others in order.
 */
export function pairViews(probe: readonly MinutiaeView[], candidate: readonly MinutiaeView[]): Row[] {
  const rest = [...candidate];
  const take = (pv: MinutiaeView) => {
    const at = rest.findIndex((cv) => pv.position !== 0 && cv.position === pv.position);
    return at === -1 ? null : (rest.splice(at, 1)[0] ?? null);
  };
  const rows: Row[] = probe.map((pv) => ({ probe: pv, candidate: take(pv) }));
  for (const row of rows) if (!row.candidate) row.candidate = rest.shift() ?? null;
  return [...rows, ...rest.map((cv) => ({ probe: null, candidate: cv }))];
}

function FingerprintPair({ search, candidate }: { search: BiometricSearch; candidate: Candidate | null }) {
  const { t } = useI18n();
  const probe = useApi<MinutiaeSet>(probeMinutiaePath(search.id));
  const other = useApi<MinutiaeSet>(candidate ? templateMinutiaePath(candidate.templateId) : null);
  const rows = pairViews(probe.data?.views ?? [], candidate ? (other.data?.views ?? []) : []);
  return (
    <>
      <MinutiaeLegend />
      <ErrorAlert error={probe.error} onRetry={probe.reload} />
      {candidate && <ErrorAlert error={other.error} onRetry={other.reload} />}
      {(probe.loading || other.loading) && <Loading />}
      {rows.map((row, i) => {
        // One extent for the row: the same scale and place, so the two compare point for point.
        const extent = extentOf([row.probe, row.candidate].filter((v) => v !== null));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows follow the templates' order
          <div className="compare-grid" key={i} data-testid="compare-row">
            <div className="compare-side" data-testid="compare-probe">
              {row.probe && (
                <MinutiaePlot
                  view={row.probe}
                  label={t("bio.compare.probe")}
                  testId="probe-plot"
                  extent={extent}
                />
              )}
            </div>
            <div className="compare-side" data-testid="compare-candidate">
              {row.candidate && candidate && (
                <MinutiaePlot
                  view={row.candidate}
                  label={candidate.caption}
                  testId="candidate-plot"
                  extent={extent}
                />
              )}
            </div>
          </div>
        );
      })}
    </>
  );
}
