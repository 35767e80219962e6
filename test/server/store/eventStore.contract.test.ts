import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../server/appError.js';
import type { EngagementEvent } from '../../../server/domain/events.js';
import { CommandAlreadyRecorded, type EventStore } from '../../../server/store/EventStore.js';
import { STATE_SCHEMA_VERSION } from '../../../server/domain/stateSchemaVersion.js';
import { openPostgresEventStore } from '../../../server/store/postgresEventStore.js';
import { readSnapshotTail } from '../../../server/store/readSnapshotTail.js';
import { openSqliteEventStore } from '../../../server/store/sqliteEventStore.js';
import { createTestDatabase, hasPostgres } from '../../support/postgres.js';

// The store's contract (server/store/EventStore.ts), one suite over both adapters: the same text, the same
// answers, whether the store is a file on this machine or a database over the network.

type Store = EventStore;

interface Adapter {
  name: 'sqlite' | 'postgres';
  available: boolean;
  /** A fresh, empty log; `open(where)` opens another connection to the same log. */
  fresh(): Promise<string>;
  open(where: string): Promise<Store>;
}

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const adapters: Adapter[] = [
  {
    name: 'sqlite',
    available: true,
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'convene-contract-'));
      dirs.push(dir);
      return join(dir, 'convene.db');
    },
    open: async (file) => openSqliteEventStore(file),
  },
  { name: 'postgres', available: hasPostgres, fresh: createTestDatabase, open: (url) => openPostgresEventStore(url) },
];

const at = '2026-11-28T09:00:00.000Z';
const opened: EngagementEvent = { type: 'engagement.opened', at };
const started: EngagementEvent = { type: 'engagement.started', at };
const updated = (description: string): EngagementEvent => ({ type: 'engagement.updated', at, changes: { description } });
const row = (id: string, fingerprint = 'd'.repeat(64)) => ({ commandId: id, fingerprint, result: { id } });

