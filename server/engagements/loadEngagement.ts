// Start-up: one engagement from its state snapshot, folding only the events after it (reading and folding a
// whole log of 50,000 events takes about a second). The last `seed` events come back as transitions that seed
// the hub's resume window, so that clients reconnecting after a restart resume from memory; a resume from
// before them reads the log, as any resume older than the window does.
import { foldEvents } from '../domain/foldEvents.js';
import { foldTransitions } from '../domain/foldTransitions.js';
import { emptyState } from '../domain/state.js';
import type { EventStore } from '../store/EventStore.js';
import { readSnapshotTail } from '../store/readSnapshotTail.js';
import { emptyQueue, type EngagementInMemory } from './groupCommit.js';
import type { Transition } from './liveHub.js';

export interface LoadedEngagement {
  entry: EngagementInMemory;
  /** The last `seed` transitions, their states made only if a resume asks for them (foldTransitions.ts). */
  recent: Transition[];
  /** The version of the snapshot the fold started from (0: none). */
  baseVersion: number;
  /** Why a stored snapshot was set aside and the whole log folded, if it was. */
  rejected: string | null;
}

export async function loadEngagement(store: EventStore, engagementId: string, seed: number): Promise<LoadedEngagement> {
  const { base, baseVersion, tail, rejected } = await readSnapshotTail(store, engagementId);
  // Linear (foldEvents.ts) up to the seeded events.
  const keep = Math.max(0, tail.length - seed);
  const upTo = foldEvents(base ?? emptyState(), tail.slice(0, keep));
  const recent = foldTransitions(upTo, tail.slice(keep));
  const state = foldEvents(upTo, tail.slice(keep));
  const entry: EngagementInMemory = {
    id: engagementId,
    state,
    version: tail.at(-1)?.version ?? baseVersion,
    queue: emptyQueue(),
    scheduled: false,
  };
  return { entry, recent, baseVersion, rejected: rejected || null };
}
