import { type FormEvent, useEffect, useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { TextField } from "../../components/fields.tsx";
import { SortableHeader, type SortState, sortRows, useUrlSort } from "../../components/sortable-header.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { api } from "../../lib/api.ts";
import { hasOwnText, type MessageKey, useI18n } from "../../lib/i18n/index.tsx";
import { canAccess } from "../../lib/roles.ts";
import { Link, navigate, segment, useLocation } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import { countryCode } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { CreateUserForm } from "./create-user-form.tsx";
import type { IssuedSecret, TotpSecret, UserRow } from "./types.ts";

export function UsersPage() {
  const { t } = useI18n();
  const state = useApi<{ items: UserRow[] }>("/users");
  const { path, query } = useLocation();
  // A name, part of one, or an account's id (the audit trail links here by name).
  const q = query.get("q") ?? "";
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const sorting = useUrlSort("username");
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState("");
  const [actionError, setActionError] = useState<unknown>(undefined);
  // A TOTP secret the server issued (new account or reset): shown once, for out-of-band hand-over.
  const [issued, setIssued] = useState<IssuedSecret | null>(null);

  const act = async (path: string, done: string, username: string) => {
    setActionError(undefined);
    setMessage("");
    setIssued(null);
    try {
      const result = await api<Partial<TotpSecret> | undefined>(path, { method: "POST" });
      if (result?.secret && result.otpauthUrl)
        setIssued({ username, secret: result.secret, otpauthUrl: result.otpauthUrl });
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
      {issued && (
        <section className="alert alert-warning" data-testid="issued-secret" aria-live="polite">
          <p>{t("users.secretIssued", { name: issued.username })}</p>
          <p>
            <code>{issued.secret}</code>
          </p>
          <p>
            <code className="wrap">{issued.otpauthUrl}</code>
          </p>
          <button type="button" className="btn" onClick={() => setIssued(null)}>
            {t("users.secretStored")}
          </button>
        </section>
      )}
      {creating && (
        <CreateUserForm
          onCancel={() => setCreating(false)}
          onCreated={({ user: u, totp }) => {
            setCreating(false);
            setMessage(t("users.created", { name: u.username }));
            setIssued(totp ? { username: u.username, ...totp } : null);
            state.reload();
          }}
        />
      )}
      <ErrorAlert error={actionError} />
      <search>
        <form
          className="toolbar"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            navigate(path, { q: draft.trim(), sort: sorting.sort === "username" ? undefined : sorting.sort });
          }}
        >
          <TextField
            label={t("deadends.users.search")}
            type="search"
            className="grow"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            testId="users-q"
          />
          <button type="submit" className="btn btn-primary" data-testid="users-search">
            {t("common.search")}
          </button>
        </form>
      </search>
      <DataState {...state}>
        {(data) => {
          const items = matching(data.items, q);
          return items.length === 0 ? (
            <Empty>{t("users.empty")}</Empty>
          ) : (
            <UsersTable items={items} onAction={act} sorting={sorting} />
          );
        }}
      </DataState>
    </>
  );
}

/** Accounts whose name, display name or id contains the query, whatever the case. */
function matching(items: UserRow[], q: string): UserRow[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return items;
  return items.filter((u) => [u.username, u.displayName, u.id].some((v) => v.toLowerCase().includes(needle)));
}

const statusOf = (u: UserRow) =>
  u.disabled ? 2 : u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now() ? 1 : 0;

function UsersTable({
  items,
  onAction,
  sorting,
}: {
  items: UserRow[];
  onAction: (path: string, done: string, username: string) => void;
  sorting: SortState;
}) {
  const { t, dateTime, lang, country } = useI18n();
  const me = useMe();
  const roleLabel = (role: string) =>
    hasOwnText("en", `role.${role}`) ? t(`role.${role}` as MessageKey) : role;
  // The whole list arrives at once: it is sorted here, by what the reader sees in each column.
  const rows = sortRows(
    items,
    sorting.sort,
    (u, column) =>
      column === "displayName"
        ? u.displayName
        : column === "role"
          ? roleLabel(u.role)
          : column === "country"
            ? country(countryCode(u.country))
            : column === "status"
              ? statusOf(u)
              : u.username,
    lang,
  );
  return (
    <div className="table-wrap">
      <table className="data" data-testid="users-table">
        <thead>
          <tr>
            <SortableHeader column="username" {...sorting}>
              {t("common.username")}
            </SortableHeader>
            <SortableHeader column="displayName" {...sorting}>
              {t("users.displayName")}
            </SortableHeader>
            <SortableHeader column="role" {...sorting}>
              {t("common.role")}
            </SortableHeader>
            <SortableHeader column="country" {...sorting}>
              {t("common.country")}
            </SortableHeader>
            <SortableHeader column="status" {...sorting}>
              {t("common.status")}
            </SortableHeader>
            <th scope="col">{t("users.totp")}</th>
            <th scope="col">{t("common.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => {
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
                  {canAccess(me.role, "audit") && (
                    <Link
                      className="btn btn-small"
                      to="/audit"
                      query={{ username: u.username }}
                      aria-label={t("deadends.users.trailOf", { name: u.username })}
                      data-testid={`user-trail-${u.username}`}
                    >
                      {t("deadends.users.trail")}
                    </Link>
                  )}
                  {!u.disabled && u.id !== me.id && (
                    <ConfirmButton
                      label={t("users.disable")}
                      question={t("users.confirmDisable", { name: u.username })}
                      danger
                      onConfirm={() =>
                        onAction(`${base}/disable`, t("users.disabledDone", { name: u.username }), u.username)
                      }
                      testId={`user-disable-${u.username}`}
                    />
                  )}
                  {u.totpEnabled && u.id !== me.id && (
                    <ConfirmButton
                      label={t("users.resetTotp")}
                      question={t("users.confirmReset", { name: u.username })}
                      onConfirm={() =>
                        onAction(`${base}/reset-totp`, t("users.resetDone", { name: u.username }), u.username)
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
