import type { EngagementEvent, EventOf } from '../events.js';
import type { EngagementState, Intervention } from '../state.js';
import type { Role } from '../vocabulary.js';
import { ms } from './instants.js';

/**
 * FLOOR-12: the end of an intervention at `now`. Spoken time = now − start − paused time (a pause still
 * open counts up to now), in whole seconds; the overrun is what exceeds the allowance plus extensions.
 */
export function floorEndedEvent(intervention: Intervention, now: string): EventOf<'floor.ended'> {
  const openPauseMs = intervention.pausedAt ? Math.max(0, ms(now) - ms(intervention.pausedAt)) : 0;
  const pausedSeconds = intervention.pausedSeconds + Math.floor(openPauseMs / 1000);
  const spokeSeconds = Math.max(0, Math.floor((ms(now) - ms(intervention.startedAt)) / 1000) - pausedSeconds);
  const overrunSeconds = Math.max(0, spokeSeconds - (intervention.allowanceSeconds + intervention.extendedSeconds));
  return { type: 'floor.ended', at: now, requestId: intervention.requestId, spokeSeconds, overrunSeconds };
}

/**
 * DEFER-3: what `engagement.end` also records: the current intervention ends, and every request still
 * waiting, on every question, becomes an invitation to submit in writing.
 */
export function floorClosingEvents(state: EngagementState, now: string): EngagementEvent[] {
  const events: EngagementEvent[] = [];
  const current = state.currentRequestId === null ? undefined : state.interventions[state.currentRequestId];
  if (current && current.endedAt === null) events.push(floorEndedEvent(current, now));
  for (const list of Object.values(state.waiting)) {
    for (const requestId of list) events.push({ type: 'floor.deferred', at: now, requestId, reason: 'engagement-ended' });
  }
  return events;
}

/** FLOOR-3: the roles that may ask for the floor (and so keep a place on the speakers list). */
export const mayAskForTheFloor = (role: Role): boolean => role === 'stakeholder' || role === 'delegation';

/**
 * PART-10: someone who may no longer speak (declined, or now in a role that may not ask for the floor)
 * leaves the floor: their intervention under way ends (FLOOR-12), then each of their waiting requests is
 * skipped with `reason` in plain words, so the list never offers the floor to someone who may not take it.
 */
export function floorLeavingEvents(state: EngagementState, participantId: string, reason: string, now: string): EngagementEvent[] {
  const events: EngagementEvent[] = [];
  const current = state.currentRequestId === null ? undefined : state.interventions[state.currentRequestId];
  if (current && current.endedAt === null && current.participantId === participantId) events.push(floorEndedEvent(current, now));
  for (const list of Object.values(state.waiting)) {
    for (const requestId of list) {
      if (state.requests[requestId]?.participantId === participantId) events.push({ type: 'floor.skipped', at: now, requestId, reason });
    }
  }
  return events;
}
