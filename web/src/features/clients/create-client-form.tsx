import { useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { client, data } from "../../lib/api/client.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { CLIENT_ROLES } from "../../lib/roles.ts";
import { useSubmit } from "../../lib/use-submit.ts";
import { type ClientRole, type ClientScope, type CreatedClient, parseScopes } from "./types.ts";

interface Props {
  onCreated: (created: CreatedClient) => void;
  onCancel: () => void;
}

export function CreateClientForm({ onCreated, onCancel }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [role, setRole] = useState<ClientRole>(CLIENT_ROLES[0] ?? "border_officer");
  const [scopes, setScopes] = useState("");
  const { pending, error, handler } = useSubmit();

  const submit = handler(async () => {
    // The server names a scope it does not know; the form does not second-guess the list.
    const body = { name: name.trim(), role, scopes: parseScopes(scopes) as ClientScope[] };
    onCreated(await data(client.POST("/api/v1/clients", { body })));
  });

  return (
    <form
      className="panel form-grid"
      onSubmit={submit}
      aria-labelledby="create-client-heading"
      data-testid="client-form"
    >
      <h2 id="create-client-heading">{t("clients.create")}</h2>
      <ErrorAlert error={error} />
      <TextField
        label={t("common.name")}
        required
        autoComplete="off"
        value={name}
        onChange={(e) => setName(e.target.value)}
        testId="client-name"
      />
      <SelectField
        label={t("common.role")}
        value={role}
        onChange={(e) => setRole(e.target.value as ClientRole)}
        testId="client-role"
      >
        {CLIENT_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("clients.scopes")}
        hint={t("clients.scopesHint")}
        autoComplete="off"
        dir="ltr"
        value={scopes}
        onChange={(e) => setScopes(e.target.value)}
        testId="client-scopes"
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending} data-testid="client-submit">
          {t("common.create")}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
