// Lookups across engagements that the write path keeps in memory: which engagement an invitation code's hash
// belongs to (redemption), which engagements a signed-in user takes part in (the list), and which engagement a
// breakout round belongs to, with when it ended (LiveKit webhooks name only a room, `breakout-<roundId>-<n>`).
import type { EngagementEvent } from '../domain/events.js';
import type { EngagementInMemory } from './groupCommit.js';

/** A breakout round's engagement, and when the round ended (null while it is planned or running). */
export interface BreakoutRoundIndexEntry {
  engagementId: string;
  endedAt: string | null;
}

export interface EngagementIndexes {
  readonly byCodeHash: ReadonlyMap<string, string>;
  readonly byUser: ReadonlyMap<string, ReadonlySet<string>>;
  readonly byBreakoutRound: ReadonlyMap<string, BreakoutRoundIndexEntry>;
  /** Start-up: indexes an engagement from its whole state. */
  addLoaded(engagement: EngagementInMemory): void;
  /**
   * An afterCommit hook: indexes the events that name a new code, a new signed-in participant, or plan or end
   * a breakout round (O(1) per event, whatever the engagement's size).
   */
  afterCommit(engagement: EngagementInMemory, events: readonly EngagementEvent[]): void;
}

export function createEngagementIndexes(): EngagementIndexes {
  const byCodeHash = new Map<string, string>();
  const byUser = new Map<string, Set<string>>();
  const byBreakoutRound = new Map<string, BreakoutRoundIndexEntry>();

  const addUser = (userId: string | undefined, engagementId: string) => {
    if (!userId) return;
    let set = byUser.get(userId);
    if (!set) byUser.set(userId, (set = new Set()));
    set.add(engagementId);
  };

  return {
    byCodeHash,
    byUser,
    byBreakoutRound,
    addLoaded(engagement) {
      const { id, state } = engagement;
      for (const inv of Object.values(state.invitations)) if (inv.codeHash) byCodeHash.set(inv.codeHash, id);
      for (const p of Object.values(state.participants)) addUser(p.userId, id);
      for (const round of Object.values(state.breakouts.rounds))
        byBreakoutRound.set(round.id, { engagementId: id, endedAt: round.endedAt });
    },
    afterCommit(engagement, events) {
      const { id } = engagement;
      for (const event of events) {
        if (event.type === 'invitation.created') byCodeHash.set(event.codeHash, id);
        else if (event.type === 'engagement.created') addUser(event.chair.userId, id);
        else if (event.type === 'participant.registered' || event.type === 'invitation.redeemed') addUser(event.participant.userId, id);
        else if (event.type === 'breakouts.planned') byBreakoutRound.set(event.roundId, { engagementId: id, endedAt: null });
        else if (event.type === 'breakouts.ended') byBreakoutRound.set(event.roundId, { engagementId: id, endedAt: event.at });
      }
    },
  };
}
