// State snapshots: a cache beside the log (server/store/readSnapshotTail.ts) so that a restart folds only the
// events after each engagement's latest snapshot. Written after a commit, on a later turn of the event loop,
// so that neither the command's transaction nor its answer waits for it; a failure is logged and retried
// `every` events later (start-up then folds a little more of the log, nothing is lost).
import { STATE_SCHEMA_VERSION } from '../domain/stateSchemaVersion.js';
import type { EventStore } from '../store/EventStore.js';
import type { EngagementInMemory } from './groupCommit.js';

export interface StateSnapshots {
  /** Saves the engagement's state now (start-up, after a long fold or a set-aside snapshot); never rejects. */
  save(entry: EngagementInMemory): Promise<void>;
  /** After a commit: saves on a later turn once the engagement is `every` events past its last snapshot. */
  afterCommit(entry: EngagementInMemory): void;
  /** Start-up: the version the engagement was loaded from; saves at once when the fold was long or the snapshot set aside. */
  loaded(entry: EngagementInMemory, baseVersion: number, rejected: boolean): Promise<void>;
}

export function createStateSnapshots(options: {
  store: EventStore;
  /** 0 turns snapshots off. */
  every: number;
  log: (message: string, error?: unknown) => void;
  /** Tracks the pending write like a command, so that whenIdle and close wait for it (close before the store shuts). */
  track: (write: Promise<void>) => void;
}): StateSnapshots {
  const { store, every, log } = options;
  const snapshotAt = new Map<string, number>();
  const save = async (entry: EngagementInMemory): Promise<void> => {
    snapshotAt.set(entry.id, entry.version);
    try {
      await store.saveSnapshot(entry.id, entry.version, STATE_SCHEMA_VERSION, JSON.stringify(entry.state));
    } catch (error) {
      log(`the state snapshot of ${entry.id} at version ${entry.version} could not be saved (start-up will fold more of the log)`, error);
    }
  };
  return {
    save,
    afterCommit(entry) {
      if (every <= 0 || entry.version - (snapshotAt.get(entry.id) ?? 0) < every) return;
      snapshotAt.set(entry.id, entry.version);
      options.track(new Promise<void>((resolve) => setImmediate(() => resolve(save(entry)))));
    },
    async loaded(entry, baseVersion, rejected) {
      snapshotAt.set(entry.id, baseVersion);
      // A long fold is not repeated at the next start; a set-aside snapshot is replaced at once.
      if (every > 0 && (rejected || entry.version - baseVersion >= every)) await save(entry);
    },
  };
}
