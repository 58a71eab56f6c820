import type { KeptDraft } from "../lib/drafts.ts";
import { useI18n } from "../lib/i18n/index.tsx";

/** "Unsaved work was kept": the draft found when a form opens, to continue or to discard. */
export function DraftOffer({
  draft,
  onRestore,
  onDiscard,
}: {
  draft: KeptDraft<unknown>;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const { t, dateTime } = useI18n();
  return (
    <section
      className="alert alert-info draft-offer"
      aria-labelledby="draft-offer-title"
      data-testid="draft-offer"
    >
      <p>
        <strong id="draft-offer-title">{t("draft.found.title")}</strong>{" "}
        {t("draft.found.body", { time: dateTime(draft.savedAt) })}
      </p>
      <button
        type="button"
        className="btn btn-small btn-primary"
        onClick={onRestore}
        data-testid="draft-restore"
      >
        {t("draft.restore")}
      </button>
      <button type="button" className="btn btn-small" onClick={onDiscard} data-testid="draft-discard">
        {t("draft.discard")}
      </button>
    </section>
  );
}
