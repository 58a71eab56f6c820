import { useEffect, useState } from "react";
import { client, data } from "../../../lib/api/client.ts";
import type { Body, Schema } from "../../../lib/api/schema.ts";
import { ApiError, isAbort } from "../../../lib/api.ts";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { fieldSentences } from "../../../lib/problems.ts";
import { requestPath } from "../draft/steps.ts";
import { toRequest } from "../draft/to-request.ts";
import type { NoticeDraft } from "../draft/types.ts";
import { FindingsPanel } from "../parts.tsx";
import type { Finding } from "../types.ts";
import { FieldLinks } from "./missing-fields.tsx";

type Preview = Schema<"CompliancePreview">;

type LiveState =
  | { kind: "idle" }
  | { kind: "ok"; preview: Preview }
  | { kind: "incomplete"; error: ApiError }
  | { kind: "failed" };

const DEBOUNCE_MS = 600;

/** The request body for the draft, or null while it does not convert. */
function requestOf(draft: NoticeDraft): string | null {
  if (!draft.type) return null;
  try {
    return JSON.stringify({ request: toRequest(draft) });
  } catch {
    return null;
  }
}

/**
 * Server compliance checks on the unsaved draft as the user edits: debounced, the previous request
 * aborted, a stale answer never shown.
 */
export function useCompliancePreview(draft: NoticeDraft): { state: LiveState; retry: () => void } {
  const body = requestOf(draft);
  const [state, setState] = useState<LiveState>({ kind: "idle" });
  const [nonce, setNonce] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: nonce forces a retry of the same body
  useEffect(() => {
    if (body === null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      // The draft's request is assembled field by field; the server checks it and says what is missing.
      data(
        client.POST("/api/v1/notices/compliance-preview", {
          body: JSON.parse(body) as Body<"previewNoticeCompliance">,
          signal: controller.signal,
        }),
      )
        .then((preview) => setState({ kind: "ok", preview }))
        .catch((e: unknown) => {
          if (isAbort(e) || controller.signal.aborted) return;
          if (e instanceof ApiError && e.status === 400) setState({ kind: "incomplete", error: e });
          else setState({ kind: "failed" });
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [body, nonce]);

  return { state, retry: () => setNonce((n) => n + 1) };
}

/** The server's findings next to the local missing-field list; only the summary line is announced. */
export function LiveCompliance({ draft, onGo }: { draft: NoticeDraft; onGo: (path: string) => void }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const { state, retry } = useCompliancePreview(draft);
  const findings = state.kind === "ok" ? state.preview.findings : [];
  const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;

  const summary =
    state.kind === "ok"
      ? t("wizard.live.summary", {
          block: count("block"),
          risk: count("risk"),
          info: count("info"),
        })
      : state.kind === "incomplete"
        ? t("wizard.live.incomplete")
        : state.kind === "failed"
          ? t("wizard.live.failed")
          : t("wizard.live.waiting");

  return (
    <div className="live-compliance" data-testid="wizard-live" data-state={state.kind}>
      {/* Announced politely, and only when the counts (or the state) change, not on each keystroke. */}
      <p className="hint" aria-live="polite" aria-atomic="true" data-testid="wizard-live-summary">
        {summary}
      </p>
      {state.kind === "ok" && (
        <>
          <p className="muted" data-testid="wizard-live-risk">
            {t("notices.risk")}: {num(state.preview.riskScore)}
          </p>
          <FindingsPanel
            findings={findings}
            heading={t("wizard.live.heading")}
            testId="wizard-live-findings"
          />
        </>
      )}
      {state.kind === "incomplete" && (
        <FieldLinks
          fields={fieldSentences(state.error, i18n).map((f) => ({
            path: requestPath(f.path),
            text: f.sentence,
          }))}
          onGo={onGo}
          testId="wizard-live-incomplete"
        />
      )}
      {state.kind === "failed" && (
        <button type="button" className="btn btn-small" onClick={retry} data-testid="wizard-live-retry">
          {t("wizard.live.retry")}
        </button>
      )}
    </div>
  );
}
