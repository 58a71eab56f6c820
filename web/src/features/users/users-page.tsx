import { useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { api } from "../../lib/api.ts";
import { hasOwnText, type MessageKey, useI18n } from "../../lib/i18n/index.tsx";
import { segment } from "../../lib/router.tsx";
import { countryCode } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { useMe } from "../auth/session.tsx";
import { CreateUserForm } from "./create-user-form.tsx";
import type { UserRow } from "./types.ts";

export function UsersPage() {
  const { t } = useI18n();
  const state = useApi<{ items: UserRow[] }>("/users");
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState("");
  const [actionError, setActionError] = useState<unknown>(undefined);

  const act = async (path: string, done: string) => {
    setActionError(undefined);
    setMessage("");
    try {
      await api<void>(path, { method: "POST" });
      setMessage(done);
      state.reload();
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <>
      <div className="page-head">
        <h1>{t("users.title")}</h1>
        {!creating && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setCreating(true)}
            data-testid="user-new"
          >
            {t("users.create")}
          </button>
        )}
      </div>
      <div role="status" className="status-line">
        {message && <p className="alert alert-success">{message}</p>}
      </div>
      {creating && (
        <CreateUserForm
          onCancel={() => setCreating(false)}
          onCreated={(u) => {
            setCreating(false);
            setMessage(t("users.created", { name: u.username }));
            state.reload();
          }}
        />
      )}
      <ErrorAlert error={actionError} />
      <DataState {...state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("users.empty")}</Empty>
          ) : (
            <UsersTable items={data.items} onAction={act} />
          )
        }
      </DataState>
    </>
  );
}

function UsersTable({
  items,
  onAction,
}: {
  items: UserRow[];
  onAction: (path: string, done: string) => void;
}) {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const roleLabel = (role: string) =>
    hasOwnText("en", `role.${role}`) ? t(`role.${role}` as MessageKey) : role;
  return (
    <div className="table-wrap">
      <table className="data" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">{t("common.username")}</th>
            <th scope="col">{t("users.displayName")}</th>
            <th scope="col">{t("common.role")}</th>
            <th scope="col">{t("common.country")}</th>
            <th scope="col">{t("common.status")}</th>
            <th scope="col">{t("users.totp")}</th>
            <th scope="col">{t("common.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((u) => {
            const locked = u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
            const base = `/users/${segment(u.id)}`;
            return (
              <tr key={u.id} data-testid={`user-row-${u.username}`}>
                <td>
                  <code>{u.username}</code>
                </td>
                <td>
                  <bdi>{u.displayName}</bdi>
                </td>
                <td>{roleLabel(u.role)}</td>
                <td>
                  <code>{countryCode(u.country)}</code>
                </td>
                <td>
                  {u.disabled ? (
                    <span className="badge badge-off">{t("users.disabled")}</span>
                  ) : locked ? (
                    <span className="badge badge-soon">
                      {t("users.locked", { time: dateTime(u.lockedUntil) })}
                    </span>
                  ) : (
                    <span className="badge badge-on">{t("users.active")}</span>
                  )}
                </td>
                <td>{u.totpEnabled ? t("common.yes") : t("common.no")}</td>
                <td className="actions">
                  {!u.disabled && u.id !== me.id && (
                    <ConfirmButton
                      label={t("users.disable")}
                      question={t("users.confirmDisable", { name: u.username })}
                      danger
                      onConfirm={() =>
                        onAction(`${base}/disable`, t("users.disabledDone", { name: u.username }))
                      }
                      testId={`user-disable-${u.username}`}
                    />
                  )}
                  {u.totpEnabled && u.id !== me.id && (
                    <ConfirmButton
                      label={t("users.resetTotp")}
                      question={t("users.confirmReset", { name: u.username })}
                      onConfirm={() =>
                        onAction(`${base}/reset-totp`, t("users.resetDone", { name: u.username }))
                      }
                      testId={`user-reset-totp-${u.username}`}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
