import { useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { client, data } from "../../lib/api/client.ts";
import { hasOwnText, type MessageKey, useI18n } from "../../lib/i18n/index.tsx";
import { countryCode } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { CreateClientForm } from "./create-client-form.tsx";
import { TokenPanel } from "./token-panel.tsx";
import type { ClientRow, CreatedClient } from "./types.ts";

export function ClientsPage() {
  const { t } = useI18n();
  const state = useApi<{ items: ClientRow[] }>("/clients");
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedClient | null>(null);
  const [message, setMessage] = useState("");
  const [actionError, setActionError] = useState<unknown>(undefined);

  const revoke = async (c: ClientRow) => {
    setActionError(undefined);
    setMessage("");
    try {
      await data(client.POST("/api/v1/clients/{id}/revoke", { params: { path: { id: c.id } } }));
      setMessage(t("clients.revokedDone", { name: c.name }));
      state.reload();
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <>
      <div className="page-head">
        <h1>{t("clients.title")}</h1>
        {!creating && !created && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setCreating(true)}
            data-testid="client-new"
          >
            {t("clients.create")}
          </button>
        )}
      </div>
      <div role="status" className="status-line">
        {message && <p className="alert alert-success">{message}</p>}
      </div>
      {created && <TokenPanel created={created} onDone={() => setCreated(null)} />}
      {creating && (
        <CreateClientForm
          onCancel={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            setMessage("");
            setCreated(c);
            state.reload();
          }}
        />
      )}
      <ErrorAlert error={actionError} />
      <DataState {...state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("clients.empty")}</Empty>
          ) : (
            <ClientsTable items={data.items} onRevoke={revoke} />
          )
        }
      </DataState>
    </>
  );
}

function ClientsTable({ items, onRevoke }: { items: ClientRow[]; onRevoke: (c: ClientRow) => void }) {
  const { t, dateTime } = useI18n();
  const roleLabel = (role: string) =>
    hasOwnText("en", `role.${role}`) ? t(`role.${role}` as MessageKey) : role;
  return (
    <div className="table-wrap">
      <table className="data" data-testid="clients-table">
        <thead>
          <tr>
            <th scope="col">{t("common.name")}</th>
            <th scope="col">{t("common.role")}</th>
            <th scope="col">{t("common.country")}</th>
            <th scope="col">{t("clients.scopes")}</th>
            <th scope="col">{t("clients.createdAt")}</th>
            <th scope="col">{t("clients.lastUsed")}</th>
            <th scope="col">{t("common.status")}</th>
            <th scope="col">{t("common.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} data-testid={`client-row-${c.name}`}>
              <td>
                <bdi>{c.name}</bdi>
              </td>
              <td>{roleLabel(c.role)}</td>
              <td>
                <code>{countryCode(c.country)}</code>
              </td>
              <td>
                {c.scopes.map((s) => (
                  <code key={s} className="scope">
                    {s}
                  </code>
                ))}
              </td>
              <td className="nowrap">{dateTime(c.createdAt)}</td>
              <td className="nowrap">{c.lastUsedAt ? dateTime(c.lastUsedAt) : t("common.never")}</td>
              <td>
                {c.revokedAt ? (
                  <span className="badge badge-off">
                    {t("clients.revoked", { time: dateTime(c.revokedAt) })}
                  </span>
                ) : (
                  <span className="badge badge-on">{t("clients.active")}</span>
                )}
              </td>
              <td className="actions">
                {!c.revokedAt && (
                  <ConfirmButton
                    label={t("clients.revoke")}
                    question={t("clients.confirmRevoke", { name: c.name })}
                    danger
                    onConfirm={() => onRevoke(c)}
                    testId={`client-revoke-${c.name}`}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
