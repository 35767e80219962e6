import type { EngagementEvent, EventOf } from '../events.js';
import type { EngagementState, Intervention } from '../state.js';
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
