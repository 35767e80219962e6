// Lookups across engagements that the write path keeps in memory: which engagement an invitation code's hash
// belongs to (redemption), and which engagements a signed-in user takes part in (the list).
import type { EngagementEvent } from '../domain/events.js';
import type { Entry } from './groupCommit.js';

export interface EngagementIndexes {
  readonly byCodeHash: ReadonlyMap<string, string>;
  readonly byUser: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Keeps the indexes in step: at start-up from the whole state (`events` null), after a commit from the events
   * that name a new code or a new signed-in participant (O(1), whatever the engagement's size).
   */
  index(entry: Entry, events: readonly EngagementEvent[] | null): void;
}

export function createEngagementIndexes(): EngagementIndexes {
  const byCodeHash = new Map<string, string>();
  const byUser = new Map<string, Set<string>>();

  const addUser = (userId: string | undefined, engagementId: string) => {
    if (!userId) return;
    let set = byUser.get(userId);
    if (!set) byUser.set(userId, (set = new Set()));
    set.add(engagementId);
  };

  return {
    byCodeHash,
    byUser,
    index(entry, events) {
      if (events === null) {
        for (const inv of Object.values(entry.state.invitations)) if (inv.codeHash) byCodeHash.set(inv.codeHash, entry.id);
        for (const p of Object.values(entry.state.participants)) addUser(p.userId, entry.id);
        return;
      }
      for (const event of events) {
        if (event.type === 'invitation.created') byCodeHash.set(event.codeHash, entry.id);
        else if (event.type === 'engagement.created') addUser(event.chair.userId, entry.id);
        else if (event.type === 'participant.registered' || event.type === 'invitation.redeemed') addUser(event.participant.userId, entry.id);
      }
    },
  };
}
