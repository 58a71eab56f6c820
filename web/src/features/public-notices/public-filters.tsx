import { type FormEvent, useEffect, useMemo, useState } from "react";
import { SelectField, TextField } from "../../components/fields.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { ALPHA2_CODES } from "../../lib/iso-countries.ts";
import { navigate } from "../../lib/router.tsx";
import "./public.css";
import type { PublicKind } from "./api.ts";

/*
 * The search of the public lists, as INTERPOL's public site offers it: one box for a name (any
 * order, part of it), an alias, a UN reference or a notice number; then sex, age range, nationality
 * and, for wanted persons, the country that wants them. The search lives in the address.
 */

export interface PublicSearch {
  q: string;
  sex: string;
  ageMin: string;
  ageMax: string;
  nationality: string;
  wantedBy: string;
}

const EMPTY: PublicSearch = { q: "", sex: "", ageMin: "", ageMax: "", nationality: "", wantedBy: "" };

const isAge = (v: string) => /^\d{1,3}$/.test(v) && Number(v) <= 130;
const isCode = (v: string) => /^[A-Z]{2}$/.test(v);

/** The search as the address holds it (unknown or malformed values are dropped). */
export function publicSearchOf(query: URLSearchParams): PublicSearch {
  const get = (k: keyof PublicSearch) => query.get(k) ?? "";
  return {
    q: get("q"),
    sex: ["M", "F", "U"].includes(get("sex")) ? get("sex") : "",
    ageMin: isAge(get("ageMin")) ? get("ageMin") : "",
    ageMax: isAge(get("ageMax")) ? get("ageMax") : "",
    nationality: isCode(get("nationality")) ? get("nationality") : "",
    wantedBy: isCode(get("wantedBy")) ? get("wantedBy") : "",
  };
}

const persons = (kind: PublicKind) => kind !== "un-entities";

/** The public API's query parameters for this search of this list. */
export function publicApiParams(kind: PublicKind, s: PublicSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (s.q.trim()) params.set("freeText", s.q.trim().slice(0, 100));
  if (persons(kind)) {
    if (s.sex) params.set("sexId", s.sex);
    if (s.ageMin) params.set("ageMin", s.ageMin);
    if (s.ageMax) params.set("ageMax", s.ageMax);
    if (s.nationality) params.set("nationality", s.nationality);
  }
  if (kind === "red" && s.wantedBy) params.set("arrestWarrantCountryId", s.wantedBy);
  return params;
}

/** The address of a list with this search (only what the list uses). */
export function goToPublicList(kind: PublicKind, s: PublicSearch, page?: number) {
  const keep = (k: keyof PublicSearch) =>
    k === "q" || (k === "wantedBy" ? kind === "red" : persons(kind)) ? s[k].trim() : "";
  navigate("/public/notices", {
    kind,
    q: keep("q"),
    sex: keep("sex"),
    ageMin: keep("ageMin"),
    ageMax: keep("ageMax"),
    nationality: keep("nationality"),
    wantedBy: keep("wantedBy"),
    ...(page && page > 1 ? { page } : {}),
  });
}

export function PublicFilters({ kind, search }: { kind: PublicKind; search: PublicSearch }) {
  const { t, country, lang } = useI18n();
  const [draft, setDraft] = useState(search);
  // The form follows the address when the search in it changes (a link, the back button), and only
  // then: `search` is a new object at every render, and the list's answer arriving must not wipe
  // what the reader is typing.
  const searchKey = JSON.stringify(search);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-sync the form when the search in the address changes
  useEffect(() => setDraft(search), [searchKey]);
  const countries = useMemo(
    () =>
      ALPHA2_CODES.map((code) => ({ code, name: country(code) })).sort((a, b) =>
        a.name.localeCompare(b.name, lang),
      ),
    [country, lang],
  );
  const set = (k: keyof PublicSearch) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    goToPublicList(kind, draft);
  };
  const countryOptions = (
    <>
      <option value="">{t("public.anyCountry")}</option>
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </>
  );

  return (
    <search>
      <form
        className="toolbar public-filters"
        onSubmit={submit}
        data-testid="public-filters"
        aria-label={t("public.filters")}
      >
        <TextField
          label={t("search.public")}
          hint={t("search.hint")}
          type="search"
          className="grow"
          maxLength={100}
          dir="auto"
          value={draft.q}
          onChange={set("q")}
          testId="public-q"
        />
        {persons(kind) && (
          <>
            <SelectField label={t("public.sex")} value={draft.sex} onChange={set("sex")} testId="public-sex">
              <option value="">{t("public.any")}</option>
              <option value="M">{t("sex.M")}</option>
              <option value="F">{t("sex.F")}</option>
              <option value="U">{t("sex.U")}</option>
            </SelectField>
            <TextField
              label={t("public.ageMin")}
              type="number"
              inputMode="numeric"
              min={0}
              max={130}
              className="narrow"
              value={draft.ageMin}
              onChange={set("ageMin")}
              testId="public-age-min"
            />
            <TextField
              label={t("public.ageMax")}
              type="number"
              inputMode="numeric"
              min={0}
              max={130}
              className="narrow"
              value={draft.ageMax}
              onChange={set("ageMax")}
              testId="public-age-max"
            />
            <SelectField
              label={t("public.nationality")}
              value={draft.nationality}
              onChange={set("nationality")}
              testId="public-nationality"
            >
              {countryOptions}
            </SelectField>
          </>
        )}
        {kind === "red" && (
          <SelectField
            label={t("public.wantedBy")}
            value={draft.wantedBy}
            onChange={set("wantedBy")}
            testId="public-wanted-by"
          >
            {countryOptions}
          </SelectField>
        )}
        <div className="toolbar-actions">
          <button type="submit" className="btn btn-primary" data-testid="public-search">
            {t("common.search")}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => goToPublicList(kind, EMPTY)}
            data-testid="public-clear"
          >
            {t("public.clear")}
          </button>
        </div>
      </form>
    </search>
  );
}
