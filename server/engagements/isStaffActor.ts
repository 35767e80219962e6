import type { Actor } from '../domain/context.js';
import { roleOf } from '../domain/policies.js';
import type { EngagementState } from '../domain/state.js';

/**
 * The engagement's staff (an approved chair or secretariat) or the server itself: never throttled (LIMIT-1)
 * and served first when commands queue (LIMIT-2). `roleOf` is memoized on the participants, so this is a
 * map look-up.
 */
export const isStaffActor = (state: EngagementState, actor: Actor): boolean => {
  if (actor.kind === 'system') return true;
  const role = roleOf(state, actor);
  return role === 'chair' || role === 'secretariat';
};
