import { useState } from "react";
import { client, data } from "../../lib/api/client.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, segment } from "../../lib/router.tsx";
import { useSubmit } from "../../lib/use-submit.ts";
import { FormErrors } from "./form-parts.tsx";
import { DescriptionFields } from "./record-form-description.tsx";
import { IdentityFields } from "./record-form-identity.tsx";
import { EMPTY_FORM, problemsOf, type RecordForm, toRequest } from "./record-form-model.ts";
import { EnvelopeFields, SourceFields } from "./record-form-source.tsx";
import "./records.css";

/** Entering a person or group owned by the officer's country, with the source of what it says. */
export function RecordFormPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [form, setForm] = useState<RecordForm>(EMPTY_FORM);
  const { pending, error, handler } = useSubmit();
  const set = (patch: Partial<RecordForm>) => setForm((f) => ({ ...f, ...patch }));
  const problems = problemsOf(error, i18n);

  const submit = handler(async () => {
    const created = await data(client.POST("/api/v1/records", { body: toRequest(form) }));
    navigate(`/records/${segment(created.id)}`);
  });

  return (
    <>
      <p className="breadcrumb">
        <Link to="/records">{t("records.back")}</Link>
      </p>
      <h1>{t("persons.new")}</h1>
      <p className="muted">{t("persons.form.intro")}</p>
      <form className="record-form" onSubmit={submit} noValidate data-testid="record-form">
        <FormErrors error={error} problems={problems} />
        <IdentityFields form={form} set={set} problems={problems} />
        <DescriptionFields form={form} set={set} problems={problems} />
        <SourceFields form={form} set={set} problems={problems} />
        <EnvelopeFields form={form} set={set} problems={problems} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={pending} data-testid="form-submit">
            {t("persons.form.submit")}
          </button>
          <Link to="/records" className="btn">
            {t("common.cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}
