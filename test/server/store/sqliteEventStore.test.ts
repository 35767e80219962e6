import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../server/appError.js';
import type { EngagementEvent } from '../../../server/domain/events.js';
import { CommandAlreadyRecorded, type EventStore } from '../../../server/store/EventStore.js';
import { applyMigrations } from '../../../server/store/applyMigrations.js';
import { MIGRATIONS } from '../../../server/store/migrations/index.js';
import { openSqliteEventStore } from '../../../server/store/sqliteEventStore.js';

const at = '2026-11-28T09:00:00.000Z';
const opened: EngagementEvent = { type: 'engagement.opened', at };
const started: EngagementEvent = { type: 'engagement.started', at };
const updated = (description: string): EngagementEvent => ({ type: 'engagement.updated', at, changes: { description } });

const dirs: string[] = [];
const stores: EventStore[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'convene-store-'));
  dirs.push(dir);
  return join(dir, 'convene.db');
}
function open(file = tempFile(), options?: Parameters<typeof openSqliteEventStore>[1]): EventStore {
  const store = openSqliteEventStore(file, options);
  stores.push(store);
  return store;
}
async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite event log', () => {
  it('given an empty log, when events are appended, then they get contiguous versions and load back in order', async () => {
    const store = open();
    expect(await store.append('e1', 0, [opened, started])).toEqual([
      { ...opened, version: 1 },
      { ...started, version: 2 },
    ]);
    await store.append('e2', 0, [updated('other')]);
    expect(await store.load('e1')).toEqual([
      { ...opened, version: 1 },
      { ...started, version: 2 },
    ]);
    expect(await store.load('e1', 1)).toEqual([{ ...started, version: 2 }]);
    expect(await store.engagementIds()).toEqual(['e1', 'e2']);
    expect((await store.load('e2')).map((x) => x.version)).toEqual([1]);
  });

  it('given an engagement at version 2, when a writer appends at an older or a future version, then VERSION_CONFLICT and nothing is written (no gap, no overwrite)', async () => {
    const store = open();
    await store.append('e1', 0, [opened, started]);
    for (const expected of [0, 1, 5]) {
      const error = await caught(() => store.append('e1', expected, [updated(`at ${expected}`)]));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VERSION_CONFLICT');
      expect((error as AppError).status).toBe(409);
    }
    expect((await store.load('e1')).map((e) => e.version)).toEqual([1, 2]);
  });

  it('given a second connection that appended meanwhile, when the first appends at the old version, then the UNIQUE(engagement, version) key reports VERSION_CONFLICT', async () => {
    const file = tempFile();
    const first = open(file);
    const second = open(file);
    await first.append('e1', 0, [opened]);
    const error = await caught(() => second.append('e1', 0, [started]));
    expect((error as AppError).code).toBe('VERSION_CONFLICT');
    expect(await first.load('e1')).toEqual([{ ...opened, version: 1 }]);
  });

  it('given a command recorded with its events, when the same commandId is appended again, then CommandAlreadyRecorded carries the first row and the second batch is not written', async () => {
    const store = open();
    const command = { commandId: 'c-1', fingerprint: 'a'.repeat(64), result: { version: 1, events: ['x'] } };
    await store.append('e1', 0, [opened], command);
    expect(await store.findCommand('c-1')).toEqual({ ...command, engagementId: 'e1' });
    expect(await store.findCommand('c-2')).toBeNull();

    const error = await caught(() => store.append('e2', 0, [started], { ...command, fingerprint: 'b'.repeat(64) }));
    expect(error).toBeInstanceOf(CommandAlreadyRecorded);
    expect((error as CommandAlreadyRecorded).existing).toEqual({ ...command, engagementId: 'e1' });
    expect(await store.load('e2')).toEqual([]);
  });

  it('given a version conflict, when the batch carried a command row, then the command row is not kept either (one transaction)', async () => {
    const store = open();
    await store.append('e1', 0, [opened]);
    await caught(() => store.append('e1', 0, [started], { commandId: 'c-9', fingerprint: 'c'.repeat(64), result: {} }));
    expect(await store.findCommand('c-9')).toBeNull();
  });

  it('given a group commit, when several command rows go with their events, then all are written; when one id is taken, none of the batch is', async () => {
    const store = open();
    const row = (id: string) => ({ commandId: id, fingerprint: 'd'.repeat(64), result: { id } });
    await store.append('e1', 0, [opened, started], [row('g-1'), row('g-2')]);
    expect((await store.findCommand('g-1'))?.result).toEqual({ id: 'g-1' });
    expect((await store.findCommand('g-2'))?.result).toEqual({ id: 'g-2' });

    const error = await caught(() => store.append('e1', 2, [updated('x')], [row('g-3'), row('g-1')]));
    expect(error).toBeInstanceOf(CommandAlreadyRecorded);
    expect((error as CommandAlreadyRecorded).existing.commandId).toBe('g-1');
    expect(await store.findCommand('g-3')).toBeNull();
    expect(await store.load('e1')).toHaveLength(2);
  });

  it('given a closed log, when it is reopened, then the events survive', async () => {
    const file = tempFile();
    const store = openSqliteEventStore(file);
    await store.append('e1', 0, [opened, started]);
    await store.close();
    await store.close();
    expect((await open(file).load('e1')).map((e) => e.type)).toEqual(['engagement.opened', 'engagement.started']);
  });
});

