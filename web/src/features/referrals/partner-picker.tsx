import { useEffect, useId, useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { useApi } from "../../lib/use-api.ts";
import type { Partner, PartnerPage } from "./types.ts";

/**
 * Picks a platform partner by name from the directory: a search box and the partners that match, as
 * radio buttons (one choice, arrow keys move between them). A partner without an API client that
 * receives referrals is shown but cannot be picked, with the reason.
 */
export function PartnerPicker({
  value,
  onChange,
}: {
  value: Partner | null;
  onChange: (partner: Partner | null) => void;
}) {
  const { t, country } = useI18n();
  const id = useId();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  // The directory is searched once typing pauses, not at every key.
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useApi<PartnerPage>(withQuery("/content/partners", { q, active: "true", pageSize: 20 }));
  const items = found.data?.items ?? [];
  const count = found.data?.total ?? 0;

  return (
    <fieldset className="field partner-picker" data-testid="partner-picker">
      <legend>{t("deadends.partners.pick")}</legend>
      <label htmlFor={`${id}-q`}>{t("deadends.partners.search")}</label>
      <input
        id={`${id}-q`}
        type="search"
        autoComplete="off"
        value={text}
        aria-describedby={`${id}-count`}
        onChange={(e) => setText(e.target.value)}
        data-testid="partner-search"
      />
      <p id={`${id}-count`} className="hint" role="status">
        {found.data ? t("deadends.partners.found", { count }) : t("common.loading")}
      </p>
      <ErrorAlert error={found.error} />
      <ul className="partner-options">
        {items.map((p) => {
          const optionId = `${id}-${p.id}`;
          return (
            <li key={p.id} className={p.receivesReferrals ? undefined : "muted"}>
              <input
                type="radio"
                id={optionId}
                name={`${id}-partner`}
                value={p.id}
                checked={value?.id === p.id}
                disabled={!p.receivesReferrals}
                aria-describedby={`${optionId}-note`}
                onChange={() => onChange(p)}
                data-testid={`partner-option-${p.name}`}
              />
              <label htmlFor={optionId}>
                <bdi>{p.name}</bdi>
              </label>{" "}
              <span id={`${optionId}-note`} className="cell-note">
                <bdi>{p.legalName}</bdi> · {country(p.country)}
                {!p.receivesReferrals && <> · {t("deadends.partners.noChannel")}</>}
              </span>
            </li>
          );
        })}
      </ul>
      {value && (
        <p className="hint" data-testid="partner-chosen">
          {t("deadends.partners.chosen", { name: value.name })}
          {value.terms && (
            <>
              {" "}
              <span className="muted">
                <bdi>{value.terms}</bdi>
              </span>
            </>
          )}
        </p>
      )}
    </fieldset>
  );
}
