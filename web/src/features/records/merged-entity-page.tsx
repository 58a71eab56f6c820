import { useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { CountryName } from "../../components/country-name.tsx";
import { DataState } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, segment } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import { useApi } from "../../lib/use-api.ts";
import { byDisplayOrder, propLabel, schemaLabel } from "./format.ts";
import { JUDGE_ROLES, undoJudgement } from "./judge-panel.tsx";
import { CaptureBox, ProvenanceLine } from "./provenance.tsx";
import type { Judgement, MergedEntity, MergedProvenance, RecordRef } from "./types.ts";
import { Value } from "./values.tsx";
import "./records.css";

/** A merged entity: the members' values together, each with the member record and statement behind it. */
export function MergedEntityPage({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useApi<MergedEntity>(`/resolution/entities/${segment(id)}`);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/duplicates">{t("persons.dup.back")}</Link>
      </p>
      <DataState {...state}>{(e) => <Merged entity={e} reload={state.reload} />}</DataState>
    </>
  );
}

function Merged({ entity, reload }: { entity: MergedEntity; reload: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const member = (rid: string) => entity.members.find((m) => m.id === rid);
  const name = entity.properties.name?.[0]?.value ?? entity.members[0]?.caption ?? entity.id;
  return (
    <article aria-labelledby="merged-title" data-testid="merged-entity">
      <h1 id="merged-title">
        <bdi dir="auto">{name}</bdi> <span className="schema-tag">{schemaLabel(entity.schema, i18n)}</span>
      </h1>
      <p className="muted">
        {entity.members.length > 1
          ? t("persons.merged.intro", { n: entity.members.length })
          : t("persons.merged.single")}{" "}
        <code className="wrap">{entity.id}</code>
      </p>
      <section className="panel" aria-labelledby="members-heading">
        <h2 id="members-heading">{t("persons.merged.members")}</h2>
        <ul className="section-list" data-testid="merged-members">
          {entity.members.map((m) => (
            <li key={m.id}>
              <MemberLink m={m} />
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="mvalues-heading">
        <h2 id="mvalues-heading">{t("persons.values")}</h2>
        <table className="data values-table" data-testid="merged-values">
          <tbody>
            {Object.keys(entity.properties)
              .sort(byDisplayOrder)
              .map((prop) => (
                <tr key={prop}>
                  <th scope="row">{propLabel(prop, i18n)}</th>
                  <td>
                    <ul className="values">
                      {(entity.properties[prop] ?? []).map((v) => (
                        <li key={v.value}>
                          <Value prop={prop} value={v.value} />
                          {v.provenance.map((p) => (
                            <MergedProvenanceLine
                              key={`${p.recordId}:${p.recordedAt}`}
                              p={p}
                              m={member(p.recordId)}
                            />
                          ))}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
      <Judgements list={entity.judgements} member={member} onChange={reload} />
    </article>
  );
}

function MemberLink({ m }: { m: RecordRef | undefined }) {
  if (!m) return null;
  return (
    <span>
      <Link to={`/records/${segment(m.id)}`}>
        <bdi dir="auto">{m.caption}</bdi>
      </Link>{" "}
      <CountryName code={m.owner} />
    </span>
  );
}

function MergedProvenanceLine({ p, m }: { p: MergedProvenance; m: RecordRef | undefined }) {
  const { t } = useI18n();
  return (
    <div className="merged-provenance" data-testid="merged-provenance">
      {t("persons.merged.from")} <MemberLink m={m} /> · <ProvenanceLine p={p} n={undefined} />
      <div className="muted">
        <bdi dir="auto">{p.source}</bdi>
      </div>
      {p.capture && <CaptureBox capture={p.capture} />}
    </div>
  );
}

/** The judgements among the members: live ones can be undone, undone ones stay as history. */
function Judgements({
  list,
  member,
  onChange,
}: {
  list: Judgement[];
  member: (id: string) => RecordRef | undefined;
  onChange: () => void;
}) {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const [error, setError] = useState<unknown>(undefined);
  if (list.length === 0) return null;
  const undo = (id: number) =>
    undoJudgement(id)
      .then(onChange)
      .catch((e: unknown) => setError(e));
  return (
    <section className="panel" aria-labelledby="judgements-heading">
      <h2 id="judgements-heading">{t("persons.merged.judgements")}</h2>
      <ErrorAlert error={error} />
      <ul className="section-list" data-testid="merged-judgements">
        {list.map((j) => (
          <li key={j.id} className={j.deletedAt ? "undone" : undefined}>
            <strong>{t(`persons.judgement.${j.judgement}`)}</strong>: <MemberLink m={member(j.left)} /> ⇄{" "}
            <MemberLink m={member(j.right)} />{" "}
            <span className="muted">
              {t("persons.merged.judgedBy", {
                user: j.user,
                country: j.userCountry,
                when: dateTime(j.createdAt),
              })}
              {j.deletedAt && ` · ${t("persons.merged.undoneAt", { when: dateTime(j.deletedAt) })}`}
            </span>{" "}
            {!j.deletedAt && JUDGE_ROLES.has(me.role) && (
              <ConfirmButton
                label={t("persons.dup.undo")}
                question={t(
                  j.judgement === "positive" ? "persons.dup.undoMerge.confirm" : "persons.dup.undo.confirm",
                )}
                onConfirm={() => void undo(j.id)}
                testId={`undo-${j.id}`}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
