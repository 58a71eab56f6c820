import { type ReactNode, useEffect } from "react";
import { CountryList, CountryName } from "../../components/country-name.tsx";
import { LanguageSwitcher } from "../../components/language-switcher.tsx";
import { Pager } from "../../components/pager.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { countryList } from "../../lib/i18n/countries.ts";
import { type I18n, useI18n } from "../../lib/i18n/index.tsx";
import { Link, matchPath, segment, useLocation } from "../../lib/router.tsx";
import {
  apiKind,
  PUBLIC_KINDS,
  type PublicDetail,
  type PublicKind,
  type PublicPage,
  publicId,
  usePublicApi,
} from "./api.ts";
import { goToPublicList, PublicFilters, publicApiParams, publicSearchOf } from "./public-filters.tsx";
import { UnListingSection } from "./public-un.tsx";

const PAGE_SIZE = 20;
const isKind = (v: string | null): v is PublicKind => PUBLIC_KINDS.some((k) => k === v);

/** The public website's pages (no login): the lists of public extracts and one extract. */
export function PublicSite() {
  const { path } = useLocation();
  const detail = matchPath("/public/notices/:kind/:id", path);
  return (
    <PublicLayout>
      {detail && isKind(detail.kind ?? null) ? (
        <PublicNoticePage kind={detail.kind as PublicKind} id={detail.id ?? ""} />
      ) : (
        <PublicListPage />
      )}
    </PublicLayout>
  );
}

