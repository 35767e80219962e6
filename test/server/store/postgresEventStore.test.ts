import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../server/appError.js';
import type { EngagementEvent } from '../../../server/domain/events.js';
import { applyPostgresMigrations } from '../../../server/store/applyPostgresMigrations.js';
import { POSTGRES_MIGRATIONS } from '../../../server/store/migrations/postgres.js';
import {
  ENGAGEMENT_LOCK_CLASS,
  EVENTS_CHANNEL,
  openPostgresEventStore,
  type PostgresEventStore,
  type PostgresEventStoreOptions,
} from '../../../server/store/postgresEventStore.js';
import { createTestDatabase, hasPostgres } from '../../support/postgres.js';

// What PostgreSQL adds to the store's contract (eventStore.contract.test.ts): several instances on one
// database, migrations under an advisory lock, the commit wake-up, and the failures of a network database.

const at = '2026-11-28T09:00:00.000Z';
const updated = (description: string): EngagementEvent => ({ type: 'engagement.updated', at, changes: { description } });

const stores: PostgresEventStore[] = [];
const clients: pg.Client[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const client of clients.splice(0)) await client.end().catch(() => undefined);
});

async function open(url: string, options?: PostgresEventStoreOptions): Promise<PostgresEventStore> {
  const store = await openPostgresEventStore(url, options);
  stores.push(store);
  return store;
}
async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return client;
}
async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}
/** Resolves once `count` of the store's connections (by application_name) wait on a lock. */
async function waitingOnLock(admin: pg.Client, applicationName: string, count = 1): Promise<number[]> {
  for (;;) {
    const { rows } = await admin.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
      [applicationName],
    );
    if (rows.length >= count) return rows.map((r) => r.pid);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!hasPostgres)('the event log on PostgreSQL, several instances', () => {
  it('given two instances (two pools) on one database, when 200 appends to one engagement race, then the versions are contiguous and each command is recorded once', async () => {
    const url = await createTestDatabase();
    const [a, b] = await Promise.all([open(url, { poolSize: 5 }), open(url, { poolSize: 5 })]);
    // Each writer decides again on a conflict, as the write path does.
    const write = async (store: PostgresEventStore, i: number) => {
      let expected = 0;
      for (;;) {
        try {
          return await store.append('e1', expected, [updated(`#${i}`)], { commandId: `c-${i}`, fingerprint: 'f', result: { i } });
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'VERSION_CONFLICT') throw error;
          expected = error.extra.currentVersion as number;
        }
      }
    };
    await Promise.all(Array.from({ length: 200 }, (_, i) => write(i % 2 === 0 ? a : b, i)));

    const events = await b.load('e1');
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const written = events.map((e) => (e as { changes: { description: string } }).changes.description).sort();
    expect(written).toEqual(Array.from({ length: 200 }, (_, i) => `#${i}`).sort());
    for (const i of [0, 1, 99, 199]) expect((await a.findCommand(`c-${i}`))?.result).toEqual({ i });
  }, 60_000);

  it('given a fresh database, when two instances migrate at once, then each migration is applied exactly once (the advisory lock serializes them)', async () => {
    const url = await createTestDatabase();
    const [one, two] = await Promise.all([connect(url), connect(url)]);
    const applied = await Promise.all([
      applyPostgresMigrations(one, POSTGRES_MIGRATIONS),
      applyPostgresMigrations(two, POSTGRES_MIGRATIONS),
    ]);
    const ids = POSTGRES_MIGRATIONS.map((m) => m.id);
    expect(applied.map((list) => list.length).sort()).toEqual([0, ids.length]);
    expect(applied.flat()).toEqual(ids);

    const newer = [...POSTGRES_MIGRATIONS, { id: 99, name: 'added later', sql: 'CREATE TABLE added_later (x INTEGER)' }];
    await Promise.all([open(url, { migrations: newer }), open(url, { migrations: newer }), open(url)]);
    const { rows } = await one.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([...ids, 99]);
  });

  it('given a listener, when appends commit, then one tiny notification per append arrives after its commit, and none for an append that failed', async () => {
    const url = await createTestDatabase();
    const store = await open(url);
    const listener = await connect(url);
    const heard: { payload: string; visible: number[] }[] = [];
    let done: () => void = () => undefined;
    const last = new Promise<void>((resolve) => (done = resolve));
    listener.on('notification', (message) => {
      heard.push({ payload: message.payload ?? '', visible: [] });
      if (message.payload === 'e1:3') done();
    });
    await listener.query(`LISTEN ${EVENTS_CHANNEL}`);

    await store.append('e1', 0, [updated('a')], { commandId: 'taken', fingerprint: 'f', result: {} });
    await caught(() => store.append('e1', 1, [updated('b')], { commandId: 'taken', fingerprint: 'f', result: {} }));
    await caught(() => store.append('e1', 0, [updated('stale')]));
    await store.append('e1', 1, [updated('c'), updated('d')]);
    await last;

    expect(heard.map((h) => h.payload)).toEqual(['e1:1', 'e1:3']);
    // Delivered at commit: what the payload names is readable by the listener's own connection.
    const { rows } = await listener.query<{ version: number }>("SELECT version FROM events WHERE engagement_id = 'e1' ORDER BY version");
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3]);
  });

  it('given a notification still inside an open transaction, when the transaction rolls back, then it is never delivered', async () => {
    const url = await createTestDatabase();
    const listener = await connect(url);
    const writer = await connect(url);
    const heard: string[] = [];
    let done: () => void = () => undefined;
    const last = new Promise<void>((resolve) => (done = resolve));
    listener.on('notification', (message) => {
      heard.push(message.payload ?? '');
      if (message.payload === 'sentinel') done();
    });
    await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
    await writer.query('BEGIN');
    await writer.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, 'e1:1']);
    await writer.query('ROLLBACK');
    await writer.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, 'sentinel']);
    await last;
    expect(heard).toEqual(['sentinel']);
  });
});

