import { useState } from "react";
import { CountryName } from "../../components/country-name.tsx";
import { HandlingBadge } from "../../components/envelope.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, segment } from "../../lib/router.tsx";
import { useApi } from "../../lib/use-api.ts";
import { CreateBankForm } from "./create-bank-form.tsx";
import type { Bank } from "./types.ts";
import "./content.css";

export function BanksPage() {
  const { t } = useI18n();
  const state = useApi<{ items: Bank[] }>("/content/banks");
  const [creating, setCreating] = useState(false);

  return (
    <>
      <div className="page-head">
        <h1>{t("content.banksTitle")}</h1>
        {!creating && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setCreating(true)}
            data-testid="bank-new"
          >
            {t("content.newBank")}
          </button>
        )}
      </div>
      <p className="muted">{t("content.banksIntro")}</p>
      {creating && (
        <CreateBankForm
          onCancel={() => setCreating(false)}
          onCreated={(bank) => navigate(`/content/banks/${segment(bank.id)}`, { created: "1" })}
        />
      )}
      <DataState {...state}>
        {(data) =>
          data.items.length === 0 ? <Empty>{t("content.noBanks")}</Empty> : <BanksTable banks={data.items} />
        }
      </DataState>
    </>
  );
}

function BanksTable({ banks }: { banks: Bank[] }) {
  const { t, num, date } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data" data-testid="banks-table">
        <thead>
          <tr>
            <th scope="col">{t("content.bankName")}</th>
            <th scope="col">{t("records.owner")}</th>
            <th scope="col">{t("records.handling")}</th>
            <th scope="col" className="num">
              {t("content.entries")}
            </th>
            <th scope="col">{t("content.platformSharing")}</th>
            <th scope="col">{t("records.updated")}</th>
          </tr>
        </thead>
        <tbody>
          {banks.map((b) => (
            <tr key={b.id}>
              <td>
                <Link to={`/content/banks/${segment(b.id)}`} data-testid={`bank-link-${b.name}`}>
                  <bdi>{b.name}</bdi>
                </Link>
                {b.description && (
                  <span className="cell-note">
                    <bdi>{b.description}</bdi>
                  </span>
                )}
              </td>
              <td>
                <CountryName code={b.envelope.owner} />
              </td>
              <td>
                <HandlingBadge envelope={b.envelope} />
              </td>
              <td className="num">{num(b.entries)}</td>
              <td>{sharingLabel(t, b)}</td>
              <td>
                <time dateTime={b.updatedAt}>{date(b.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function sharingLabel(t: ReturnType<typeof useI18n>["t"], b: Bank): string {
  if (b.sharedWithAllPlatforms) return t("content.sharedAll");
  if (b.sharedWithClients.length > 0) return t("content.sharedSome", { count: b.sharedWithClients.length });
  return t("content.sharedNone");
}
