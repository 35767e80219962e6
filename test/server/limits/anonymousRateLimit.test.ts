import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/createTestApp.js';

// LIMIT-6 over real HTTP: requests without a sign-in, per address and minute; signed-in requests, sign-in
// and redemption are not counted here.

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('requests without a sign-in (LIMIT-6)', () => {
  it('LIMIT-6: given 3 per minute, when an address sends a 4th request without a sign-in, then it is 429 with Retry-After in plain words', async () => {
    app = await createTestApp({ env: { ANONYMOUS_REQUESTS_PER_MINUTE: '3' } });
    const anonymous = app.api();
    for (let i = 0; i < 3; i++) expect((await anonymous.get('/api/config')).status).toBe(200);
    const refused = await anonymous.get('/api/config');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.body.detail).toMatch(/^You are sending requests too quickly; try again in \d+ seconds?\.$/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await anonymous.get('/api/engagements')).status).toBe(429);
  });

  it('LIMIT-6: given the anonymous limit reached, then sign-in and signed-in requests from the same address still pass', async () => {
    app = await createTestApp({ env: { ANONYMOUS_REQUESTS_PER_MINUTE: '2' } });
    for (let i = 0; i < 3; i++) await app.api().get('/api/config');
    expect((await app.api().get('/api/config')).status).toBe(429);
    const token = await app.signIn('Signed In');
    const signedIn = app.api(token);
    for (let i = 0; i < 5; i++) expect((await signedIn.get('/api/engagements')).status).toBe(200);
    expect((await app.api().get('/api/health')).status).toBe(200);
  });
});
