import { useState } from "react";
import { DataState, Empty } from "../../../components/states.tsx";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { Link } from "../../../lib/router.tsx";
import { useApi } from "../../../lib/use-api.ts";
import { searchPath } from "./api.ts";
import { CandidatesTable } from "./candidates-table.tsx";
import { DecisionHistory, DecisionPanel } from "./decision-panel.tsx";
import { SearchFacts } from "./search-facts.tsx";
import { SideBySide } from "./side-by-side.tsx";
import type { BiometricSearch } from "./types.ts";
import "./biometrics.css";

/** One search's review: what was searched and why, the candidates beside the probe, the decision. */
export function ReviewPage({ id }: { id: string }) {
  const { t } = useI18n();
  const search = useApi<BiometricSearch>(searchPath(id));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/biometrics/searches" data-testid="review-back">
          {t("bio.review.back")}
        </Link>
      </p>
      <DataState {...search}>{(s) => <Review search={s} onDecided={search.reload} />}</DataState>
    </>
  );
}

function Review({ search, onDecided }: { search: BiometricSearch; onDecided: () => void }) {
  const { t } = useI18n();
  // The current decision's candidate first, else the best ranked: what the reviewer looks at first.
  const initial = search.decision?.candidateId ?? search.candidates[0]?.id ?? null;
  const [selected, setSelected] = useState<string | null>(initial);
  const candidate = search.candidates.find((c) => c.id === selected) ?? null;
  return (
    <article aria-labelledby="review-title">
      <div className="page-head">
        <h1 id="review-title">
          {t(search.modality === "face" ? "bio.review.titleFace" : "bio.review.titleFingerprint", {
            seq: search.seq,
          })}
        </h1>
        <span className={`badge state-${search.state}`} data-testid="search-state">
          {t(`bio.state.${search.state}`)}
        </span>
      </div>
      <p className="bio-caution" role="note">
        {t("bio.review.notIdentification")}
      </p>
      <SearchFacts search={search} />
      <section className="panel" aria-labelledby="candidates-heading" data-testid="candidates">
        <h2 id="candidates-heading">
          {t("bio.candidates.heading")} <span className="muted">({search.candidates.length})</span>
        </h2>
        {search.candidates.length === 0 ? (
          <Empty>{t("bio.candidates.empty")}</Empty>
        ) : (
          <CandidatesTable
            candidates={search.candidates}
            selected={selected}
            onSelect={setSelected}
            chosenId={
              search.decision?.decision === "potential_candidate" ? search.decision.candidateId : null
            }
          />
        )}
      </section>
      <SideBySide search={search} candidate={candidate} />
      <DecisionPanel search={search} selected={selected} onDecided={onDecided} />
      <DecisionHistory search={search} />
    </article>
  );
}
