import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { browserStorage, type DraftStorage, draftKey, draftStore, type KeptDraft } from "./drafts.ts";

interface Options<T> {
  /** Whose draft and of what: the signed-in user, the form, the record edited (none for a new one). */
  userId: string;
  form: string;
  recordId?: string | null;
  /** The form's data now. */
  value: T;
  /** True while the form holds changes not saved to the server: only then is the draft kept. */
  dirty: boolean;
  /** Turns stored data back into the form's data, or null when it is not a draft of this form. */
  accept: (data: unknown) => T | null;
  baseVersion?: number;
  step?: string;
  storage?: DraftStorage | null;
}

/**
 * A form's draft kept on this computer as it is typed, and offered back when the form opens again.
 * `offer` is the draft found on opening (until restored or discarded); `clear` forgets it once the
 * form is saved or sent.
 */
export function useKeptDraft<T>({
  userId,
  form,
  recordId,
  value,
  dirty,
  accept,
  baseVersion,
  step,
  storage,
}: Options<T>) {
  const key = draftKey(userId, form, recordId);
  const acceptRef = useRef(accept);
  acceptRef.current = accept;
  const store = useMemo(
    () => draftStore<T>(storage === undefined ? browserStorage() : storage, (d) => acceptRef.current(d)),
    [storage],
  );
  const [offer, setOffer] = useState<KeptDraft<T> | null>(() => store.read(key));

  useEffect(() => {
    if (!dirty) return;
    store.write(key, {
      savedAt: new Date().toISOString(),
      data: value,
      ...(baseVersion === undefined ? {} : { baseVersion }),
      ...(step === undefined ? {} : { step }),
    });
  }, [store, key, value, dirty, baseVersion, step]);

  const clear = useCallback(() => {
    store.clear(key);
    setOffer(null);
  }, [store, key]);

  /** Keeps `draft` and offers it, as when the form is about to show something else (a newer version). */
  const stash = useCallback(
    (draft: KeptDraft<T>) => {
      store.write(key, draft);
      setOffer(draft);
    },
    [store, key],
  );

  /** The offered draft, taken: the caller puts its data back into the form. */
  const restore = useCallback((): KeptDraft<T> | null => {
    const taken = offer;
    setOffer(null);
    return taken;
  }, [offer]);

  return { offer, restore, discard: clear, clear, stash };
}
