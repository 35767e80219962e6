import { useEffect, useSyncExternalStore } from 'react';
import { useHost } from '../../host/HostProvider.js';
import type { HandoffStatus } from '../../host/incomingAudioHandoff.js';

// The breakout room's side of the Teams audio handoff (host/incomingAudioHandoff.ts). Outside Teams, or on
// a Teams surface without the incoming-audio calls, there is no handoff: the status is null.

const noSubscription = () => () => undefined;
const noStatus = () => null;

/** While `inRoom`, the Teams meeting's incoming audio is muted; leaving, or unmounting, gives it back. */
export function useTeamsAudioHandoff(inRoom: boolean): HandoffStatus | null {
  const handoff = useHost().teams?.audioHandoff ?? null;
  useEffect(() => {
    if (!inRoom || !handoff) return;
    handoff.enterRoom();
    return () => handoff.leaveRoom();
  }, [inRoom, handoff]);
  return useSyncExternalStore(handoff?.subscribe ?? noSubscription, handoff?.getStatus ?? noStatus);
}

/** Before joining: will Convene mute the Teams meeting by itself (until Teams has once refused)? */
export function useTeamsAutoMute(): boolean {
  const handoff = useHost().teams?.audioHandoff ?? null;
  useSyncExternalStore(handoff?.subscribe ?? noSubscription, handoff?.getStatus ?? noStatus);
  return handoff?.available ?? false;
}
