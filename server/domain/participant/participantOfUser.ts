import { memoized } from '../foldOwnership.js';
import type { Participant } from '../state.js';

/**
 * The first participant (in the record's order) signed in as `userId`, or undefined: what a scan of
 * `Object.values(participants)` finds, in O(1) after one O(P) pass per participants record. Every
 * command and every stream message asks who its actor or viewer is, and a scan per question made a
 * 5,000-member engagement quadratic. The index is derived, never stored: not part of the state.
 */
export function participantOfUser(participants: Readonly<Record<string, Participant>>, userId: string): Participant | undefined {
  const byUser = memoized(participants, 'participantOfUser', () => {
    const index = new Map<string, Participant>();
    for (const p of Object.values(participants)) {
      if (p.userId !== undefined && !index.has(p.userId)) index.set(p.userId, p);
    }
    return index;
  });
  return byUser.get(userId);
}