describe('migrations', () => {
  const shipped = MIGRATIONS.map((m) => m.id);
  const next = Math.max(...shipped) + 1;
  const recorded = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all();
    } finally {
      db.close();
    }
  };

  it('given a migrated file, when it is opened again, then nothing is re-applied; when a newer migration ships, then it alone applies and the data stays', async () => {
    const file = tempFile();
    await openSqliteEventStore(file).close();
    const first = open(file);
    await first.append('e1', 0, [opened]);
    await first.close();
    expect(recorded(file)).toEqual(shipped);

    const newer = [...MIGRATIONS, { id: next, name: 'test table', sql: 'CREATE TABLE added_later (x INTEGER)' }];
    const store = open(file, { migrations: newer });
    expect(await store.load('e1')).toHaveLength(1);
    await store.close();
    expect(recorded(file)).toEqual([...shipped, next]);
    // A second open with the same list would fail on CREATE TABLE if it ran again.
    await open(file, { migrations: newer }).close();
    expect(recorded(file)).toEqual([...shipped, next]);
  });

  it('given a migration that fails half-way, when the file is opened, then none of it is kept and it is not recorded', async () => {
    const file = tempFile();
    await openSqliteEventStore(file).close();
    const broken = [...MIGRATIONS, { id: next, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); THIS IS NOT SQL;' }];
    expect(() => openSqliteEventStore(file, { migrations: broken })).toThrow();
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").all()).toEqual([]);
    db.close();
    expect(recorded(file)).toEqual(shipped);
  });

  it('given a file from before snapshots (migration 1 only) holding events, when it is opened, then the snapshots table is added and the events stay', async () => {
    const file = tempFile();
    // The file as the first release left it (that release's store is gone, so its schema is built directly).
    const db = new Database(file);
    applyMigrations(
      db,
      MIGRATIONS.filter((m) => m.id === 1),
    );
    db.prepare('INSERT INTO events (engagement_id, version, type, at, data) VALUES (?, 1, ?, ?, ?)').run(
      'e1',
      opened.type,
      at,
      JSON.stringify(opened),
    );
    db.close();
    expect(recorded(file)).toEqual([1]);
    const store = open(file);
    expect(recorded(file)).toEqual(shipped);
    expect(await store.load('e1')).toHaveLength(1);
    expect(await store.loadSnapshot('e1')).toBeNull();
  });
});

