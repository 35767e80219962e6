import { BreakoutJoinResponse } from '../../../../server/domain/wireContract.js';
import { apiFetch } from '../../api/http.js';
import { ApiError, errorMessage } from '../../api/problem.js';
import { i18n } from '../../i18n/i18n.js';

// POST /api/engagements/:id/breakouts/:roomId/token (docs/api.md). The server decides who may join which room
// (BREAKOUT-20); the tab only explains the answer in words.

export type BreakoutJoin = BreakoutJoinResponse;

export type JoinOutcome =
  | { kind: 'ready'; join: BreakoutJoin }
  | { kind: 'no-media'; message: string }
  | { kind: 'refused'; message: string };

/** Said when the deployment has no LiveKit server: the round still runs, only without audio and video here. */
export const noMediaMessage = (): string => i18n.t('breakouts.noMedia');

export async function requestJoinToken(engagementId: string, roomId: string): Promise<JoinOutcome> {
  try {
    const join = await apiFetch(
      `/api/engagements/${encodeURIComponent(engagementId)}/breakouts/${encodeURIComponent(roomId)}/token`,
      BreakoutJoinResponse,
      { method: 'POST', body: {} },
    );
    return { kind: 'ready', join };
  } catch (error) {
    return joinOutcomeOf(error);
  }
}

/** A failed token request, classified: 503 LIVEKIT_NOT_CONFIGURED is not an error the person can fix. */
export function joinOutcomeOf(error: unknown): JoinOutcome {
  if (error instanceof ApiError && error.code === 'LIVEKIT_NOT_CONFIGURED') return { kind: 'no-media', message: noMediaMessage() };
  return { kind: 'refused', message: errorMessage(error) };
}
