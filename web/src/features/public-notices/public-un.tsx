import type { ReactNode } from "react";
import { ScrollRegion } from "../../components/scroll-region.tsx";
import type { Schema } from "../../lib/api/schema.ts";
import { type MessageKey, useI18n } from "../../lib/i18n/index.tsx";

type Listing = Schema<"PublicUnListing">;
type UnCountry = { code: string | null; name: string };
type UnPlace = Listing["places_of_birth"][number];
type UnDate = Listing["dates_of_birth"][number];

const QUALITIES = ["Good", "Low", "a.k.a.", "f.k.a.", "unknown"];

/**
 * The UN's own entry on a Special Notice's subject, all of it as the UN publishes it: the name as
 * listed and in its original script, the listing date and regime, every date and place of birth
 * (approximate ones said so), nationalities, aliases with the UN's quality, documents and the
 * narrative summary. Countries are named in the reader's language, with the UN's wording otherwise.
 */
export function UnListingSection({ listing }: { listing: Listing }) {
  const { t, date } = useI18n();
  const nation = useCountry();
  const dob = useDateOfBirth();
  const place = (p: UnPlace) => [p.text, p.country ? nation(p.country) : null].filter(Boolean).join(", ");

  return (
    <section aria-labelledby="public-un" className="public-un" data-testid="public-un">
      <h2 id="public-un">{t("public.un.title")}</h2>
      <dl className="kv">
        <Row label={t("public.unReference")} ltr>
          {listing.reference}
        </Row>
        <Row label={t("public.un.regime")}>{listing.regime}</Row>
        <Row label={t("public.un.listedOn")}>{listing.listed_on ? date(listing.listed_on) : null}</Row>
        <Row label={t("public.un.name")}>{listing.name}</Row>
        <Row label={t("public.un.originalScript")} testId="public-un-original-script">
          {listing.name_original_script}
        </Row>
        <Row label={t("public.un.titles")}>{listing.titles.join(", ") || null}</Row>
        <Row label={t("public.un.designations")}>{listing.designations.join(", ") || null}</Row>
        <Row label={t("public.un.datesOfBirth")} testId="public-un-dob">
          {listing.dates_of_birth.length > 0 ? <Lines items={listing.dates_of_birth.map(dob)} /> : null}
        </Row>
        <Row label={t("public.un.placesOfBirth")}>
          {listing.places_of_birth.length > 0 ? <Lines items={listing.places_of_birth.map(place)} /> : null}
        </Row>
        <Row label={t("public.un.nationalities")} testId="public-un-nationalities">
          {listing.nationalities.map(nation).join(", ") || null}
        </Row>
        <Row label={t("public.un.addresses")}>
          {listing.addresses.length > 0 ? <Lines items={listing.addresses.map(place)} /> : null}
        </Row>
      </dl>
      {listing.summary && (
        <>
          <h3>{t("public.un.summary")}</h3>
          <p className="public-narrative" data-testid="public-un-summary">
            <bdi>{listing.summary}</bdi>
          </p>
        </>
      )}
      {listing.aliases.length > 0 && <Aliases aliases={listing.aliases} />}
      {listing.documents.length > 0 && <Documents documents={listing.documents} />}
    </section>
  );
}

function useCountry() {
  const { country } = useI18n();
  return (c: UnCountry) => (c.code ? country(c.code, c.name) : c.name);
}

/** "12 May 1971", "1971", "about 1971", "between 1963 and 1968", or the UN's own words. */
function useDateOfBirth() {
  const { t, date } = useI18n();
  return (d: UnDate): string => {
    const when = d.date ? date(d.date) : d.year !== null ? String(d.year) : null;
    if (d.type === "between" && d.from_year !== null && d.to_year !== null)
      return t("public.un.dobBetween", { from: String(d.from_year), to: String(d.to_year) });
    if (when) return d.type === "approximately" ? t("public.un.dobAbout", { date: when }) : when;
    return d.note ?? "";
  };
}

function Aliases({ aliases }: { aliases: Listing["aliases"] }) {
  const { t } = useI18n();
  return (
    <>
      <h3 id="public-un-aliases">{t("public.un.aliases")}</h3>
      <ScrollRegion labelledBy="public-un-aliases">
        <table className="data" aria-labelledby="public-un-aliases" data-testid="public-un-aliases">
          <thead>
            <tr>
              <th scope="col">{t("public.un.alias")}</th>
              <th scope="col">{t("public.un.quality")}</th>
              <th scope="col">{t("public.un.note")}</th>
            </tr>
          </thead>
          <tbody>
            {aliases.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the UN may list the same alias twice
              <tr key={i}>
                <th scope="row">
                  <bdi>{a.name}</bdi>
                </th>
                <td>
                  {QUALITIES.includes(a.quality)
                    ? t(`public.un.quality.${a.quality}` as MessageKey)
                    : a.quality}
                </td>
                <td>
                  <bdi>{[a.date_of_birth, a.place_of_birth, a.note].filter(Boolean).join("; ")}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function Documents({ documents }: { documents: Listing["documents"] }) {
  const { t, date } = useI18n();
  const nation = useCountry();
  return (
    <>
      <h3 id="public-un-documents">{t("public.un.documents")}</h3>
      <ScrollRegion labelledBy="public-un-documents">
        <table className="data" aria-labelledby="public-un-documents" data-testid="public-un-documents">
          <thead>
            <tr>
              <th scope="col">{t("public.un.docType")}</th>
              <th scope="col">{t("public.un.docNumber")}</th>
              <th scope="col">{t("public.un.docIssuer")}</th>
              <th scope="col">{t("public.un.docIssued")}</th>
              <th scope="col">{t("public.un.note")}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: documents have no identifier of their own
              <tr key={i}>
                <td>
                  <bdi>{[d.type, d.type_detail].filter(Boolean).join(": ")}</bdi>
                </td>
                <td>
                  <bdi dir="ltr">{d.number}</bdi>
                </td>
                <td>{d.issuing_country ? nation(d.issuing_country) : null}</td>
                <td>
                  <bdi>
                    {[
                      d.date_of_issue && ISO_DATE.test(d.date_of_issue)
                        ? date(d.date_of_issue)
                        : d.date_of_issue,
                      d.city_of_issue,
                    ]
                      .filter(Boolean)
                      .join(", ")}
                  </bdi>
                </td>
                <td>
                  <bdi>{d.note}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

function Row({
  label,
  children,
  ltr,
  testId,
}: {
  label: string;
  children: ReactNode;
  ltr?: boolean;
  testId?: string;
}) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{ltr ? <bdi dir="ltr">{children}</bdi> : <bdi>{children}</bdi>}</dd>
    </>
  );
}

function Lines({ items }: { items: string[] }) {
  const shown = items.filter(Boolean);
  return (
    <>
      {shown.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one value, in the UN's order
        <span key={i} className="public-line">
          {line}
        </span>
      ))}
    </>
  );
}
