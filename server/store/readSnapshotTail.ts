// Where a start-up begins folding an engagement: its stored snapshot when that can be trusted, else the
// start of its log. A snapshot is a cache (EventStore.StoredSnapshot), so every doubt means "fold it all":
// another STATE_SCHEMA_VERSION, a version past the log's head (the log was replaced or cut back), text that
// does not parse, or another engagement's state.
import type { StoredEvent } from '../domain/events.js';
import type { EngagementState } from '../domain/state.js';
import { STATE_SCHEMA_VERSION } from '../domain/stateSchemaVersion.js';
import type { EventStore } from './EventStore.js';

export interface SnapshotTail {
  /** The snapshot's state at `baseVersion`, or null: fold `tail` from emptyState(). */
  base: EngagementState | null;
  baseVersion: number;
  /** The events after `baseVersion`, in order. */
  tail: StoredEvent[];
  /** Why a stored snapshot was set aside (to log, and to replace it), or null. */
  rejected: string | null;
}

export async function readSnapshotTail(
  store: EventStore,
  engagementId: string,
  schema: number = STATE_SCHEMA_VERSION,
): Promise<SnapshotTail> {
  const snapshot = await store.loadSnapshot(engagementId);
  const whole = async (rejected: string | null): Promise<SnapshotTail> => ({
    base: null,
    baseVersion: 0,
    tail: await store.load(engagementId),
    rejected,
  });
  if (!snapshot) return whole(null);
  if (snapshot.schema !== schema) return whole(`its state schema is ${snapshot.schema}, not ${schema}`);
  // Read from the snapshot's own version: the event being there proves the log reaches it.
  const fromIt = await store.load(engagementId, snapshot.version - 1);
  if (fromIt[0]?.version !== snapshot.version) return whole(`its version ${snapshot.version} is past the log's head`);
  let base: EngagementState;
  try {
    base = JSON.parse(snapshot.state) as EngagementState;
  } catch {
    return whole('its state is not valid JSON');
  }
  if (base === null || typeof base !== 'object' || base.id !== engagementId) return whole('its state is not this engagement');
  return { base, baseVersion: snapshot.version, tail: fromIt.slice(1), rejected: null };
}
