import { type FormEvent, useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.tsx";
import { TextField } from "../../components/fields.tsx";
import { enableTotp, setupTotp } from "../../lib/auth-api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { useMe, useSession } from "../../lib/session.tsx";

/** Groups a base32 secret in fours so it can be read out and typed without mistakes. */
const groupSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, "$1 ");

export function TotpPage() {
  const { t } = useI18n();
  const me = useMe();
  const { refresh } = useSession();
  const [setup, setSetup] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [code, setCode] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setPending(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  const start = () =>
    run(async () => {
      setSetup(await setupTotp());
    });

  const confirm = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await enableTotp(code);
      setDone(true);
      setSetup(null);
      await refresh();
    });
  };

  return (
    <>
      <h1>{t("totp.title")}</h1>
      <ErrorAlert error={error} />
      {done && <Notice kind="success">{t("totp.success")}</Notice>}
      {me.totpEnabled ? (
        !done && <p>{t("totp.enabled")}</p>
      ) : setup === null ? (
        <>
          <p>{t("totp.disabled")}</p>
          <button
            type="button"
            className="btn btn-primary"
            onClick={start}
            disabled={pending}
            data-testid="totp-start"
          >
            {t("totp.start")}
          </button>
        </>
      ) : (
        <section className="panel" aria-labelledby="totp-setup-heading">
          <h2 id="totp-setup-heading">{t("totp.start")}</h2>
          <p>{t("totp.step")}</p>
          <dl className="kv">
            <dt>{t("totp.secret")}</dt>
            <dd>
              <code className="secret" dir="ltr" data-testid="totp-secret">
                {groupSecret(setup.secret)}
              </code>
            </dd>
            <dt>{t("totp.url")}</dt>
            <dd>
              <code className="wrap" dir="ltr" data-testid="totp-url">
                {setup.otpauthUrl}
              </code>
            </dd>
          </dl>
          <form onSubmit={confirm} className="inline-form">
            <TextField
              label={t("totp.code")}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              dir="ltr"
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
              testId="totp-code"
            />
            <button type="submit" className="btn btn-primary" disabled={pending} data-testid="totp-confirm">
              {t("totp.confirm")}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
