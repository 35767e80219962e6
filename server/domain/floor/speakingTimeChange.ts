import type { EventOf } from '../events.js';
import type { EngagementState } from '../state.js';

/**
 * TIME-10: what a new speaking time (`engagement.update {speakingSeconds}`) does to those already waiting:
 * on every question without a shortened allowance in force (TIME-7), each waiting request whose allowance
 * differs takes the new speaking time, so those waiting and those who ask next get the same time. A
 * shortened allowance in force stays: it was computed against the hard stop. None when nothing changes.
 */
export function speakingTimeChangeEvents(
  state: EngagementState,
  speakingSeconds: number,
  now: string,
): EventOf<'floor.allowancesChanged'>[] {
  const replan = state.lastReplan;
  const requestIds: string[] = [];
  for (const [questionId, list] of Object.entries(state.waiting)) {
    if (replan && replan.questionId === questionId && replan.allowanceSeconds !== null) continue;
    for (const requestId of list) {
      const request = state.requests[requestId];
      if (request?.status === 'waiting' && request.allowanceSeconds !== speakingSeconds) requestIds.push(requestId);
    }
  }
  return requestIds.length === 0 ? [] : [{ type: 'floor.allowancesChanged', at: now, requestIds, allowanceSeconds: speakingSeconds }];
}
