import { DataState } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, segment } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import type { Country } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { DbTabs, UnknownDatabase } from "./db-tabs.tsx";
import { ItemForm, valuesOf } from "./item-form.tsx";
import { type DbSpec, specOf } from "./specs.ts";

/** The entry form of one database: a new item owned by the user's country. */
export function DbEntryPage({ db }: { db: string }) {
  const spec = specOf(db);
  if (!spec) return <UnknownDatabase />;
  return <EntryView spec={spec} />;
}

function EntryView({ spec }: { spec: DbSpec }) {
  const { t, country } = useI18n();
  const me = useMe();
  // A travel document is entered by its issuing country: its ICAO code is the bureau's own.
  const countries = useApi<{ items: Country[] }>(spec.id === "documents" ? "/countries" : null);
  const own = countries.data?.items.find((c) => c.code === me.country.code);
  const ready = spec.id !== "documents" || countries.data !== undefined || countries.error !== undefined;
  return (
    <>
      <DbTabs current={spec.id} />
      <p className="breadcrumb">
        <Link to={`/databases/${spec.id}`}>{t("db.back", { list: t(spec.title) })}</Link>
      </p>
      <h1>{t("db.new", { item: t(spec.single) })}</h1>
      <p className="muted">{t("db.form.intro", { country: country(me.country.code, me.country.name) })}</p>
      {ready ? (
        <ItemForm
          spec={spec}
          mode="create"
          initial={valuesOf(spec, undefined, own ? { country: own.alpha3 } : {})}
          onSaved={(item) => navigate(`/databases/${spec.id}/${segment(item.id)}`)}
          onCancel={() => navigate(`/databases/${spec.id}`)}
        />
      ) : (
        <DataState data={undefined} error={countries.error} loading={countries.loading}>
          {() => null}
        </DataState>
      )}
    </>
  );
}
