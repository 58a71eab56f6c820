import { useState } from "react";
import { Notice } from "../../components/alert.tsx";
import { DataState } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, segment } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import { useApi } from "../../lib/use-api.ts";
import { DbTabs, UnknownDatabase } from "./db-tabs.tsx";
import { draftOf, EnvelopeView } from "./envelope.tsx";
import { FieldValue, useFormat } from "./format.tsx";
import { ItemForm, valuesOf } from "./item-form.tsx";
import { type DbSpec, specOf } from "./specs.ts";
import { StatusForm } from "./status-form.tsx";
import { TraceRequestForm } from "./trace-form.tsx";
import type { DbItem } from "./types.ts";

export function DbDetailPage({ db, id }: { db: string; id: string }) {
  const spec = specOf(db);
  if (!spec) return <UnknownDatabase />;
  return <DetailView spec={spec} id={id} />;
}

function DetailView({ spec, id }: { spec: DbSpec; id: string }) {
  const { t } = useI18n();
  const state = useApi<DbItem>(`${spec.api}/${segment(id)}`);
  return (
    <>
      <DbTabs current={spec.id} />
      <p className="breadcrumb">
        <Link to={`/databases/${spec.id}`}>{t("db.back", { list: t(spec.title) })}</Link>
      </p>
      <DataState {...state}>
        {(item) => <Detail spec={spec} item={item} onChanged={state.reload} />}
      </DataState>
    </>
  );
}

function Detail({ spec, item, onChanged }: { spec: DbSpec; item: DbItem; onChanged: () => void }) {
  const { t, dateTime } = useI18n();
  const f = useFormat();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  // Only the owner's bureau changes an item; the server refuses anyone else in any case.
  const mayChange = item.envelope.owner === me.country.code && spec.writers.includes(me.role);
  const mayTrace = spec.id === "firearms" && (me.role === "ncb_officer" || me.role === "ncb_admin");
  const done = () => {
    setEditing(false);
    setSaved(true);
    onChanged();
  };
  return (
    <article aria-labelledby="item-title">
      <div className="page-head">
        <h1 id="item-title">
          <bdi>{spec.caption(item)}</bdi> <span className="schema-tag">{t(spec.single)}</span>
        </h1>
        {mayChange && spec.edit === "patch" && !editing && (
          <button type="button" className="btn" onClick={() => setEditing(true)} data-testid="item-edit">
            {t("db.edit")}
          </button>
        )}
      </div>
      {saved && <Notice kind="success">{t("db.saved")}</Notice>}
      {editing ? (
        <ItemForm
          spec={spec}
          mode="edit"
          id={item.id}
          initial={valuesOf(spec, item)}
          initialEnvelope={draftOf(item.envelope)}
          onSaved={done}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="detail-grid">
          <section className="panel" aria-labelledby="fields-heading">
            <h2 id="fields-heading">{t("db.details")}</h2>
            <dl className="kv" data-testid="item-fields">
              {spec.fields.map((x) => (
                <div key={x.name} className="kv-row">
                  <dt>{t(x.label)}</dt>
                  <dd>
                    <FieldValue field={x} value={item[x.name]} f={f} />
                  </dd>
                </div>
              ))}
              <dt>{t("db.created")}</dt>
              <dd>{dateTime(item.createdAt)}</dd>
              <dt>{t("db.updated")}</dt>
              <dd>{dateTime(item.updatedAt)}</dd>
            </dl>
          </section>
          <section className="panel" aria-labelledby="envelope-heading">
            <h2 id="envelope-heading">{t("db.env.title")}</h2>
            <EnvelopeView envelope={item.envelope} />
          </section>
        </div>
      )}
      {mayChange && spec.edit === "status" && <StatusForm spec={spec} item={item} onSaved={done} />}
      {mayTrace && (
        <TraceRequestForm
          firearmId={item.id}
          owner={item.envelope.owner}
          onSent={(r) => navigate("/databases/traces", { box: "sent", sent: r.id })}
        />
      )}
    </article>
  );
}
