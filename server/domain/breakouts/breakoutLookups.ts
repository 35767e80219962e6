import type { DecideContext } from '../context.js';
import { notFound, violation } from '../errors.js';
import type { EngagementState, Participant } from '../state.js';
import { occupancy, type BreakoutRoom, type BreakoutRound } from './state.js';
import type { BreakoutDecideState } from './decideBreakouts.js';

// The look-ups the breakout rules share: the actor's participant, a round, a room, each refused with the
// rule it breaks when missing or in the wrong state (BREAKOUT-1, -3, -11).

export function actorParticipant(state: EngagementState, ctx: DecideContext): Participant | null {
  const actor = ctx.actor;
  if (actor.kind !== 'user') return null;
  return Object.values(state.participants).find((p) => p.userId === actor.userId) ?? null;
}

export const roomOf = (round: BreakoutRound, roomId: string): BreakoutRoom | undefined => round.rooms.find((r) => r.id === roomId);

export function requireRound(state: BreakoutDecideState, roundId: string): BreakoutRound {
  // Own keys only: a client's "__proto__" or "constructor" names no round.
  const round = Object.hasOwn(state.breakouts.rounds, roundId) ? state.breakouts.rounds[roundId] : undefined;
  if (!round) throw notFound('BREAKOUT-3', `There is no breakout round ${roundId} in this engagement.`);
  return round;
}

/** A round whose rooms may still change hands: planned or running, in an engagement that has not ended. */
export function requireOpenRound(state: BreakoutDecideState, roundId: string): BreakoutRound {
  const round = requireRound(state, roundId);
  if (round.status === 'ended') throw violation('BREAKOUT-3', 'This round has ended; its rooms no longer change.');
  if (state.status === 'ended') throw violation('BREAKOUT-1', 'The engagement has ended; breakout rooms no longer change.');
  return round;
}

export function requireRunning(state: BreakoutDecideState, roundId: string, rule: string, what: string): BreakoutRound {
  const round = requireRound(state, roundId);
  if (round.status !== 'running') {
    throw violation(rule, `${what} only while it runs; this round ${round.status === 'planned' ? 'has not started' : 'has ended'}.`);
  }
  return round;
}

export function requireRoom(round: BreakoutRound, roomId: string): BreakoutRoom {
  const room = roomOf(round, roomId);
  if (!room) throw notFound('BREAKOUT-3', `There is no room ${roomId} in this round.`);
  return room;
}

export function requireSpace(round: BreakoutRound, room: BreakoutRoom): void {
  const taken = occupancy(round, room.id);
  if (taken >= room.capacity) {
    throw violation('BREAKOUT-11', `Room "${room.theme}" is full (${taken} of ${room.capacity} places). Choose another room.`);
  }
}
