import { useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { client, data } from "../../lib/api/client.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { creatableRoles } from "../../lib/roles.ts";
import { useMe } from "../../lib/session.tsx";
import type { Country } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { useSubmit } from "../../lib/use-submit.ts";
import type { CreatedUser, NewUser } from "./types.ts";

export function CreateUserForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: CreatedUser) => void;
  onCancel: () => void;
}) {
  const { t, country } = useI18n();
  const me = useMe();
  const isAdmin = me.role === "admin";
  const roles = creatableRoles(me.role);
  // A bureau admin creates users only in its own country; the platform admin picks any.
  const countries = useApi<{ items: Country[] }>(isAdmin ? "/countries" : null);
  const [form, setForm] = useState<NewUser>({
    username: "",
    displayName: "",
    role: roles[0] ?? "ncb_officer",
    country: me.country.code,
    password: "",
  });
  const { pending, error, handler } = useSubmit();

  const set = (key: keyof NewUser) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = handler(async () => {
    onCreated(await data(client.POST("/api/v1/users", { body: form })));
  });

  return (
    <form
      className="panel form-grid"
      onSubmit={submit}
      aria-labelledby="create-user-heading"
      data-testid="user-form"
    >
      <h2 id="create-user-heading">{t("users.create")}</h2>
      <ErrorAlert error={error} />
      <TextField
        label={t("common.username")}
        required
        autoComplete="off"
        value={form.username}
        onChange={set("username")}
        testId="user-username"
      />
      <TextField
        label={t("users.displayName")}
        required
        autoComplete="off"
        value={form.displayName}
        onChange={set("displayName")}
        testId="user-displayname"
      />
      <SelectField label={t("common.role")} value={form.role} onChange={set("role")} testId="user-role">
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("common.country")}
        value={form.country}
        onChange={set("country")}
        disabled={!isAdmin}
        testId="user-country"
      >
        {isAdmin && countries.data ? (
          countries.data.items.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} — {country(c.code, c.name)}
            </option>
          ))
        ) : (
          <option value={me.country.code}>
            {me.country.code} — {country(me.country.code, me.country.name)}
          </option>
        )}
      </SelectField>
      <TextField
        label={t("users.password")}
        hint={t("users.passwordHint")}
        type="password"
        required
        minLength={12}
        autoComplete="new-password"
        value={form.password}
        onChange={set("password")}
        testId="user-password"
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending} data-testid="user-submit">
          {t("common.create")}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
