import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/createTestApp.js';
import type { FakeClock } from '../../support/fakeClock.js';

// Rate limits count FAILED sign-ins and redemptions per client address (docs/api.md): a whole delegation
// behind one address must be able to join within a minute, while guessing codes is stopped.

describe('sign-in rate limit', () => {
  let app: TestApp<FakeClock>;
  let chair: string;
  let engagementId: string;

  beforeAll(async () => {
    app = await createTestApp();
    chair = await app.signIn('Rate Chair');
    engagementId = (await app.api(chair).post('/api/engagements', { title: 'Crowded' })).body.id;
    expect((await app.api(chair).command(engagementId, { type: 'engagement.open' })).status).toBe(200);
  });
  afterAll(() => app?.close());

  it('INV-3: given 30 invitations, when all are redeemed from one address within a minute, then every one succeeds and is bound to its engagement', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await app
        .api(chair)
        .post(`/api/engagements/${engagementId}/invitations`, { role: 'stakeholder', displayName: `Member ${i}` });
      expect(res.status).toBe(201);
      expect(res.body.url).toBe(`https://convene.test/join#code=${encodeURIComponent(res.body.code)}`);
      codes.push(res.body.code);
    }
    for (const code of codes) {
      const res = await app.api().post('/api/auth/invitation', { code });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ engagementId, role: 'stakeholder', token: expect.any(String) });
    }
  });

  it('INV-4: given the same code twice, then the second is 401 with the words of any other refusal', async () => {
    const created = await app.api(chair).post(`/api/engagements/${engagementId}/invitations`, { role: 'observer' });
    expect((await app.api().post('/api/auth/invitation', { code: created.body.code })).status).toBe(200);
    const again = await app.api().post('/api/auth/invitation', { code: created.body.code });
    const unknown = await app.api().post('/api/auth/invitation', { code: 'definitely-not-a-code' });
    expect(again.status).toBe(401);
    expect(again.body.detail).toBe(unknown.body.detail);
  });

  it('given repeated bad codes from one address, then after 20 failures in 15 minutes: 429 RATE_LIMITED problem+json, also for a good code', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await app.api().post('/api/auth/invitation', { code: `guess-${i}-xxxxxxxx` })).status);
    // Two failures happened in the previous test.
    expect(statuses.slice(0, 18).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(-2)).toEqual([429, 429]);
    const created = await app.api(chair).post(`/api/engagements/${engagementId}/invitations`, { role: 'stakeholder' });
    const blocked = await app.api().post('/api/auth/invitation', { code: created.body.code });
    expect(blocked.status).toBe(429);
    expect(blocked.contentType).toMatch(/^application\/problem\+json/);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(blocked.headers.get('retry-after')).toBe('900');
  });
});

describe('invitation sessions', () => {
  let app: TestApp<FakeClock>;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app?.close());

  it('given an invitation session, then it reaches only its own engagement and cannot create engagements', async () => {
    const chair = await app.signIn('Scope Chair');
    const mine = (await app.api(chair).post('/api/engagements', { title: 'Mine' })).body.id;
    const other = (await app.api(chair).post('/api/engagements', { title: 'Other' })).body.id;
    await app.api(chair).command(mine, { type: 'engagement.open' });
    const code = (
      await app
        .api(chair)
        .post(`/api/engagements/${mine}/invitations`, { role: 'stakeholder', displayName: 'Guest One', organization: 'NGO' })
    ).body.code;
    const session = await app.api().post('/api/auth/invitation', { code });
    const guest = app.api(session.body.token);
    expect((await guest.get('/api/me')).body).toMatchObject({
      engagementId: mine,
      role: 'stakeholder',
      user: { displayName: 'Guest One' },
    });
    expect((await guest.get(`/api/engagements/${mine}`)).status).toBe(200);
    const elsewhere = await guest.get(`/api/engagements/${other}`);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('FORBIDDEN');
    expect((await guest.get(`/api/engagements/${other}/stream`)).status).toBe(403);
    expect((await guest.post('/api/engagements', { title: 'Hijack' })).status).toBe(403);
    const list = (await guest.get('/api/engagements')).body as { id: string }[];
    expect(list.map((row) => row.id)).toEqual([mine]);
  });
});
