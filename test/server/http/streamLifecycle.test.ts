import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/createTestApp.js';
import type { FakeClock } from '../../support/fakeClock.js';
import { openSse } from '../../support/sseClient.js';

// A stream's life over real HTTP: heartbeats and the server clock while idle, the end of the stream when
// the token expires (the client comes back with a fresh one), and unsubscription when the
// client goes away.

describe('the live stream over time', () => {
  let app: TestApp<FakeClock>;
  let token: string;
  let engagementId: string;

  beforeAll(async () => {
    app = await createTestApp({ heartbeatMs: 40 });
    token = await app.signIn('Lifecycle Chair');
    engagementId = (await app.api(token).post('/api/engagements', { title: 'Lifecycle' })).body.id;
  });
  afterAll(() => app?.close());

  const url = () => `${app.baseUrl}/api/engagements/${engagementId}/stream`;

  it('given an idle stream, then heartbeat comments and `clock` messages with the server time arrive, without an id', async () => {
    const conn = await openSse(url(), { token });
    try {
      const clock = await conn.waitFor((m) => m.event === 'clock');
      expect(clock.json()).toEqual({ serverNow: app.clock.now().toISOString() });
      expect(clock.id).toBeUndefined();
      expect(conn.comments.some((c) => c.trim() === 'heartbeat')).toBe(true);
    } finally {
      conn.close();
    }
  });

  it('given a stream, when the token expires, then the server ends it with a retry hint', async () => {
    const shortLived = await app.signIn('Expiring Viewer');
    const conn = await openSse(url(), { token: shortLived });
    await conn.waitFor((m) => m.event === 'snapshot');
    app.clock.advance(12 * 60 * 60 * 1000 + 10_000);
    await conn.ended;
    expect(conn.retries.length).toBe(2);
    expect(conn.retries[1]).toBeGreaterThanOrEqual(1000);
    // The same token is refused from now on.
    expect((await openSse(url(), { token: shortLived })).status).toBe(401);
  });

  it('given a client that goes away, then its subscription is dropped', async () => {
    const fresh = await app.signIn('Leaving Viewer');
    const before = app.engagements.subscriberCount(engagementId);
    const conn = await openSse(url(), { token: fresh });
    await conn.waitFor((m) => m.event === 'snapshot');
    expect(app.engagements.subscriberCount(engagementId)).toBe(before + 1);
    conn.close();
    for (let i = 0; i < 50 && app.engagements.subscriberCount(engagementId) > before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(app.engagements.subscriberCount(engagementId)).toBe(before);
  });

  it('given the service shuts down, then every stream ends with a retry hint', async () => {
    const conn = await openSse(url(), { token: await app.signIn('Shutdown Viewer') });
    await conn.waitFor((m) => m.event === 'snapshot');
    await app.engagements.close();
    await conn.ended;
    expect(conn.retries.length).toBe(2);
  });
});
