import { useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.tsx";
import { TextField } from "../../components/fields.tsx";
import { changePassword } from "../../lib/auth-api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { useSubmit } from "../../lib/use-submit.ts";

/** Changes one's own password; the server ends the account's other sessions. */
export function PasswordForm() {
  const { t } = useI18n();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [done, setDone] = useState(false);
  const { pending, error, handler } = useSubmit();
  const mismatch = repeat.length > 0 && next !== repeat;

  const submit = handler(async () => {
    setDone(false);
    await changePassword(current, next);
    setCurrent("");
    setNext("");
    setRepeat("");
    setDone(true);
  });

  return (
    <form
      className="panel form-grid"
      onSubmit={submit}
      aria-labelledby="password-heading"
      data-testid="password-form"
    >
      <h2 id="password-heading">{t("password.title")}</h2>
      <ErrorAlert error={error} />
      {done && <Notice kind="success">{t("password.done")}</Notice>}
      <TextField
        label={t("password.current")}
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        testId="password-current"
      />
      <TextField
        label={t("password.new")}
        hint={t("password.rule")}
        type="password"
        autoComplete="new-password"
        minLength={12}
        required
        value={next}
        onChange={(e) => setNext(e.target.value)}
        testId="password-new"
      />
      <TextField
        label={t("password.repeat")}
        hint={mismatch ? t("password.mismatch") : undefined}
        type="password"
        autoComplete="new-password"
        required
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
        aria-invalid={mismatch}
        testId="password-repeat"
      />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={pending || mismatch}
          data-testid="password-submit"
        >
          {t("password.submit")}
        </button>
      </div>
    </form>
  );
}