describe.skipIf(!hasPostgres)('the event log on PostgreSQL, bad conditions', () => {
  it('given no database server at the address, when the store opens, then STORAGE_UNAVAILABLE in plain words', async () => {
    const error = await caught(() => openPostgresEventStore('postgres://postgres@127.0.0.1:1/none', { connectionTimeoutMs: 2000 }));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('STORAGE_UNAVAILABLE');
    expect((error as AppError).status).toBe(503);
    expect((error as AppError).detail).toMatch(/cannot be reached.*Nothing was changed/);
  });

  it('given every connection of the pool busy, when another command comes, then it answers STORAGE_UNAVAILABLE after the connection timeout instead of hanging', async () => {
    const url = await createTestDatabase();
    const store = await open(url, { poolSize: 1, connectionTimeoutMs: 300, applicationName: 'convene-full' });
    const admin = await connect(url);
    // Another instance holds e1's lock: the only connection waits on it.
    await admin.query('SELECT pg_advisory_lock($1, hashtext($2))', [ENGAGEMENT_LOCK_CLASS, 'e1']);
    const blocked = store.append('e1', 0, [updated('waits')]);
    await waitingOnLock(admin, 'convene-full');

    const error = await caught(() => store.append('e2', 0, [updated('no connection')]));
    expect((error as AppError).code).toBe('STORAGE_UNAVAILABLE');
    expect((error as AppError).detail).toMatch(/pool is exhausted/);

    await admin.query('SELECT pg_advisory_unlock($1, hashtext($2))', [ENGAGEMENT_LOCK_CLASS, 'e1']);
    expect((await blocked).map((e) => e.version)).toEqual([1]);
    expect(await store.load('e2')).toEqual([]);
  });

  it('given an append in flight, when an administrator terminates its connection, then STORAGE_UNAVAILABLE, nothing is written, and the next append succeeds on a new connection', async () => {
    const url = await createTestDatabase();
    const store = await open(url, { applicationName: 'convene-terminated' });
    await store.append('e1', 0, [updated('before')]);
    const admin = await connect(url);
    await admin.query('SELECT pg_advisory_lock($1, hashtext($2))', [ENGAGEMENT_LOCK_CLASS, 'e1']);
    const inFlight = caught(() => store.append('e1', 1, [updated('lost')], { commandId: 'lost', fingerprint: 'f', result: {} }));
    const [pid] = await waitingOnLock(admin, 'convene-terminated');
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);

    const error = await inFlight;
    expect((error as AppError).code).toBe('STORAGE_UNAVAILABLE');
    expect((error as AppError).detail).toMatch(/Nothing was changed/);
    await admin.query('SELECT pg_advisory_unlock($1, hashtext($2))', [ENGAGEMENT_LOCK_CLASS, 'e1']);

    expect(await store.findCommand('lost')).toBeNull();
    expect((await store.append('e1', 1, [updated('after')])).map((e) => e.version)).toEqual([2]);
    expect((await store.load('e1')).map((e) => (e as { changes: { description: string } }).changes.description)).toEqual([
      'before',
      'after',
    ]);
  });
});
