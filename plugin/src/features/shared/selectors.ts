import type { EngagementState, FloorRequest, Intervention, Membership, Participant, Question } from '../../../../server/domain/index.js';
import { i18n } from '../../i18n/i18n.js';
import { remainingMs } from '../../live/countdown.js';

// Read-only views over the state for the surfaces. No rule lives here: what may happen is the server's
// `decide`; these only arrange what is already true for display.

export const openQuestion = (state: EngagementState): Question | null => state.questions.find((q) => q.id === state.openQuestionId) ?? null;

export interface Speaker {
  request: FloorRequest;
  intervention: Intervention;
  participant: Participant | null;
}

export function currentSpeaker(state: EngagementState): Speaker | null {
  const id = state.currentRequestId;
  if (!id) return null;
  const request = state.requests[id];
  const intervention = state.interventions[id];
  if (!request || !intervention) return null;
  return { request, intervention, participant: state.participants[request.participantId] ?? null };
}

export interface Waiting {
  request: FloorRequest;
  participant: Participant | null;
}

export function waitingList(state: EngagementState, questionId: string | null): Waiting[] {
  if (!questionId) return [];
  return (state.waiting[questionId] ?? [])
    .map((id) => state.requests[id])
    .filter((r): r is FloorRequest => Boolean(r))
    .map((request) => ({ request, participant: state.participants[request.participantId] ?? null }));
}

export const nameOf = (p: Participant | null | undefined): string => p?.displayName ?? i18n.t('common.aParticipant');
export const orgOf = (p: Participant | null | undefined): string => p?.organization ?? '';

/** My live request on the open question (waiting or speaking), if any. */
export function myLiveRequest(state: EngagementState, me: Membership | null): FloorRequest | null {
  if (!me?.participantId) return null;
  return (
    Object.values(state.requests).find(
      (r) => r.participantId === me.participantId && (r.status === 'waiting' || r.status === 'speaking'),
    ) ?? null
  );
}

export function myDeferredRequests(state: EngagementState, me: Membership | null): FloorRequest[] {
  if (!me?.participantId) return [];
  return Object.values(state.requests).filter((r) => r.participantId === me.participantId && r.status === 'deferred');
}

/** Place (1-based) and estimated wait: the allowances of everyone ahead plus what the speaker has left. */
export function placeInLine(state: EngagementState, requestId: string, serverNow: number): { place: number; waitSeconds: number } | null {
  const request = state.requests[requestId];
  if (!request || request.status !== 'waiting') return null;
  const line = state.waiting[request.questionId] ?? [];
  const index = line.indexOf(requestId);
  if (index < 0) return null;
  let wait = 0;
  for (const id of line.slice(0, index)) wait += state.requests[id]?.allowanceSeconds ?? state.settings.speakingSeconds;
  const speaking = currentSpeaker(state);
  if (speaking) wait += Math.max(0, Math.ceil(remainingMs(speaking.intervention, serverNow) / 1000));
  return { place: index + 1, waitSeconds: wait };
}

export function formatMinutes(seconds: number): string {
  if (seconds < 60) return i18n.t('time.underAMinute');
  return i18n.t('time.aboutMinutes', { count: Math.round(seconds / 60) });
}
