import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresEventStore, type PostgresEventStore } from '../../../server/store/postgresEventStore.js';
import { createTestApp, type ApiClient, type TestApp } from '../../support/createTestApp.js';
import type { FakeClock } from '../../support/fakeClock.js';
import { createTestDatabase, hasPostgres } from '../../support/postgres.js';
import { openSse, type SseConnection } from '../../support/sseClient.js';

// The real app over real HTTP with its log in PostgreSQL: a small meeting, seen live by a stakeholder, then a
// restart on the same database that finds everything (from the stored snapshot and the log after it).

const SESSION_SECRET = 'postgres-meeting-test-secret-'.padEnd(48, 'x');

const apps: TestApp<FakeClock>[] = [];
const stores: PostgresEventStore[] = [];
const streams: SseConnection[] = [];
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  for (const app of apps.splice(0)) await app.close();
  for (const store of stores.splice(0)) await store.close();
});

async function appOn(url: string): Promise<TestApp<FakeClock>> {
  const store = await openPostgresEventStore(url);
  stores.push(store);
  const app = (await createTestApp({ store, env: { SESSION_SECRET }, limits: { snapshotEvery: 3 } })) as TestApp<FakeClock>;
  apps.push(app);
  return app;
}

describe.skipIf(!hasPostgres)('a meeting on PostgreSQL over HTTP', () => {
  it('given DATABASE_URL’s store, when a chair runs a small meeting, then each change reaches the stream; after a restart on the same database the state is the same', async () => {
    const url = await createTestDatabase();
    const app = await appOn(url);
    expect((await app.api().get('/api/health')).body).toMatchObject({ status: 'ok', storage: 'postgres' });
    const chairToken = await app.signIn('Postgres Chair');
    const chair = app.api(chairToken);

    const created = await chair.post('/api/engagements', {
      title: 'On PostgreSQL',
      theme: 'storage',
      plannedMinutes: 30,
      speakingSeconds: 120,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const added = await chair.command(id, { type: 'question.add', text: 'Does it hold?' });
    const questionId = added.body.events.find((e: { type: string }) => e.type === 'question.added').question.id as string;
    expect((await chair.command(id, { type: 'engagement.open' })).status).toBe(200);
    const invitation = await chair.post(`/api/engagements/${id}/invitations`, {
      role: 'stakeholder',
      displayName: 'Ama Owusu',
      organization: 'Owusu Org',
      category: 'ngo',
    });
    const session = await app.api().post('/api/auth/invitation', { code: invitation.body.code });
    expect(session.status).toBe(200);
    const stakeholder: ApiClient = app.api(session.body.token);

    const stream = await openSse(`${app.baseUrl}/api/engagements/${id}/stream`, { token: session.body.token });
    streams.push(stream);
    await stream.waitFor((m) => m.event === 'snapshot');
    const step = async (client: ApiClient, command: Record<string, unknown>, type: string) => {
      const res = await client.command(id, command);
      expect(res.status, `${command.type}: ${res.text}`).toBe(200);
      const seen = await stream.waitFor((m) => m.id === String(res.body.version));
      expect(seen.event === 'snapshot' || seen.json().type === type || seen.json().type === 'hidden').toBe(true);
      return res.body as { version: number };
    };
    await step(chair, { type: 'engagement.start' }, 'engagement.started');
    await step(chair, { type: 'question.open', questionId }, 'question.opened');
    await step(stakeholder, { type: 'floor.request', questionId, note: 'Yes' }, 'floor.requested');
    const given = await step(chair, { type: 'floor.give' }, 'floor.given');
    const before = (await chair.get(`/api/engagements/${id}`)).body;
    expect(before.version).toBe(given.version);
    expect(before.currentRequestId).not.toBeNull();
    await app.engagements.whenIdle();

    // Restart: a new app and store on the same database.
    const snapshot = await stores[0]!.loadSnapshot(id);
    expect(snapshot).not.toBeNull();
    expect(snapshot!.version).toBeLessThanOrEqual(given.version);
    stream.close();
    await apps.shift()!.close();
    await stores.shift()!.close();
    const again = await appOn(url);
    const after = (await again.api(chairToken).get(`/api/engagements/${id}`)).body;
    const { serverNow: _a, ...expected } = before;
    const { serverNow: _b, ...actual } = after;
    expect(actual).toEqual(expected);
  });
});
