import { useCallback, useMemo, useRef, useState } from "react";
import { client, data } from "../../../lib/api/client.ts";
import type { Lang } from "../../../lib/i18n/index.tsx";
import { useMe } from "../../../lib/session.tsx";
import { useKeptDraft } from "../../../lib/use-kept-draft.ts";
import { emptyDraft } from "../draft/defaults.ts";
import { fromRequest } from "../draft/from-request.ts";
import { WIZARD_STEPS, type WizardStep } from "../draft/steps.ts";
import { acceptNoticeDraft, hasContent } from "../draft/stored.ts";
import type { NoticeDraft } from "../draft/types.ts";
import type { Notice } from "../types.ts";

/** What a kept wizard draft holds: the form, and the notice it was already saved as, if any. */
export interface WizardKept {
  draft: NoticeDraft;
  noticeId?: string;
}

export function acceptWizardKept(data: unknown): WizardKept | null {
  const d = data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  const draft = acceptNoticeDraft(d.draft);
  if (!draft) return null;
  return typeof d.noticeId === "string" ? { draft, noticeId: d.noticeId } : { draft };
}

const isStep = (s: unknown): s is WizardStep => (WIZARD_STEPS as readonly unknown[]).includes(s);

const draftOf = (n: Notice, lang: Lang): NoticeDraft =>
  fromRequest(n.request, { ...n.envelope }, n.publicExtract, lang);

/**
 * The wizard's state that outlives the page: the draft as typed, kept on this computer while it
 * differs from what the server has (and offered back on return); the notice it is saved as and the
 * version of it the wizard started from, which every save names so a stale page cannot overwrite a
 * colleague's change.
 */
export function useWizardDraft(notice: Notice | undefined, lang: Lang) {
  const me = useMe();
  const [draft, setDraft] = useState<NoticeDraft>(() => (notice ? draftOf(notice, lang) : emptyDraft(lang)));
  const [baseline, setBaseline] = useState(() => JSON.stringify(draft));
  const [step, setStep] = useState<WizardStep>(notice ? "review" : "type");
  const [savedId, setSavedId] = useState<string | undefined>(notice?.id);
  const [version, setVersion] = useState<number | undefined>(notice?.version);
  const current = useRef(draft);
  current.current = draft;

  const dirty = hasContent(draft) && JSON.stringify(draft) !== baseline;
  const value = useMemo<WizardKept>(
    () => (savedId ? { draft, noticeId: savedId } : { draft }),
    [draft, savedId],
  );
  const kept = useKeptDraft<WizardKept>({
    userId: me.id,
    form: "notice-wizard",
    recordId: notice?.id ?? null,
    value,
    dirty,
    accept: acceptWizardKept,
    ...(version === undefined ? {} : { baseVersion: version }),
    step,
  });
  // A kept draft identical to the form has nothing to offer.
  const offer =
    kept.offer && JSON.stringify(kept.offer.data.draft) !== JSON.stringify(draft) ? kept.offer : null;

  /** The server has `sent` as notice `n`: the draft is no longer unsaved, and `n.version` is the base. */
  const saved = useCallback(
    (n: Notice, sent: NoticeDraft) => {
      setSavedId(n.id);
      setVersion(n.version);
      setBaseline(JSON.stringify(sent));
      if (JSON.stringify(current.current) === JSON.stringify(sent)) kept.clear();
    },
    [kept],
  );

  const restore = () => {
    const k = kept.restore();
    if (!k) return;
    setDraft(k.data.draft);
    if (k.data.noticeId) setSavedId(k.data.noticeId);
    if (k.baseVersion !== undefined) setVersion(k.baseVersion);
    if (isStep(k.step)) setStep(k.step);
  };

  /**
   * After a stale refusal: shows the notice as it now is, and keeps what the officer typed as a draft
   * offered back, so they can compare and apply their change again.
   */
  const loadCurrent = async () => {
    if (!savedId) return;
    const latest = await data(client.GET("/api/v1/notices/{id}", { params: { path: { id: savedId } } }));
    kept.stash({
      savedAt: new Date().toISOString(),
      data: { draft: current.current, noticeId: savedId },
      baseVersion: latest.version,
      step,
    });
    const fresh = draftOf(latest, lang);
    setDraft(fresh);
    setBaseline(JSON.stringify(fresh));
    setVersion(latest.version);
  };

  return {
    draft,
    setDraft,
    step,
    setStep,
    savedId,
    version,
    dirty,
    offer,
    saved,
    restore,
    discard: kept.discard,
    clearKept: kept.clear,
    loadCurrent,
  };
}
