import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../lib/i18n/index.tsx";
import type { CreatedClient } from "./types.ts";

/** Shows a new client's token once; it is never fetched again, so the user must copy it now. */
export function TokenPanel({ created, onDone }: { created: CreatedClient; onDone: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      // Clipboard access can be refused: select the text so the user can copy it by hand.
      inputRef.current?.select();
    }
  };

  return (
    <section className="panel token-panel" aria-labelledby="token-heading" data-testid="client-token-panel">
      <h2 id="token-heading" ref={headingRef} tabIndex={-1}>
        {t("clients.tokenTitle", { name: created.client.name })}
      </h2>
      <p className="alert alert-warning" role="alert">
        {t("clients.tokenWarning")}
      </p>
      <div className="field">
        <label htmlFor="client-token">{t("clients.token")}</label>
        <div className="token-row">
          <input
            id="client-token"
            ref={inputRef}
            readOnly
            dir="ltr"
            value={created.token}
            onFocus={(e) => e.target.select()}
            data-testid="client-token"
          />
          <button type="button" className="btn" onClick={copy}>
            {t("common.copy")}
          </button>
        </div>
        <p role="status" className="hint">
          {copied ? t("common.copied") : ""}
        </p>
      </div>
      <button type="button" className="btn btn-primary" onClick={onDone} data-testid="client-token-done">
        {t("clients.tokenDone")}
      </button>
    </section>
  );
}
