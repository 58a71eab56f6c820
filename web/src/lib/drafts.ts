/*
 * Half-filled forms kept on this computer: when an officer leaves a form without saving, what they
 * typed stays in the browser's storage, per user and per record being edited, and the form offers it
 * back next time. Nothing here reaches the server; a form clears its draft once saved or sent.
 */

/** The part of the Web Storage API the drafts use (window.localStorage, or a test's stand-in). */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

export interface KeptDraft<T> {
  /** When it was last kept (ISO instant). */
  savedAt: string;
  /** The version of the record the form started from, so a later save names it (stale pages). */
  baseVersion?: number;
  /** Where the form was (a wizard step). */
  step?: string;
  data: T;
}

const PREFIX = "fusion.draft.v1";

/** One draft's storage key: the user, the form, and the record edited ("new" for a new one). */
export const draftKey = (userId: string, form: string, recordId?: string | null): string =>
  `${PREFIX}:${userId}:${form}:${recordId || "new"}`;

/** The browser's storage, or null where it is disabled (private modes, policies). */
export function browserStorage(): DraftStorage | null {
  try {
    const s = window.localStorage;
    const probe = `${PREFIX}:probe`;
    s.setItem(probe, "1");
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

/**
 * Reads, keeps and forgets drafts. `accept` turns what was stored into the form's data, or null when
 * it is not a draft of this form any more (an older shape, a corrupted value): such a draft is dropped.
 */
export function draftStore<T>(storage: DraftStorage | null, accept: (data: unknown) => T | null) {
  function read(key: string): KeptDraft<T> | null {
    if (!storage) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(storage.getItem(key) ?? "null");
    } catch {
      parsed = null;
    }
    const kept = parsed as Partial<KeptDraft<unknown>> | null;
    const data =
      kept && typeof kept === "object" && typeof kept.savedAt === "string" ? accept(kept.data) : null;
    if (!kept || data === null) {
      if (kept !== null) storage.removeItem(key);
      return null;
    }
    return {
      savedAt: kept.savedAt as string,
      data,
      ...(typeof kept.baseVersion === "number" ? { baseVersion: kept.baseVersion } : {}),
      ...(typeof kept.step === "string" ? { step: kept.step } : {}),
    };
  }

  /** Keeps the draft; false when the storage refused it (full, disabled). */
  function write(key: string, draft: KeptDraft<T>): boolean {
    if (!storage) return false;
    try {
      storage.setItem(key, JSON.stringify(draft));
      return true;
    } catch {
      return false;
    }
  }

  function clear(key: string): void {
    try {
      storage?.removeItem(key);
    } catch {
      // nothing to forget
    }
  }

  return { read, write, clear };
}

export type DraftStore<T> = ReturnType<typeof draftStore<T>>;

/**
 * Forgets every draft a user kept on this computer. Called when they sign out: a draft holds what a
 * notice says about its subject, and a workstation shared by a bureau's shift must not show it to the
 * next officer's browser storage. A session that merely expires keeps them, so that signing in again
 * gives the work back.
 */
export function forgetDraftsOf(storage: DraftStorage | null, userId: string): number {
  if (!storage) return 0;
  const prefix = `${PREFIX}:${userId}:`;
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    return 0;
  }
  return keys.length;
}