async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe.each(adapters)('the event log on $name', (adapter) => {
  const open = async (where?: string): Promise<Store> => {
    const store = await adapter.open(where ?? (await adapter.fresh()));
    stores.push(store);
    return store;
  };

  describe.skipIf(!adapter.available)('(contract)', () => {
    it('given an empty log, when events are appended, then they get contiguous versions and load back in order', async () => {
      const store = await open();
      expect(store.kind).toBe(adapter.name);
      expect(await store.append('e1', 0, [opened, started])).toEqual([
        { ...opened, version: 1 },
        { ...started, version: 2 },
      ]);
      await store.append('e2', 0, [updated('other')]);
      expect(await store.append('e1', 2, [updated('third')])).toEqual([{ ...updated('third'), version: 3 }]);
      expect(await store.load('e1')).toEqual([
        { ...opened, version: 1 },
        { ...started, version: 2 },
        { ...updated('third'), version: 3 },
      ]);
      expect((await store.load('e1', 1)).map((e) => e.version)).toEqual([2, 3]);
      expect(await store.load('nobody')).toEqual([]);
    });

    it('given engagements with events, when their ids are listed, then each appears once, in byte order, the same on every adapter', async () => {
      const store = await open();
      for (const id of ['b', 'a-1', 'B', 'a']) await store.append(id, 0, [opened, started]);
      await store.saveSnapshot('only-a-snapshot', 1, 1, '{}');
      expect(await store.engagementIds()).toEqual(['B', 'a', 'a-1', 'b']);
    });

    it('given process streams beside engagements (`process:<id>`), when ids are listed, then engagements exclude them and streamIds lists them without the prefix', async () => {
      const store = await open();
      await store.append('e1', 0, [opened]);
      const processCreated = { type: 'process.created', at, processId: 'p1' };
      expect(await store.append('process:p2', 0, [processCreated])).toEqual([{ ...processCreated, version: 1 }]);
      await store.append('process:p1', 0, [processCreated, { type: 'process.updated', at }], row('in-a-process'));
      expect(await store.engagementIds()).toEqual(['e1']);
      expect(await store.streamIds('process')).toEqual(['p1', 'p2']);
      expect((await store.load('process:p1')).map((e) => [e.type, e.version])).toEqual([
        ['process.created', 1],
        ['process.updated', 2],
      ]);
      // The same UNIQUE key guards a process's versions.
      const error = await caught(() => store.append('process:p1', 1, [processCreated]));
      expect((error as AppError).code).toBe('VERSION_CONFLICT');
      expect((await store.findCommand('in-a-process'))?.engagementId).toBe('process:p1');
    });

    it('given an engagement at version 2, when a writer appends at an older or a future version, then VERSION_CONFLICT (409) and nothing is written', async () => {
      const store = await open();
      await store.append('e1', 0, [opened, started]);
      for (const expected of [0, 1, 5]) {
        const error = await caught(() => store.append('e1', expected, [updated(`at ${expected}`)]));
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('VERSION_CONFLICT');
        expect((error as AppError).status).toBe(409);
        expect((error as AppError).extra).toMatchObject({ expectedVersion: expected, currentVersion: 2 });
      }
      expect((await store.load('e1')).map((e) => e.version)).toEqual([1, 2]);
    });

    it('given a second connection that appended meanwhile, when the first appends at the old version, then VERSION_CONFLICT', async () => {
      const where = await adapter.fresh();
      const first = await open(where);
      const second = await open(where);
      await first.append('e1', 0, [opened]);
      const error = await caught(() => second.append('e1', 0, [started]));
      expect((error as AppError).code).toBe('VERSION_CONFLICT');
      expect(await second.load('e1')).toEqual([{ ...opened, version: 1 }]);
    });

    it('given a command recorded with its events, when the same commandId comes with another engagement, then CommandAlreadyRecorded carries the first row and nothing is written', async () => {
      const store = await open();
      const command = { commandId: 'c-1', fingerprint: 'a'.repeat(64), result: { version: 1, events: ['x'] } };
      await store.append('e1', 0, [opened], command);
      expect(await store.findCommand('c-1')).toEqual({ ...command, engagementId: 'e1' });
      expect(await store.findCommand('c-2')).toBeNull();

      const error = await caught(() => store.append('e2', 0, [started], { ...command, fingerprint: 'b'.repeat(64) }));
      expect(error).toBeInstanceOf(CommandAlreadyRecorded);
      expect((error as CommandAlreadyRecorded).existing).toEqual({ ...command, engagementId: 'e1' });
      expect(await store.load('e2')).toEqual([]);
      expect(await store.engagementIds()).toEqual(['e1']);
    });

    it('given a command whose outcome the caller did not see, when it is retried, then the first result is found and a second append of it writes nothing', async () => {
      const store = await open();
      const command = row('retry-1');
      await store.append('e1', 0, [opened, started], command);
      // The retry: the recorded result answers it.
      expect((await store.findCommand('retry-1'))?.result).toEqual({ id: 'retry-1' });
      // A retry that decided again at the new head still cannot record the command twice.
      const error = await caught(() => store.append('e1', 2, [updated('twice')], command));
      expect(error).toBeInstanceOf(CommandAlreadyRecorded);
      expect((await store.load('e1')).map((e) => e.version)).toEqual([1, 2]);
    });

    it('given a version conflict, when the batch carried a command row, then the command row is not kept either (one transaction)', async () => {
      const store = await open();
      await store.append('e1', 0, [opened]);
      await caught(() => store.append('e1', 0, [started], row('c-9')));
      expect(await store.findCommand('c-9')).toBeNull();
    });

    it('given a group commit, when several command rows go with their events, then all are written; when the second id is taken, none of the batch is', async () => {
      const store = await open();
      await store.append('e1', 0, [opened, started], [row('g-1'), row('g-2')]);
      expect((await store.findCommand('g-1'))?.result).toEqual({ id: 'g-1' });
      expect((await store.findCommand('g-2'))?.result).toEqual({ id: 'g-2' });

      const error = await caught(() => store.append('e1', 2, [updated('x'), updated('y')], [row('g-3'), row('g-1')]));
      expect(error).toBeInstanceOf(CommandAlreadyRecorded);
      expect((error as CommandAlreadyRecorded).existing.commandId).toBe('g-1');
      expect(await store.findCommand('g-3')).toBeNull();
      expect((await store.load('e1')).map((e) => e.version)).toEqual([1, 2]);
      // The head did not move: the next append at 2 is accepted.
      expect((await store.append('e1', 2, [updated('z')], row('g-3'))).map((e) => e.version)).toEqual([3]);
    });

    it('given snapshots, when one is saved, replaced and loaded, then the latest is returned as given, and none is null', async () => {
      const store = await open();
      expect(await store.loadSnapshot('e1')).toBeNull();
      await store.append('e1', 0, [opened, started]);
      await store.saveSnapshot('e1', 1, 3, '{"id":"e1","v":1}');
      expect(await store.loadSnapshot('e1')).toEqual({ version: 1, schema: 3, state: '{"id":"e1","v":1}' });
      await store.saveSnapshot('e1', 2, 4, '{"id":"e1","v":2}');
      expect(await store.loadSnapshot('e1')).toEqual({ version: 2, schema: 4, state: '{"id":"e1","v":2}' });
      expect(await store.loadSnapshot('e2')).toBeNull();
    });

    it('given a snapshot inside the log, when start-up reads it, then it folds from the snapshot with the events after it; a snapshot past the head is set aside', async () => {
      const store = await open();
      await store.append('e1', 0, [opened, started, updated('after')]);
      await store.saveSnapshot('e1', 2, STATE_SCHEMA_VERSION, JSON.stringify({ id: 'e1' }));
      const read = await readSnapshotTail(store, 'e1');
      expect(read).toMatchObject({ base: { id: 'e1' }, baseVersion: 2, rejected: null });
      expect(read.tail.map((e) => e.version)).toEqual([3]);

      await store.saveSnapshot('e1', 9, STATE_SCHEMA_VERSION, JSON.stringify({ id: 'e1' }));
      const past = await readSnapshotTail(store, 'e1');
      expect(past).toMatchObject({ base: null, baseVersion: 0 });
      expect(past.rejected).toMatch(/past the log's head/);
      expect(past.tail.map((e) => e.version)).toEqual([1, 2, 3]);
    });

    it('given a closed log, when it is closed again and reopened, then the events, commands and snapshots survive', async () => {
      const where = await adapter.fresh();
      const store = await adapter.open(where);
      await store.append('e1', 0, [opened, started], row('keep'));
      await store.saveSnapshot('e1', 2, 1, '{}');
      await store.close();
      await store.close();
      const again = await open(where);
      expect((await again.load('e1')).map((e) => e.type)).toEqual(['engagement.opened', 'engagement.started']);
      expect((await again.findCommand('keep'))?.engagementId).toBe('e1');
      expect((await again.loadSnapshot('e1'))?.version).toBe(2);
    });
  });
});
