// Direct calls to the running server for test set-up (the browser then shows what they did).

export interface Session {
  token: string;
  user: { id: string; displayName: string };
}

export function apiClient(baseUrl: string) {
  const call = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  return {
    devSignIn: (displayName: string) => call<Session>('/api/auth/dev', { displayName }),
    createEngagement: (token: string, body: Record<string, unknown>) => call<{ id: string }>('/api/engagements', body, token),
    command: (token: string, engagementId: string, command: Record<string, unknown>) =>
      call<{ version: number; events: { type: string; [k: string]: unknown }[] }>(
        `/api/engagements/${encodeURIComponent(engagementId)}/commands`,
        command,
        token,
      ),
    invite: (token: string, engagementId: string, body: Record<string, unknown>) =>
      call<{ code: string; url: string }>(`/api/engagements/${encodeURIComponent(engagementId)}/invitations`, body, token),
    redeem: (code: string) => call<Session & { engagementId: string }>('/api/auth/invitation', { code }),
  };
}

/** The tab keeps its session in sessionStorage; a test page starts signed in by seeding it. */
export const sessionScript = (session: Session) => JSON.stringify({ token: session.token, user: session.user, kind: 'convene' });
