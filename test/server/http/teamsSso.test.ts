import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/createTestApp.js';
import type { FakeClock } from '../../support/fakeClock.js';
import { startLocalJwks, type LocalJwks } from '../../support/localJwks.js';

// Teams SSO validation over real HTTP against a local JWKS (server/integrations/teamsSso.ts). Every refusal is a
// 401 problem+json; a key endpoint that cannot be reached fails closed with 503.

describe('Teams SSO tokens (AUTH: Entra access tokens)', () => {
  let jwks: LocalJwks;
  let app: TestApp<FakeClock>;
  const otherTenant = randomUUID();

  beforeAll(async () => {
    jwks = await startLocalJwks({ publicHost: 'convene.test' });
    app = await createTestApp({
      env: { ENTRA_CLIENT_ID: jwks.clientId, ENTRA_TENANTS: `${jwks.tenantId},${otherTenant}`, ENTRA_JWKS_URL: jwks.url },
      ssoOptions: { cooldownDuration: 0 },
    });
  });
  afterAll(async () => {
    await app?.close();
    await jwks?.close();
  });

  const me = (token: string) => app.api(token).get('/api/me');
  const now = () => app.clock.now();

  it('given a v2 token (iss login.microsoftonline.com/<tid>/v2.0, aud = client id), when calling /api/me, then the user is aad:<tid>:<oid>', async () => {
    const oid = randomUUID();
    const res = await me(await jwks.mint({ version: 2, oid, name: 'Ada Delegate', now: now() }));
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: `aad:${jwks.tenantId}:${oid}`, displayName: 'Ada Delegate' });
    expect(res.body.via).toBe('teams');
  });

  it('given a v1 token (iss sts.windows.net/<tid>/, aud = api://<public host>/<client id>), then it is accepted', async () => {
    const res = await me(await jwks.mint({ version: 1, now: now() }));
    expect(res.status).toBe(200);
  });

  const refusals: [string, () => Promise<string>][] = [
    ['a wrong audience', () => jwks.mint({ aud: randomUUID(), now: now() })],
    ['an App ID URI of another host', () => jwks.mint({ version: 1, aud: `api://evil.example/${jwks.clientId}`, now: now() })],
    [
      'the issuer of another tenant (not bound to tid)',
      () => jwks.mint({ iss: `https://login.microsoftonline.com/${otherTenant}/v2.0`, now: now() }),
    ],
    ['an issuer that is not Entra', () => jwks.mint({ iss: `https://evil.example/${jwks.tenantId}/v2.0`, now: now() })],
    ['a tenant not on the allow-list (with its own matching issuer)', () => jwks.mint({ tid: randomUUID(), now: now() })],
    ['a tid that is not a GUID', () => jwks.mint({ tid: 'common', now: now() })],
    ['an expired token (10 minutes ago, beyond the 60 s tolerance)', () => jwks.mint({ expiresIn: -600, now: now() })],
    ['nbf in the future (5 minutes)', () => jwks.mint({ notBeforeIn: 300, now: now() })],
    ['alg none', async () => jwks.mintNone({ now: now() })],
    ['a signature by a foreign key under the published kid', () => jwks.mint({ foreignKey: true, now: now() })],
    ['an unknown kid', () => jwks.mint({ kid: 'not-published', now: now() })],
    ['HS256 signed with the public key as secret (key confusion)', () => jwks.mintKeyConfusion({ now: now() })],
    ['no scp (an app-only token with roles)', () => jwks.mint({ scp: null, roles: ['Engagements.ReadWrite.All'], now: now() })],
    ['scp without access_as_user', () => jwks.mint({ scp: 'User.Read', now: now() })],
    ['no oid', () => jwks.mint({ omit: ['oid'], now: now() })],
  ];

  for (const [what, token] of refusals) {
    it(`given ${what}, when calling /api/me, then 401 UNAUTHENTICATED problem+json`, async () => {
      const res = await me(await token());
      expect(res.status).toBe(401);
      expect(res.contentType).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('UNAUTHENTICATED');
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });
  }

  it('given an expiry 30 s ago (within the 60 s tolerance), then it is still accepted', async () => {
    expect((await me(await jwks.mint({ expiresIn: -30, now: now() }))).status).toBe(200);
  });

  it('given a Convene session token, then it passes as a session, never through the Entra path; and an Entra token never passes as a session', async () => {
    const session = await app.signIn('Session Holder');
    const res = await me(session);
    expect(res.body.via).toBe('session');
    // An Entra token relabelled with the session typ is verified as a session (HS256 only) and refused.
    const entra = await jwks.mint({ now: now() });
    const [, payload, signature] = entra.split('.');
    const relabelled = `${Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'test-key-1', typ: 'convene-session+jwt' })).toString('base64url')}.${payload}.${signature}`;
    expect((await me(relabelled)).status).toBe(401);
  });

  it('given the key endpoint answers 500 or garbage, when a token must be checked, then 503 SSO_UNAVAILABLE (fail closed)', async () => {
    const token = await jwks.mint({ now: now(), kid: 'rotated-key' });
    jwks.setMode('error');
    try {
      const res = await me(token);
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('SSO_UNAVAILABLE');
      jwks.setMode('garbage');
      const again = await me(token);
      expect(again.status).toBe(503);
      expect(again.body.code).toBe('SSO_UNAVAILABLE');
    } finally {
      jwks.setMode('up');
    }
  });
});

describe('Teams SSO with an unreachable key endpoint', () => {
  it('given nothing listens at ENTRA_JWKS_URL, when a Teams token arrives, then 503 SSO_UNAVAILABLE, never 200', async () => {
    const jwks = await startLocalJwks({ publicHost: 'convene.test' });
    // A port that was just free: nothing answers there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
    const deadPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const app = await createTestApp({
      env: { ENTRA_CLIENT_ID: jwks.clientId, ENTRA_TENANTS: jwks.tenantId, ENTRA_JWKS_URL: `http://127.0.0.1:${deadPort}/keys` },
      ssoOptions: { cooldownDuration: 0, timeoutDuration: 2_000 },
    });
    try {
      const res = await app.api(await jwks.mint({ now: app.clock.now() })).get('/api/me');
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('SSO_UNAVAILABLE');
    } finally {
      await app.close();
      await jwks.close();
    }
  });

  it('given SSO is not configured, when a Teams-looking token arrives, then 401 (there is no way in without keys)', async () => {
    const jwks = await startLocalJwks({ publicHost: 'convene.test' });
    const app = await createTestApp();
    try {
      const res = await app.api(await jwks.mint({ now: app.clock.now() })).get('/api/me');
      expect(res.status).toBe(401);
    } finally {
      await app.close();
      await jwks.close();
    }
  });
});