describe('state snapshots', () => {
  it('given no snapshot, when one is loaded, then null; when saved twice, then the latest alone is kept, per engagement', async () => {
    const store = open();
    await store.append('e1', 0, [opened, started]);
    expect(await store.loadSnapshot('e1')).toBeNull();
    await store.saveSnapshot('e1', 1, 7, '{"id":"e1","n":1}');
    await store.saveSnapshot('e2', 3, 7, '{"id":"e2"}');
    await store.saveSnapshot('e1', 2, 8, '{"id":"e1","n":2}');
    expect(await store.loadSnapshot('e1')).toEqual({ version: 2, schema: 8, state: '{"id":"e1","n":2}' });
    expect(await store.loadSnapshot('e2')).toEqual({ version: 3, schema: 7, state: '{"id":"e2"}' });
  });

  it('given a snapshot, when the log is reopened, then it survives; it never counts as an engagement (engagementIds come from the events)', async () => {
    const file = tempFile();
    const store = openSqliteEventStore(file);
    await store.append('e2', 0, [opened]);
    await store.append('e1', 0, [opened]);
    await store.saveSnapshot('orphan', 1, 1, '{}');
    await store.close();
    const reopened = open(file);
    expect(await reopened.loadSnapshot('orphan')).toEqual({ version: 1, schema: 1, state: '{}' });
    expect(await reopened.engagementIds()).toEqual(['e1', 'e2']);
  });

  it('given a closed log, when a snapshot is saved, then STORAGE_UNAVAILABLE (the caller logs it; no command depends on it)', async () => {
    const store = openSqliteEventStore(tempFile());
    await store.close();
    const error = await caught(() => store.saveSnapshot('e1', 1, 1, '{}'));
    expect((error as AppError).code).toBe('STORAGE_UNAVAILABLE');
  });
});

// Faults. The tests run as root, where chmod 0555 does not stop writes, so each fault is made real instead:
// a path the kernel refuses, a file-size limit (RLIMIT_FSIZE: writes past it fail with EFBIG, which is
// what a full disk looks like to SQLite), and a read-only bind mount in a private mount namespace.
const child = join(import.meta.dirname, 'storageFaultChild.ts');
const runChild = (shell: string) => {
  const out = spawnSync('sh', ['-c', shell], { encoding: 'utf8', cwd: process.cwd() });
  return JSON.parse(out.stdout.trim().split('\n').pop() ?? 'null') as { stage: string; ok: boolean; code?: string };
};
const canMount = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'convene-probe-'));
  const ok =
    spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', `mount --bind ${dir} ${dir} && mount -o remount,bind,ro ${dir}`])
      .status === 0;
  rmSync(dir, { recursive: true, force: true });
  return ok;
})();

describe('storage failures', () => {
  it('given a database path the system cannot create, when the log is opened, then STORAGE_UNAVAILABLE in plain words', async () => {
    for (const file of ['/proc/convene/convene.db', '/proc/self/status/convene.db']) {
      const error = await caught(() => openSqliteEventStore(file));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('STORAGE_UNAVAILABLE');
      expect((error as AppError).status).toBe(503);
      expect((error as AppError).detail).toMatch(/database cannot be written/);
    }
  });

  it('given a disk that fills up mid-append (file-size limit), when a large change is appended, then STORAGE_UNAVAILABLE and neither the event nor its command row is written', async () => {
    const file = tempFile();
    const store = openSqliteEventStore(file);
    await store.append('eng-1', 0, [opened]);
    await store.close();
    // 400 blocks of 512 bytes = 200 KiB: room for the small file, not for a 300 KB event in the WAL.
    const outcome = runChild(`ulimit -f 400; exec node --import tsx ${child} ${file} 300000`);
    expect(outcome).toMatchObject({ stage: 'append', ok: false, code: 'STORAGE_UNAVAILABLE' });

    const after = open(file);
    expect(await after.load('eng-1')).toEqual([{ ...opened, version: 1 }]);
    expect(await after.findCommand('cmd-big')).toBeNull();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // Same limit, small change: the store works again once there is room (the fault was the disk, not the file).
    expect(runChild(`ulimit -f 400; exec node --import tsx ${child} ${file} 100`)).toMatchObject({ ok: true });
  }, 60_000);

  it.skipIf(!canMount)(
    'given the data directory on a read-only filesystem (bind mount; skipped where mount namespaces are not permitted), when the log is opened and written, then STORAGE_UNAVAILABLE and the file is unchanged',
    async () => {
      const file = tempFile();
      const store = openSqliteEventStore(file);
      await store.append('eng-1', 0, [opened]);
      await store.close();
      const dir = join(file, '..');
      const outcome = runChild(
        `unshare -m --propagation private sh -c 'mount --bind ${dir} ${dir} && mount -o remount,bind,ro ${dir} && exec node --import tsx ${child} ${file} 100'`,
      );
      expect(outcome.ok).toBe(false);
      expect(outcome.code).toBe('STORAGE_UNAVAILABLE');
      expect(await open(file).load('eng-1')).toEqual([{ ...opened, version: 1 }]);
    },
    60_000,
  );
});
