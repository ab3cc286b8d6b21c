/**
 * The signed-in user: loaded once, kept with its abilities (what the policy lets it do) and CSRF
 * token; the app shows the sign-in page without a session and the password page while a
 * temporary password must be changed. `can` hides what the user may not do.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { ApiError, getJson, sendJson, setCsrfToken, setSignedOutHandler, type Action, type Session } from "./api";

interface SessionState {
  session: Session | null;
  loading: boolean;
  can(action: Action): boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);
  const setSession = useCallback((next: Session | null) => { setCsrfToken(next?.csrfToken ?? ""); setSessionState(next); }, []);

  useEffect(() => {
    setSignedOutHandler(() => setSession(null));
    getJson<Session>("/api/session").then(setSession, (e) => { if (!(e instanceof ApiError && e.status === 401)) console.error(e); setSession(null); })
      .finally(() => setLoading(false));
  }, [setSession]);

  const state: SessionState = {
    session, loading,
    can: (action) => session?.abilities.includes(action) ?? false,
    signIn: async (username, password) => setSession(await sendJson<Session>("POST", "/api/session", { username, password })),
    signOut: async () => { await sendJson("DELETE", "/api/session", undefined).catch(() => undefined); setSession(null); },
    changePassword: async (currentPassword, newPassword) => setSession(await sendJson<Session>("PUT", "/api/session/password", { currentPassword, newPassword })),
  };
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside SessionProvider");
  return state;
}
