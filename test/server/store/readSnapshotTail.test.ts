import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngagementEvent } from '../../../server/domain/events.js';
import { STATE_SCHEMA_VERSION } from '../../../server/domain/stateSchemaVersion.js';
import type { EventStore } from '../../../server/store/EventStore.js';
import { readSnapshotTail } from '../../../server/store/readSnapshotTail.js';
import { openSqliteEventStore } from '../../../server/store/sqliteEventStore.js';

// Where a start-up begins folding: the snapshot when it can be trusted, else version 0. Real SQLite; the
// "states" here are stand-ins (only their id is read), the service-level tests fold real ones.
const at = '2026-11-28T09:00:00.000Z';
const updated = (n: number): EngagementEvent => ({ type: 'engagement.updated', at, changes: { description: `d${n}` } });

const dirs: string[] = [];
const stores: EventStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An engagement 'e1' with five events. */
async function logOfFive(): Promise<EventStore> {
  const dir = mkdtempSync(join(tmpdir(), 'convene-snapshot-'));
  dirs.push(dir);
  const store = openSqliteEventStore(join(dir, 'convene.db'));
  stores.push(store);
  await store.append('e1', 0, [1, 2, 3, 4, 5].map(updated));
  return store;
}
const versions = (tail: { version: number }[]) => tail.map((e) => e.version);

describe('reading an engagement from its snapshot', () => {
  it('given no snapshot, then the whole log from version 0', async () => {
    const read = await readSnapshotTail(await logOfFive(), 'e1');
    expect(read).toMatchObject({ base: null, baseVersion: 0, rejected: null });
    expect(versions(read.tail)).toEqual([1, 2, 3, 4, 5]);
  });

  it('given a snapshot at version 3 with the current schema, then its state and only the events after it', async () => {
    const store = await logOfFive();
    await store.saveSnapshot('e1', 3, STATE_SCHEMA_VERSION, JSON.stringify({ id: 'e1', marker: 'from the snapshot' }));
    const read = await readSnapshotTail(store, 'e1');
    expect(read.base).toEqual({ id: 'e1', marker: 'from the snapshot' });
    expect(read.baseVersion).toBe(3);
    expect(versions(read.tail)).toEqual([4, 5]);
    expect(read.rejected).toBeNull();
  });

  it('given a snapshot at the head, then an empty tail', async () => {
    const store = await logOfFive();
    await store.saveSnapshot('e1', 5, STATE_SCHEMA_VERSION, JSON.stringify({ id: 'e1' }));
    const read = await readSnapshotTail(store, 'e1');
    expect(read.baseVersion).toBe(5);
    expect(read.tail).toEqual([]);
  });

  const setAside: [string, (store: EventStore) => Promise<void>, RegExp][] = [
    [
      'written under another state schema',
      (s) => s.saveSnapshot('e1', 3, STATE_SCHEMA_VERSION + 1, JSON.stringify({ id: 'e1' })),
      /schema/,
    ],
    [
      'newer than the log (the log was cut back or replaced)',
      (s) => s.saveSnapshot('e1', 6, STATE_SCHEMA_VERSION, JSON.stringify({ id: 'e1' })),
      /past the log's head/,
    ],
    ['not JSON', (s) => s.saveSnapshot('e1', 3, STATE_SCHEMA_VERSION, '{"id":"e1",'), /not valid JSON/],
    [
      "another engagement's state",
      (s) => s.saveSnapshot('e1', 3, STATE_SCHEMA_VERSION, JSON.stringify({ id: 'e2' })),
      /not this engagement/,
    ],
  ];
  for (const [what, plant, reason] of setAside) {
    it(`given a snapshot ${what}, then it is set aside with its reason and the whole log is read`, async () => {
      const store = await logOfFive();
      await plant(store);
      const read = await readSnapshotTail(store, 'e1');
      expect(read.base).toBeNull();
      expect(read.baseVersion).toBe(0);
      expect(versions(read.tail)).toEqual([1, 2, 3, 4, 5]);
      expect(read.rejected).toMatch(reason);
    });
  }
});
