import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresEventStore, type PostgresEventStore } from '../../../server/store/postgresEventStore.js';
import { createTestApp, type TestApp } from '../../support/createTestApp.js';
import type { FakeClock } from '../../support/fakeClock.js';
import { hasPostgres } from '../../support/postgres.js';

// The database goes away in the middle of a meeting and comes back (docs/reliability.md): commands answer 503
// STORAGE_UNAVAILABLE in plain words while it is down, nothing is half-written, and once it is back the same
// running Convene records commands again, with no gap in the log. The drill stops a server, so it runs on a
// private throw-away cluster of its own (scripts/pg-test-cluster.sh), not on the one the other files share.

const script = fileURLToPath(new URL('../../../scripts/pg-test-cluster.sh', import.meta.url));
const PG_LIB = '/usr/lib/postgresql';
const hasBinaries = existsSync(PG_LIB) && readdirSync(PG_LIB).some((version) => existsSync(`${PG_LIB}/${version}/bin/initdb`));
const REQUIRED = process.env.REQUIRE_POSTGRES === '1';
if (hasPostgres && !hasBinaries && REQUIRED)
  throw new Error('The outage drill needs the PostgreSQL server binaries (Debian postgresql) and REQUIRE_POSTGRES=1 is set.');

const cluster = (...args: string[]) => execFileSync('bash', [script, ...args], { encoding: 'utf8' });

describe.skipIf(!hasPostgres || !hasBinaries)('PostgreSQL stopped and started again mid-meeting', () => {
  let dir = '';
  let app: TestApp<FakeClock> | null = null;
  let store: PostgresEventStore | null = null;
  afterAll(async () => {
    await app?.close();
    await store?.close();
    if (dir) cluster('stop', dir);
  });

  it('given a meeting on PostgreSQL, when the database is down, then commands answer 503 and write nothing; when it is back, they succeed without a restart and the log has no gap', async () => {
    const env = cluster('start');
    dir = env.match(/PG_TEST_CLUSTER_DIR='([^']+)'/)![1]!;
    const url = env.match(/TEST_DATABASE_URL='([^']+)'/)![1]!;
    store = await openPostgresEventStore(url, { connectionTimeoutMs: 1000, queryTimeoutMs: 3000 });
    app = (await createTestApp({ store, env: { SESSION_SECRET: 'outage-drill-secret-'.padEnd(40, 'x') } })) as TestApp<FakeClock>;
    const chair = app.api(await app.signIn('Outage Chair'));
    const created = await chair.post('/api/engagements', {
      title: 'Outage drill',
      theme: 'storage',
      plannedMinutes: 30,
      speakingSeconds: 120,
    });
    const id = created.body.id as string;
    expect((await chair.command(id, { type: 'question.add', text: 'Before the outage' })).status).toBe(200);

    cluster('down', dir);
    for (const text of ['During the outage', 'Still down']) {
      const refused = await chair.command(id, { type: 'question.add', text });
      expect(refused.status).toBe(503);
      expect(refused.contentType).toContain('application/problem+json');
      expect(refused.body.code).toBe('STORAGE_UNAVAILABLE');
      expect(refused.body.detail).toMatch(/database cannot be reached right now.*Nothing was changed; try again shortly/);
    }

    cluster('up', dir);
    const after = await chair.command(id, { type: 'question.add', text: 'After the outage' });
    expect(after.status, after.text).toBe(200);
    const log = await store.load(id);
    expect(log.map((e) => e.version)).toEqual(Array.from({ length: log.length }, (_, i) => i + 1));
    const view = (await chair.get(`/api/engagements/${id}`)).body;
    expect(view.version).toBe(log.length);
    expect(view.questions.map((q: { text: string }) => q.text)).toEqual(['Before the outage', 'After the outage']);
  }, 60_000);
});
