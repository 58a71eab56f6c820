import { useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { CheckboxField, SelectField, TextAreaField, TextField } from "../../components/fields.tsx";
import { client, data } from "../../lib/api/client.ts";
import type { Schema } from "../../lib/api/schema.ts";
import type { Labels } from "../../lib/field-labels.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import type { Country } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { useSubmit } from "../../lib/use-submit.ts";
import type { Partner } from "./types.ts";

type Client = Schema<"ApiClient">;

/** The form's own labels for the server's field paths, so an error names the field as shown here. */
const LABELS: Labels = {
  name: "common.name",
  legalName: "deadends.partners.legalName",
  country: "common.country",
  contactEmail: "deadends.partners.contactEmail",
  referralEndpoint: "deadends.partners.endpoint",
  terms: "deadends.partners.terms",
  clientId: "deadends.partners.client",
};

/** Adds a partner to the directory or changes one (the platform operator). */
export function PartnerForm({
  partner,
  onSaved,
  onCancel,
}: {
  partner: Partner | null;
  onSaved: (p: Partner) => void;
  onCancel: () => void;
}) {
  const { t, country } = useI18n();
  const countries = useApi<{ items: Country[] }>("/countries");
  const clients = useApi<{ items: Client[] }>("/clients");
  const platformClients = (clients.data?.items ?? []).filter(
    (c) => c.role === "platform_partner" && (!c.revokedAt || c.id === partner?.clientId),
  );
  const [draft, setDraft] = useState({
    name: partner?.name ?? "",
    legalName: partner?.legalName ?? "",
    country: partner?.country ?? "",
    contactEmail: partner?.contactEmail ?? "",
    referralEndpoint: partner?.referralEndpoint ?? "",
    terms: partner?.terms ?? "",
    clientId: partner?.clientId ?? "",
    active: partner?.active ?? true,
  });
  const { pending, error, handler } = useSubmit();
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  const submit = handler(async () => {
    const body = {
      name: draft.name.trim(),
      legalName: draft.legalName.trim(),
      country: draft.country,
      contactEmail: draft.contactEmail.trim() || null,
      referralEndpoint: draft.referralEndpoint.trim() || null,
      terms: draft.terms.trim(),
      clientId: draft.clientId || null,
      active: draft.active,
    };
    const saved = partner
      ? await data(
          client.PATCH("/api/v1/content/partners/{id}", { params: { path: { id: partner.id } }, body }),
        )
      : await data(client.POST("/api/v1/content/partners", { body }));
    onSaved(saved);
  });

  const headingId = "partner-form-heading";
  return (
    <form
      className="panel form-grid"
      onSubmit={submit}
      aria-labelledby={headingId}
      data-testid="partner-form"
    >
      <h2 id={headingId}>
        {partner ? t("deadends.partners.editOne", { name: partner.name }) : t("deadends.partners.new")}
      </h2>
      <ErrorAlert error={error} labels={LABELS} />
      <TextField
        label={t("common.name")}
        required
        maxLength={200}
        value={draft.name}
        onChange={set("name")}
        testId="partner-name"
      />
      <TextField
        label={t("deadends.partners.legalName")}
        required
        maxLength={300}
        value={draft.legalName}
        onChange={set("legalName")}
        testId="partner-legal-name"
      />
      <SelectField
        label={t("common.country")}
        required
        value={draft.country}
        onChange={set("country")}
        testId="partner-country"
      >
        <option value="">{t("deadends.partners.chooseCountry")}</option>
        {(countries.data?.items ?? []).map((c) => (
          <option key={c.code} value={c.code}>
            {country(c.code, c.name)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("deadends.partners.contactEmail")}
        type="email"
        dir="ltr"
        maxLength={320}
        value={draft.contactEmail}
        onChange={set("contactEmail")}
        testId="partner-email"
      />
      <TextField
        label={t("deadends.partners.endpoint")}
        hint={t("deadends.partners.endpointHint")}
        type="url"
        dir="ltr"
        placeholder="https://"
        maxLength={2000}
        value={draft.referralEndpoint}
        onChange={set("referralEndpoint")}
        testId="partner-endpoint"
      />
      <SelectField
        label={t("deadends.partners.client")}
        hint={t("deadends.partners.clientHint")}
        value={draft.clientId}
        onChange={set("clientId")}
        testId="partner-client"
      >
        <option value="">{t("deadends.partners.noClient")}</option>
        {platformClients.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t("deadends.partners.terms")}
        maxLength={4000}
        rows={3}
        value={draft.terms}
        onChange={set("terms")}
        testId="partner-terms"
      />
      <CheckboxField
        label={t("deadends.partners.activeLabel")}
        checked={draft.active}
        onChange={(e) => setDraft((d) => ({ ...d, active: e.target.checked }))}
        testId="partner-active"
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending} data-testid="partner-save">
          {t("deadends.partners.save")}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