function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t("public.title")} · ${t("app.name")}`;
  }, [t]);
  return (
    <div className="login-screen">
      <header className="login-top">
        <span className="brand">
          {t("app.name")} <span className="brand-tagline">{t("public.tagline")}</span>
        </span>
        <LanguageSwitcher />
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer">
        <a href="#/">{t("public.signIn")}</a>
      </footer>
    </div>
  );
}

function PublicListPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { query } = useLocation();
  const kindParam = query.get("kind");
  const kind: PublicKind = isKind(kindParam) ? kindParam : "red";
  const search = publicSearchOf(query);
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const params = publicApiParams(kind, search);
  params.set("page", String(page));
  params.set("resultPerPage", String(PAGE_SIZE));
  const state = usePublicApi<PublicPage>(`${apiKind(kind)}?${params}`);

  return (
    <>
      <h1>{t("public.title")}</h1>
      <p className="muted">{t("public.intro")}</p>
      <nav className="tabs" aria-label={t("public.lists")}>
        {PUBLIC_KINDS.map((k) => (
          <Link
            key={k}
            to="/public/notices"
            query={{ kind: k }}
            aria-current={k === kind ? "page" : undefined}
            data-testid={`public-kind-${k}`}
          >
            {t(`public.kind.${k}`)}
          </Link>
        ))}
      </nav>
      <PublicFilters kind={kind} search={search} />
      <DataState {...state}>
        {(data) =>
          data._embedded.notices.length === 0 ? (
            <Empty>{t("public.empty")}</Empty>
          ) : (
            <>
              <p className="public-total" data-testid="public-total">
                {t("public.results", { count: data.total })}
              </p>
              <ul className="public-cards" data-testid="public-list">
                {data._embedded.notices.map((n) => (
                  <li key={n.entity_id} className={`public-card public-${kind}`}>
                    {n._links.thumbnail && (
                      <img
                        className="public-thumb"
                        src={n._links.thumbnail.href}
                        alt={t("photos.publicAlt", { name: [n.forename, n.name].filter(Boolean).join(" ") })}
                        data-testid="public-thumb"
                      />
                    )}
                    <Link
                      to={`/public/notices/${kind}/${segment(publicId(n.entity_id))}`}
                      data-testid="public-item"
                    >
                      <strong>
                        <bdi>{[n.name, n.forename].filter(Boolean).join(", ") || n.entity_id}</bdi>
                      </strong>
                    </Link>
                    <span className="muted" dir="ltr">
                      {n.entity_id}
                    </span>
                    {n.date_of_birth && (
                      <span>
                        {t("public.born")} <bdi>{publicDate(i18n, n.date_of_birth)}</bdi>
                      </span>
                    )}
                    {n.nationalities.length > 0 && (
                      <span>
                        {t("public.nationality")}: <CountryList codes={n.nationalities} />
                      </span>
                    )}
                  </li>
                ))}
              </ul>
              <Pager
                page={page}
                pageSize={PAGE_SIZE}
                total={data.total}
                onPage={(p) => goToPublicList(kind, search, p)}
              />
            </>
          )
        }
      </DataState>
    </>
  );
}

function PublicNoticePage({ kind, id }: { kind: PublicKind; id: string }) {
  const i18n = useI18n();
  const { t, country, lang } = i18n;
  const state = usePublicApi<PublicDetail>(`${apiKind(kind)}/${segment(id)}`);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/public/notices" query={{ kind }}>
          {t("public.back")}
        </Link>
      </p>
      <DataState {...state}>
        {(n) => (
          <article aria-labelledby="public-title" className="panel" data-testid="public-detail">
            <p className={`public-banner public-${kind}`}>{t(`public.kind.${kind}`)}</p>
            <h1 id="public-title">
              <bdi>{[n.name, n.forename].filter(Boolean).join(", ") || n.entity_id}</bdi>
            </h1>
            {n._links.thumbnail && (
              <img
                className="public-photo"
                src={n._links.thumbnail.href}
                alt={t("photos.publicAlt", { name: [n.forename, n.name].filter(Boolean).join(" ") })}
                data-testid="public-photo"
              />
            )}
            <dl className="kv">
              <dt>{t("public.noticeNumber")}</dt>
              <dd dir="ltr">{n.entity_id}</dd>
              <Item label={t("public.born")} value={publicDate(i18n, n.date_of_birth)} />
              <Item
                label={t("field.subject.sex")}
                value={n.sex_id ? t(`sex.${n.sex_id as "M" | "F" | "U"}`) : null}
              />
              <Item label={t("wizard.birthPlace")} value={n.place_of_birth} />
              <Item
                label={t("wizard.birthCountry")}
                value={n.country_of_birth_id ? country(n.country_of_birth_id) : null}
              />
              <Item label={t("public.nationality")} value={countryList(lang, n.nationalities) || null} />
              <Item
                label={t("wizard.heightCm")}
                value={n.height ? String(Math.round(n.height * 100)) : null}
                ltr
              />
              <Item label={t("wizard.weightKg")} value={n.weight ? String(n.weight) : null} ltr />
              <Item label={t("wizard.eyes")} value={n.eyes_colors_id} />
              <Item label={t("wizard.hair")} value={n.hairs_id} />
              <Item label={t("wizard.marks")} value={n.distinguishing_marks} />
              <Item label={t("public.missingSince")} value={publicDate(i18n, n.date_of_event ?? null)} />
              <Item label={t("wizard.lastSeenPlace")} value={n.place ?? null} />
              <Item label={t("public.unReference")} value={n.un_reference ?? null} ltr />
              {!n.un_listing && <Item label={t("wizard.aliases")} value={n.aliases?.join(", ") || null} />}
            </dl>
            {n.arrest_warrants && n.arrest_warrants.length > 0 && (
              <section aria-labelledby="public-charges">
                <h2 id="public-charges">{t("public.charges")}</h2>
                <ul data-testid="public-charges">
                  {n.arrest_warrants.map((w, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: warrants have no identifier here
                    <li key={i}>
                      <bdi>{w.charge}</bdi>
                      {w.charge_translation && (
                        <>
                          {" "}
                          (<bdi>{w.charge_translation}</bdi>)
                        </>
                      )}{" "}
                      <span className="muted">
                        {t("public.issuedBy")} <CountryName code={w.issuing_country_id} />
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {n.un_listing && <UnListingSection listing={n.un_listing} />}
            <p className="hint">{t("public.disclaimer")}</p>
          </article>
        )}
      </DataState>
    </>
  );
}

/**
 * A date as the public notices write it (YYYY/MM/DD, YYYY-MM-DD, a year, or a range of years
 * "1963-1968") in the app's date format; a range is bidi-isolated so it never reads backwards.
 */
function publicDate(i18n: I18n, value: string | null): string | null {
  if (!value) return null;
  const range = /^(\d{4})-(\d{4})$/.exec(value);
  return range?.[1] && range[2] ? i18n.dateRange(range[1], range[2]) : i18n.date(value);
}

function Item({ label, value, ltr }: { label: string; value: string | null; ltr?: boolean }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{ltr ? <span dir="ltr">{value}</span> : <bdi>{value}</bdi>}</dd>
    </>
  );
}
