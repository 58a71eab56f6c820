import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from "./api.ts";
import { fetchMe, logout } from "./auth-api.ts";
import { browserStorage, forgetDraftsOf } from "./drafts.ts";
import type { Me, Session } from "./types.ts";

type SessionState =
  | { status: "loading" }
  | { status: "anonymous"; error?: unknown }
  | { status: "authenticated"; user: Me };

interface SessionApi {
  state: SessionState;
  /** Called with the answer of a successful login. */
  signedIn: (session: Session) => void;
  signOut: () => Promise<void>;
  /** Re-reads /auth/me (after enabling TOTP, for instance). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const signedIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: "authenticated", user: session.user });
  }, []);

  const dropSession = useCallback((error?: unknown) => {
    setCsrfToken(null);
    setState(error === undefined ? { status: "anonymous" } : { status: "anonymous", error });
  }, []);

  const refresh = useCallback(async () => {
    try {
      signedIn(await fetchMe());
    } catch (e) {
      // 401 simply means "not signed in"; anything else (server down) is worth showing on the login page.
      dropSession(e instanceof ApiError && e.status === 401 ? undefined : e);
    }
  }, [signedIn, dropSession]);

  const signOut = useCallback(async () => {
    // Signing out is leaving the workstation: the half-filled forms kept on it go too (lib/drafts.ts).
    if (state.status === "authenticated") forgetDraftsOf(browserStorage(), state.user.id);
    try {
      await logout();
    } catch {
      // the session is dropped locally whatever the server answers
    }
    dropSession();
  }, [state, dropSession]);

  useEffect(() => {
    void refresh();
    setUnauthenticatedHandler(() => dropSession());
    return () => setUnauthenticatedHandler(null);
  }, [refresh, dropSession]);

  const value = useMemo(() => ({ state, signedIn, signOut, refresh }), [state, signedIn, signOut, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error("useSession outside SessionProvider");
  return ctx;
}

/** The signed-in user; only for components rendered inside the authenticated shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== "authenticated") throw new Error("useMe without a signed-in user");
  return state.user;
}
