// Who is signed in, for this browser tab only. The token is a bearer kept in sessionStorage (never a
// cookie: docs/api.md), so closing the tab signs out and no other site can ride on it.

export interface SessionUser {
  id: string;
  displayName: string;
}

export interface Session {
  token: string;
  user: SessionUser;
  /** `teams`: an Entra SSO token fetched again on demand; `convene`: dev sign-in or an invitation. */
  kind: 'teams' | 'convene';
}

const KEY = 'convene.session';
let current: Session | null = null;
let ssoTokenSource: (() => Promise<string>) | null = null;
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function loadSession(): Session | null {
  if (current) return current;
  const raw = storage()?.getItem(KEY);
  if (!raw) return null;
  try {
    current = JSON.parse(raw) as Session;
  } catch {
    current = null;
  }
  return current;
}

export function saveSession(session: Session | null): void {
  current = session;
  const s = storage();
  if (s) {
    if (session && session.kind === 'convene') s.setItem(KEY, JSON.stringify(session));
    else s.removeItem(KEY);
  }
  for (const listener of listeners) listener();
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Inside Teams the SSO token is short-lived: TeamsJS caches and renews it, so ask it every time. */
export function setSsoTokenSource(source: () => Promise<string>): void {
  ssoTokenSource = source;
}

export async function bearerToken(): Promise<string | null> {
  if (ssoTokenSource) return ssoTokenSource();
  return loadSession()?.token ?? null;
}
