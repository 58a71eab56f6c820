import { type FormEvent, useEffect, useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.tsx";
import { TextField } from "../../components/fields.tsx";
import { LanguageSwitcher } from "../../components/language-switcher.tsx";
import { ApiError } from "../../lib/api.ts";
import { login } from "../../lib/auth-api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link } from "../../lib/router.tsx";
import { useSession } from "../../lib/session.tsx";

type Step = "credentials" | "totp";

export function LoginPage() {
  const { t } = useI18n();
  const { state, signedIn } = useSession();
  const [step, setStep] = useState<Step>("credentials");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [totp, setTotp] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(state.status === "anonymous" ? state.error : undefined);

  useEffect(() => {
    document.title = `${t("login.title")} · ${t("app.name")}`;
  }, [t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      signedIn(await login(step === "totp" ? { username, password, totp } : { username, password }));
    } catch (err) {
      if (err instanceof ApiError && err.code === "totp_required" && step === "credentials") {
        setStep("totp");
      } else {
        setError(err);
        if (step === "totp") setTotp("");
      }
    } finally {
      setPending(false);
    }
  };

  const restart = () => {
    setStep("credentials");
    setPassword("");
    setTotp("");
    setError(undefined);
  };

  return (
    <div className="login-screen">
      <header className="login-top">
        <span className="brand">
          {t("app.name")} <span className="brand-tagline">{t("app.tagline")}</span>
        </span>
        <LanguageSwitcher />
      </header>
      <main id="main" className="login-card" tabIndex={-1}>
        <h1>{t("login.title")}</h1>
        <ErrorAlert error={error} />
        <form onSubmit={submit} data-testid="login-form">
          {step === "credentials" ? (
            <>
              <TextField
                label={t("login.username")}
                name="username"
                autoComplete="username"
                required
                autoFocus
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                testId="login-username"
              />
              <TextField
                label={t("login.password")}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                testId="login-password"
              />
            </>
          ) : (
            <>
              <Notice>{t("login.totpHint")}</Notice>
              <p className="muted">
                {t("login.username")}:{" "}
                <bdi>
                  <strong>{username}</strong>
                </bdi>
              </p>
              <TextField
                label={t("login.totp")}
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                autoFocus
                dir="ltr"
                value={totp}
                onChange={(e) => setTotp(e.target.value.replace(/\D/g, ""))}
                testId="login-totp"
              />
            </>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={pending} data-testid="login-submit">
              {step === "totp" ? t("login.verify") : t("login.submit")}
            </button>
            {step === "totp" && (
              <button type="button" className="btn btn-link" onClick={restart}>
                {t("login.back")}
              </button>
            )}
          </div>
        </form>
        <p className="login-notice">{t("login.notice")}</p>
        <p className="login-public">
          <Link to="/public/notices" data-testid="public-notices-link">
            {t("public.link")}
          </Link>
        </p>
      </main>
    </div>
  );
}
