import { useEffect, useState } from "react";
import { useI18n } from "../lib/i18n/index.tsx";
import { ConfirmDialog } from "./confirm-button.tsx";

/**
 * While `when` holds (a form has changes not saved to the server), leaving asks first: closing or
 * reloading the tab gets the browser's own warning, and a link inside the app opens a dialog that says
 * what happens to the changes. The back button cannot be held; the form's kept draft covers it.
 */
export function UnsavedGuard({ when }: { when: boolean }) {
  const { t } = useI18n();
  const [target, setTarget] = useState<string | null>(null);

  useEffect(() => {
    if (!when) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the warning only when a value is set.
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [when]);

  useEffect(() => {
    if (!when) return;
    const intercept = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest("a[href]") : null;
      const href = link?.getAttribute("href");
      if (!link || !href?.startsWith("#/") || link.getAttribute("target") === "_blank") return;
      if (href === window.location.hash) return;
      e.preventDefault();
      setTarget(href);
    };
    // Capture: the app's links are plain anchors, and this must run before the hash changes.
    document.addEventListener("click", intercept, true);
    return () => document.removeEventListener("click", intercept, true);
  }, [when]);

  return (
    <ConfirmDialog
      open={target !== null}
      title={t("draft.leave.title")}
      body={<p>{t("draft.leave.body")}</p>}
      confirmLabel={t("draft.leave.action")}
      cancelLabel={t("draft.stay")}
      danger
      onConfirm={() => {
        const href = target;
        setTarget(null);
        if (href) window.location.hash = href;
      }}
      onCancel={() => setTarget(null)}
      testId="unsaved-leave"
    />
  );
}
