import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { EngagementState, Standing } from '../../../server/domain/index.js';
import { bearerToken } from '../api/session.js';
import { withEarlyStream } from './earlyStream.js';
import { LiveEngagement } from './LiveEngagement.js';
import type { ConnectionStatus } from './SseConnection.js';

export interface UseEngagement {
  state: EngagementState | null;
  version: number;
  me: Standing | null;
  connection: ConnectionStatus;
  connectionDetail: string | null;
  /** Server time in ms (Date.now() corrected by the offset from the stream's `serverNow`). */
  serverNow: () => number;
  resync: () => void;
}

const idle = new LiveEngagement('', { getToken: async () => null });

/** The engagement, live: snapshot, then every change as it is committed. */
export function useEngagement(engagementId: string | null): UseEngagement {
  const [live, setLive] = useState<LiveEngagement | null>(null);
  useEffect(() => {
    if (!engagementId) return;
    // The entry may have asked for this stream already (earlyStream.ts): adopt that response.
    const next = new LiveEngagement(engagementId, { getToken: bearerToken, fetchImpl: withEarlyStream() }).start();
    setLive(next);
    return () => next.stop();
  }, [engagementId]);
  const store = live ?? idle;
  const snap = useSyncExternalStore(store.subscribe, store.snapshot);
  const serverNow = useCallback(() => store.serverNow(), [store]);
  const resync = useCallback(() => store.resync(), [store]);
  return {
    state: snap.state,
    version: snap.version,
    me: snap.me,
    connection: live ? snap.connection : 'connecting',
    connectionDetail: snap.connectionDetail,
    serverNow,
    resync,
  };
}

/** Re-renders every `intervalMs` and returns the server's clock now. */
export function useServerClock(serverNow: () => number, intervalMs = 250): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), intervalMs);
    return () => clearInterval(timer);
  }, [serverNow, intervalMs]);
  return now;
}
