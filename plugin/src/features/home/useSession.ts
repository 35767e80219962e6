import { useEffect, useState } from 'react';
import { loadSession, onSessionChange, type Session } from '../../api/session.js';

export function useSession(): Session | null {
  const [session, setSession] = useState(loadSession);
  useEffect(() => onSessionChange(() => setSession(loadSession())), []);
  return session;
}
