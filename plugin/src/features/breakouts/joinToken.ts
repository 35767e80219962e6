import { apiFetch } from '../../api/http.js';
import { ApiError, errorMessage } from '../../api/problem.js';

// POST /api/engagements/:id/breakouts/:roomId/token (API.md). The server decides who may join which room
// (BREAKOUT-20); the tab only explains the answer in words.

export interface BreakoutJoin {
  serverUrl: string;
  token: string;
  roomName: string;
  expiresAt: string;
}

export type JoinOutcome =
  | { kind: 'ready'; join: BreakoutJoin }
  | { kind: 'no-media'; message: string }
  | { kind: 'refused'; message: string };

/** Said when the deployment has no LiveKit server: the round still runs, only without audio and video here. */
export const NO_MEDIA_MESSAGE =
  'This breakout runs without audio and video here: no media server is configured for Convene. Stay in the Teams meeting for audio, follow the timer and messages on this panel, and the rapporteur can still file the room’s report.';

export async function requestJoinToken(engagementId: string, roomId: string): Promise<JoinOutcome> {
  try {
    const join = await apiFetch<BreakoutJoin>(
      `/api/engagements/${encodeURIComponent(engagementId)}/breakouts/${encodeURIComponent(roomId)}/token`,
      { method: 'POST', body: {} },
    );
    return { kind: 'ready', join };
  } catch (error) {
    return joinOutcomeOf(error);
  }
}

/** A failed token request, classified: 503 LIVEKIT_NOT_CONFIGURED is not an error the person can fix. */
export function joinOutcomeOf(error: unknown): JoinOutcome {
  if (error instanceof ApiError && error.code === 'LIVEKIT_NOT_CONFIGURED') return { kind: 'no-media', message: NO_MEDIA_MESSAGE };
  return { kind: 'refused', message: errorMessage(error) };
}
