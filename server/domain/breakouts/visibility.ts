import type { Membership } from '../context.js';
import { assertNever } from '../events.js';
import type { BreakoutEvent } from './events.js';
import type { BreakoutRound, BreakoutsState } from './state.js';
import { emptyBreakouts } from './state.js';

// What each viewer sees of breakout rounds (BREAKOUT-VIEW-1..5, SPEC.md). `projectBreakouts`
// cuts the state down; `redactBreakoutEvent` cuts one event down so that folding it with `evolveBreakouts`
// into the viewer's projection gives the next projection (the VIEW-9 invariant). The lead calls them from
// view.ts: `breakouts: projectBreakouts(state.breakouts, me)` in `project`, and in `redact` for every
// `breakouts.*` event. Staff always get the event unchanged; a changed membership is a resync before this.

/** BREAKOUT-VIEW-2: approved participants who take part (delegations, stakeholders, observers). */
const isMember = (me: Membership): boolean => me.audience === 'delegation' || me.audience === 'member';

const onlyMine = <T>(record: Record<string, T>, me: Membership): Record<string, T> =>
  me.participantId !== null && record[me.participantId] !== undefined ? { [me.participantId]: record[me.participantId] } : {};

function roundAsMember(round: BreakoutRound, me: Membership): BreakoutRound {
  return {
    ...round,
    // BREAKOUT-VIEW-3: one's own room, nobody else's.
    assignment: onlyMine(round.assignment, me),
    pinned: onlyMine(round.pinned, me),
    // BREAKOUT-VIEW-4: preferences are for staff and the person.
    preferences: onlyMine(round.preferences, me),
    unassignedAtStart: round.unassignedAtStart.filter((id) => id === me.participantId),
    // BREAKOUT-VIEW-6: attendance is for the Chair's team.
    attendance: {},
  };
}

export function projectBreakouts(breakouts: BreakoutsState, me: Membership): BreakoutsState {
  // BREAKOUT-VIEW-1: staff see everything.
  if (me.audience === 'staff') return breakouts;
  // BREAKOUT-VIEW-2: applicants and the public see no breakout rounds.
  if (!isMember(me)) return emptyBreakouts();
  const rounds: Record<string, BreakoutRound> = {};
  for (const [id, round] of Object.entries(breakouts.rounds)) rounds[id] = roundAsMember(round, me);
  return { ...breakouts, rounds };
}

/** One breakout event as this viewer may see it, or null when they may not see it at all (the version still advances). */
export function redactBreakoutEvent<T extends BreakoutEvent>(event: T, me: Membership): T | null;
export function redactBreakoutEvent(event: BreakoutEvent, me: Membership): BreakoutEvent | null {
  if (me.audience === 'staff') return event;
  if (!isMember(me)) return null;
  const mine = (participantId: string) => participantId === me.participantId;
  switch (event.type) {
    case 'breakouts.planned':
      return { ...event, pinned: onlyMine(event.pinned, me) };
    case 'breakouts.chosen':
    case 'breakouts.assigned':
      return mine(event.participantId) ? event : null;
    case 'breakouts.autoAssigned':
      // BREAKOUT-VIEW-5: the explanation (each room's mix, preferences honoured) is shared; who went where is not.
      return { ...event, assignment: onlyMine(event.assignment, me), pinned: onlyMine(event.pinned, me) };
    case 'breakouts.started':
      return { ...event, unassigned: event.unassigned.filter(mine) };
    case 'breakouts.broadcast':
    case 'breakouts.extended':
    case 'breakouts.warned':
    case 'breakouts.ended':
    case 'breakouts.reported':
      return event;
    case 'breakouts.attendanceRecorded':
    case 'breakouts.attendanceClosed':
      // BREAKOUT-VIEW-6.
      return null;
    default:
      return assertNever(event);
  }
}
