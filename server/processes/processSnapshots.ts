// A process's state snapshots, as an engagement has (server/engagements/stateSnapshots.ts and
// server/store/readSnapshotTail.ts): the same `snapshots` table, under the stream's key `process:<id>`, so that a
// start-up folds only the events after the latest one. A cache, never the truth: another
// PROCESS_STATE_SCHEMA_VERSION, a version past the log's head, text that does not parse or another process's
// state, and the whole log is folded. Written after a commit on a later turn; a failure only costs start-up time.
import type { StoredProcessEvent } from '../domain/process/events.js';
import { foldProcess } from '../domain/process/evolveProcess.js';
import { emptyProcessState, type ProcessState } from '../domain/process/state.js';
import { PROCESS_STATE_SCHEMA_VERSION } from '../domain/process/stateSchemaVersion.js';
import { streamKey, type EventStore } from '../store/EventStore.js';

export interface LoadedProcess {
  state: ProcessState;
  version: number;
  /** Why a stored snapshot was set aside, or null. */
  rejected: string | null;
  /** How many events were folded (after the snapshot, or all). */
  folded: number;
}

// The log keeps JSON; a process stream holds the process's events only (its own key, `process:<id>`).
const processEvents = async (store: EventStore, id: string, after = 0) =>
  (await store.load(streamKey('process', id), after)) as unknown[] as StoredProcessEvent[];

export async function loadProcess(store: EventStore, id: string): Promise<LoadedProcess> {
  const whole = async (rejected: string | null): Promise<LoadedProcess> => {
    const events = await processEvents(store, id);
    return { state: foldProcess(events, emptyProcessState()), version: events.at(-1)?.version ?? 0, rejected, folded: events.length };
  };
  const snapshot = await store.loadSnapshot(streamKey('process', id));
  if (!snapshot) return whole(null);
  if (snapshot.schema !== PROCESS_STATE_SCHEMA_VERSION)
    return whole(`its state schema is ${snapshot.schema}, not ${PROCESS_STATE_SCHEMA_VERSION}`);
  const fromIt = await processEvents(store, id, snapshot.version - 1);
  if (fromIt[0]?.version !== snapshot.version) return whole(`its version ${snapshot.version} is past the log's head`);
  let base: ProcessState;
  try {
    base = JSON.parse(snapshot.state) as ProcessState;
  } catch {
    return whole('its state is not valid JSON');
  }
  if (base === null || typeof base !== 'object' || base.id !== id) return whole('its state is not this process');
  const tail = fromIt.slice(1);
  return { state: foldProcess(tail, base), version: tail.at(-1)?.version ?? snapshot.version, rejected: null, folded: tail.length };
}

export function createProcessSnapshots(options: {
  store: EventStore;
  /** 0 turns snapshots off. */
  every: number;
  log: (message: string, error?: unknown) => void;
  track: (write: Promise<void>) => void;
}) {
  const { store, every, log } = options;
  const snapshotAt = new Map<string, number>();
  const save = async (entry: { id: string; state: ProcessState; version: number }): Promise<void> => {
    snapshotAt.set(entry.id, entry.version);
    try {
      await store.saveSnapshot(streamKey('process', entry.id), entry.version, PROCESS_STATE_SCHEMA_VERSION, JSON.stringify(entry.state));
    } catch (error) {
      log(
        `the state snapshot of process ${entry.id} at version ${entry.version} could not be saved (start-up will fold more of the log)`,
        error,
      );
    }
  };
  return {
    /** After a commit: saves on a later turn once the process is `every` events past its last snapshot. */
    afterCommit(entry: { id: string; state: ProcessState; version: number }) {
      if (every <= 0 || entry.version - (snapshotAt.get(entry.id) ?? 0) < every) return;
      snapshotAt.set(entry.id, entry.version);
      const at = { id: entry.id, state: entry.state, version: entry.version };
      options.track(new Promise<void>((resolve) => setImmediate(() => resolve(save(at)))));
    },
    /** Start-up: a long fold or a set-aside snapshot is saved at once, so the next start does not repeat it. */
    async loaded(entry: { id: string; state: ProcessState; version: number }, loaded: LoadedProcess) {
      snapshotAt.set(entry.id, entry.version - loaded.folded);
      if (every > 0 && (loaded.rejected || loaded.folded >= every)) await save(entry);
    },
  };
}
