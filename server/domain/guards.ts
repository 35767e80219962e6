import type { Actor, DecideContext } from './context.js';
import { forbidden, notFound } from './errors.js';
import type { Participant, EngagementState } from './state.js';
import { participantOfUser } from './participant/participantOfUser.js';

// Small checks shared by the slices. Each names the SPEC.md rule it enforces so that errors stay precise.

/** LIFE-0: before `engagement.created` there is nothing to act on. */
export function requireCreated(state: EngagementState): void {
  if (state.id === '') throw notFound('LIFE-0', 'This engagement does not exist. Create it first with POST /api/engagements.');
}

/** The participant record of the signed-in actor, whatever its status, or null. */
export function participantOfActor(state: EngagementState, actor: Actor): Participant | null {
  if (actor.kind !== 'user') return null;
  return participantOfUser(state.participants, actor.userId) ?? null;
}

/** The actor's approved participant record; commands that act "as" someone need one (AUTH-1). */
export function requireApprovedActor(state: EngagementState, ctx: DecideContext): Participant {
  const p = participantOfActor(state, ctx.actor);
  if (!p || p.status !== 'approved') {
    throw forbidden(
      'AUTH-1',
      'Only an approved participant of this engagement can do this. Register and wait for the Chair to approve you.',
    );
  }
  return p;
}

/** Where to insert into a list of `length`: the end when omitted; clamped so any number is safe. */
export function clampPosition(position: number | undefined, length: number): number {
  if (position === undefined) return length;
  return Math.max(0, Math.min(position, length));
}

/** Returns a copy of `list` with `item` inserted at `position` (clamped). */
export function insertAt<T>(list: readonly T[], item: T, position: number): T[] {
  const copy = list.slice();
  copy.splice(clampPosition(position, copy.length), 0, item);
  return copy;
}

/** Returns a copy of `list` with the element matching `pick` moved to `position` (clamped). */
export function moveTo<T>(list: readonly T[], pick: (item: T) => boolean, position: number): T[] {
  const index = list.findIndex(pick);
  if (index < 0) return list.slice();
  const copy = list.slice();
  const [item] = copy.splice(index, 1);
  copy.splice(clampPosition(position, copy.length), 0, item);
  return copy;
}
