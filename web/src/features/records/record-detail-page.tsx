import { DataState } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, segment } from "../../lib/router.tsx";
import { useApi } from "../../lib/use-api.ts";
import { BiometricsPanel } from "./biometrics-panel.tsx";
import { EnvelopePanel } from "./envelope-panel.tsx";
import { schemaLabel } from "./format.ts";
import { NameWithReading } from "./latin.tsx";
import { LinksPanel, MergedBanner } from "./record-links.tsx";
import { StatementsPanel } from "./statements.tsx";
import type { IntelRecord, Statement } from "./types.ts";
import { TopicBadges } from "./values.tsx";
import "./records.css";

/** The entity page: every value with its provenance, the owner's rules, the links and the merged view. */
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
  const i18n = useI18n();
  const history = useApi<{ items: Statement[] }>(`/records/${segment(record.id)}/history`);
  const latin = record.readings[record.caption];
  return (
    <article aria-labelledby="record-title">
      <h1 id="record-title" data-testid="record-title">
        <NameWithReading name={record.caption || record.id} latin={latin ?? null} />{" "}
        <span className="schema-tag">{schemaLabel(record.schema, i18n)}</span>
      </h1>
      <TopicBadges topics={record.properties.topics ?? []} />
      <MergedBanner id={record.id} />
      <div className="entity-layout">
        <div>
          <DataState {...history}>{(h) => <StatementsPanel record={record} history={h.items} />}</DataState>
          {record.schema === "Person" && <BiometricsPanel record={record} />}
        </div>
        <aside>
          <EnvelopePanel record={record} />
          <LinksPanel record={record} />
        </aside>
      </div>
    </article>
  );
}
