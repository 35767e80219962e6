import type { DecideContext } from '../context.js';
import { forbidden, notFound, violation } from '../errors.js';
import { assertNever } from '../events.js';
import type { EngagementState, Participant } from '../state.js';
import { isStaffRole } from '../vocabulary.js';
import { balancedAssignment, type AssignmentPerson, type AssignmentRoom } from './balancedAssignment.js';
import type { BreakoutCommandOf } from './commands.js';
import type { BreakoutEvent } from './events.js';
import { actorParticipant, roomOf, requireRound, requireOpenRound, requireRoom, requireSpace } from './breakoutLookups.js';
import type { BreakoutDecideState } from './decideBreakouts.js';

// Who goes where in a breakout round: a participant's own choice, the Chair's assignment, and the balanced
// automatic assignment (BREAKOUT-2, -4, -8, -10, -12, -13). Part of decideBreakouts.ts's rules.

export function chosen(state: BreakoutDecideState, command: BreakoutCommandOf<'breakouts.choose'>, ctx: DecideContext): BreakoutEvent {
  const round = requireOpenRound(state, command.roundId);
  const me = actorParticipant(state, ctx);
  if (!me || me.status !== 'approved' || isStaffRole(me.role)) {
    throw forbidden(
      'BREAKOUT-12',
      'Only an approved participant chooses a room, for themselves. The Chair and the secretariat may join any room.',
    );
  }
  if (round.pinned[me.id] !== undefined) {
    throw violation(
      'BREAKOUT-2',
      `You facilitate or report in room "${roomOf(round, round.pinned[me.id])?.theme ?? ''}", so the plan keeps you there.`,
    );
  }
  switch (round.mode) {
    case 'manual':
      throw violation('BREAKOUT-12', 'In this round the Chair assigns the rooms; rooms cannot be chosen.');
    case 'self-select': {
      if (command.roomId === undefined || command.preferences !== undefined) {
        throw violation('BREAKOUT-12', 'In this round you pick one room: send its roomId (and no preferences).');
      }
      const room = requireRoom(round, command.roomId);
      if (round.assignment[me.id] === room.id) throw violation('BREAKOUT-12', `You are already in room "${room.theme}".`);
      requireSpace(round, room);
      return { type: 'breakouts.chosen', at: ctx.now, roundId: round.id, participantId: me.id, roomId: room.id, preferences: [] };
    }
    case 'balanced': {
      if (round.status !== 'planned') {
        throw violation('BREAKOUT-12', 'The round has started and its rooms are assigned; ask the Chair to move you.');
      }
      const wanted = command.preferences ?? (command.roomId === undefined ? [] : [command.roomId]);
      const preferences = [...new Set(wanted)];
      for (const roomId of preferences) requireRoom(round, roomId);
      return { type: 'breakouts.chosen', at: ctx.now, roundId: round.id, participantId: me.id, roomId: null, preferences };
    }
    default:
      return assertNever(round.mode);
  }
}

export function assigned(state: BreakoutDecideState, command: BreakoutCommandOf<'breakouts.assign'>, at: string): BreakoutEvent {
  const round = requireOpenRound(state, command.roundId);
  const p = state.participants[command.participantId];
  if (!p) throw notFound('BREAKOUT-3', `There is no participant ${command.participantId} in this engagement.`);
  if (p.status !== 'approved')
    throw violation('BREAKOUT-10', `${p.displayName} is not an approved participant, so they cannot be placed in a room.`);
  if (isStaffRole(p.role))
    throw violation('BREAKOUT-10', `${p.displayName} is on the Chair's team and may join any room; they are not assigned to one.`);
  const current = round.assignment[p.id];
  if (command.roomId === null) {
    if (current === undefined) throw violation('BREAKOUT-10', `${p.displayName} is in no room already.`);
    return { type: 'breakouts.assigned', at, roundId: round.id, participantId: p.id, roomId: null };
  }
  const room = requireRoom(round, command.roomId);
  if (current === room.id) throw violation('BREAKOUT-10', `${p.displayName} is already in room "${room.theme}".`);
  requireSpace(round, room);
  return { type: 'breakouts.assigned', at, roundId: round.id, participantId: p.id, roomId: room.id };
}

/** BREAKOUT-10: those a round must place — approved stakeholders and delegations (observers may join, staff roam). */
export function breakoutParticipants(state: EngagementState): Participant[] {
  return Object.values(state.participants)
    .filter((p) => p.status === 'approved' && (p.role === 'stakeholder' || p.role === 'delegation'))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function autoAssigned(state: BreakoutDecideState, command: BreakoutCommandOf<'breakouts.autoAssign'>, at: string): BreakoutEvent {
  const round = requireRound(state, command.roundId);
  if (round.mode !== 'balanced')
    throw violation(
      'BREAKOUT-13',
      `This round's rooms are ${round.mode === 'manual' ? 'assigned by the Chair' : 'chosen by the participants'}; only a balanced round is assigned automatically.`,
    );
  if (round.status !== 'planned') throw violation('BREAKOUT-13', 'Rooms are assigned automatically only before the round starts.');
  if (state.status === 'ended') throw violation('BREAKOUT-1', 'The engagement has ended; breakout rooms no longer change.');
  // Kept in place: pinned facilitators and rapporteurs, and anyone the Chair placed who is not a breakout participant (observers).
  const required = breakoutParticipants(state);
  const requiredIds = new Set(required.map((p) => p.id));
  const kept: Record<string, string> = { ...round.pinned };
  for (const [pid, roomId] of Object.entries(round.assignment)) {
    if (!requiredIds.has(pid) && state.participants[pid]?.status === 'approved') kept[pid] = roomId;
  }
  const people: AssignmentPerson[] = required
    .filter((p) => kept[p.id] === undefined)
    .map((p) => ({ participantId: p.id, category: p.category, region: p.region, preferences: round.preferences[p.id] ?? [] }));
  const rooms: AssignmentRoom[] = round.rooms.map((room) => ({
    roomId: room.id,
    capacity: Math.max(0, room.capacity - Object.values(kept).filter((r) => r === room.id).length),
  }));
  const places = rooms.reduce((sum, r) => sum + r.capacity, 0);
  if (places < people.length) {
    throw violation(
      'BREAKOUT-4',
      `The rooms have ${places} free places but ${people.length} participants need one. Plan a round with more rooms or larger ones.`,
    );
  }
  const result = balancedAssignment(people, rooms, command.seed);
  return {
    type: 'breakouts.autoAssigned',
    at,
    roundId: round.id,
    seed: command.seed,
    assignment: { ...kept, ...result.assignment },
    pinned: { ...round.pinned },
    rooms: result.rooms,
    preferencesStated: result.preferencesStated,
    preferencesHonoured: result.preferencesHonoured,
    balanced: result.balanced,
    maxDeviation: result.maxDeviation,
  };
}
