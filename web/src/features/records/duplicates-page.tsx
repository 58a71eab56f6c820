import { CountryName } from "../../components/country-name.tsx";
import { CheckboxField } from "../../components/fields.tsx";
import { Pager } from "../../components/pager.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, segment, useLocation } from "../../lib/router.tsx";
import type { Page } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { ExplanationTable, ScoreMeter } from "./explanation.tsx";
import type { Candidate, RecordRef } from "./types.ts";
import "./records.css";

const PAGE_SIZE = 20;

/** Suggested duplicates (best first) with why each was suggested, and the way to compare each pair. */
export function DuplicatesPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  // Across countries by default: within one bureau's files a duplicate is that bureau's own matter.
  const all = query.get("all") === "true";
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const state = useApi<Page<Candidate>>(
    withQuery("/resolution/candidates", { crossCountry: all ? "false" : "true", page, pageSize: PAGE_SIZE }),
  );
  return (
    <>
      <h1>{t("persons.dup.title")}</h1>
      <p className="muted">{t("persons.dup.intro")}</p>
      <div className="toolbar">
        <CheckboxField
          label={t("persons.dup.includeSameCountry")}
          checked={all}
          onChange={(e) => navigate("/duplicates", { all: e.target.checked ? "true" : undefined })}
          testId="dup-all"
        />
      </div>
      <DataState {...state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("persons.dup.empty")}</Empty>
          ) : (
            <>
              <ul className="candidates" data-testid="candidates">
                {data.items.map((c) => (
                  <CandidateCard key={c.id} c={c} />
                ))}
              </ul>
              <Pager
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onPage={(p) => navigate("/duplicates", { all: all ? "true" : undefined, page: p })}
              />
            </>
          )
        }
      </DataState>
    </>
  );
}

function Side({ r }: { r: RecordRef }) {
  return (
    <span className="candidate-side">
      <Link to={`/records/${segment(r.id)}`}>
        <bdi dir="auto">{r.caption}</bdi>
      </Link>{" "}
      <CountryName code={r.owner} />
    </span>
  );
}

function CandidateCard({ c }: { c: Candidate }) {
  const { t } = useI18n();
  return (
    <li className="panel candidate" data-testid="candidate">
      <div className="candidate-head">
        <ScoreMeter score={c.score} />
        <Side r={c.left} />
        <span aria-hidden="true">⇄</span>
        <Side r={c.right} />
        <Link
          to="/duplicates/pair"
          query={{ left: c.left.id, right: c.right.id }}
          className="btn btn-small btn-primary"
          data-testid="candidate-compare"
        >
          {t("persons.dup.compare")}
        </Link>
      </div>
      <details>
        <summary>{t("persons.dup.why")}</summary>
        <ExplanationTable explanation={c.explanation} />
      </details>
    </li>
  );
}
