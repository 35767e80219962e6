import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_TYPES, INTERNAL_COMMANDS } from '../../../server/domain/commands.js';
import { createTestApp, type TestApp } from '../../support/createTestApp.js';
import type { FakeClock } from '../../support/fakeClock.js';

// The edge as a browser and an integrator see it: headers for a tab framed by Teams, health, the
// OpenAPI document, unknown paths, and the development sign-in.

describe('the HTTP edge', () => {
  let app: TestApp<FakeClock>;
  beforeAll(async () => {
    app = await createTestApp({
      env: { LIVEKIT_URL: 'wss://media.convene.test', LIVEKIT_API_KEY: 'key', LIVEKIT_API_SECRET: 'secret-secret-secret' },
    });
  });
  afterAll(() => app?.close());

  it('given any response, then it may be framed by Teams: no X-Frame-Options, CSP frame-ancestors lists teams.microsoft.com and *.cloud.microsoft', async () => {
    const res = await app.api().get('/api/health');
    expect(res.headers.get('x-frame-options')).toBeNull();
    const csp = res.headers.get('content-security-policy') ?? '';
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1].split(' ') ?? [];
    for (const host of [
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://*.cloud.microsoft',
      'https://*.office.com',
      'https://outlook.office365.com',
    ]) {
      expect(ancestors).toContain(host);
    }
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin-allow-popups');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('given LiveKit is configured, then CSP connect-src allows its wss and https origins', async () => {
    const csp = (await app.api().get('/api/health')).headers.get('content-security-policy') ?? '';
    const connect = /connect-src ([^;]+)/.exec(csp)?.[1].split(' ') ?? [];
    expect(connect).toEqual(expect.arrayContaining(["'self'", 'wss://media.convene.test', 'https://media.convene.test']));
  });

  it('when asking for /api/health, then status, version, storage and LiveKit state', async () => {
    const res = await app.api().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', version: expect.any(String), storage: 'sqlite', livekit: 'configured' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('when asking for an unknown /api path, then 404 NOT_FOUND problem+json', async () => {
    const res = await app.api().get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND', title: expect.any(String), type: expect.any(String) });
  });

  it('when reading /api/openapi.json, then it is OpenAPI 3.1 with every path, the command union and the problem schema', async () => {
    const res = await app.api().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const paths = Object.keys(res.body.paths);
    for (const path of [
      '/api/health',
      '/api/auth/dev',
      '/api/auth/invitation',
      '/api/me',
      '/api/engagements',
      '/api/engagements/{id}',
      '/api/engagements/{id}/invitations',
      '/api/engagements/{id}/commands',
      '/api/engagements/{id}/replan',
      '/api/engagements/{id}/stream',
      '/api/openapi.json',
    ]) {
      expect(paths).toContain(path);
    }
    const schemas = res.body.components.schemas;
    expect(schemas.Problem.properties).toHaveProperty('code');
    const variants = (schemas.CommandRequest.oneOf ?? schemas.CommandRequest.anyOf) as { properties: { type: { const: string } } }[];
    const types = variants.map((v) => v.properties.type.const);
    expect(types).toEqual(COMMAND_TYPES.filter((t) => !INTERNAL_COMMANDS.includes(t)));
    expect(variants[0].properties).toHaveProperty('commandId');
  });

  it('given development mode, when signing in by display name, then a session token and the user; /api/me knows them', async () => {
    const res = await app.api().post('/api/auth/dev', { displayName: 'Chair Person' });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: 'dev:chair-person', displayName: 'Chair Person' });
    const me = await app.api(res.body.token).get('/api/me');
    expect(me.body).toEqual({ user: { id: 'dev:chair-person', displayName: 'Chair Person' }, via: 'session' });
  });

  it('given a session token, then it expires: 12 hours later it is refused with 401', async () => {
    const token = await app.signIn('Short Lived');
    app.clock.advance(12 * 60 * 60 * 1000 + 10_000);
    expect((await app.api(token).get('/api/me')).status).toBe(401);
  });
});

describe('extensions', () => {
  it('given an extension (attachments, summary, …), then its routes sit under /api behind the same auth and problem renderer, and its paths join the OpenAPI document', async () => {
    const app = await createTestApp({
      extensions: [
        ({ router, requireUser }) => {
          router.get('/engagements/:id/echo', requireUser, (req, res) => {
            res.json({ id: req.params.id });
          });
          return {
            openApi: { paths: { '/api/engagements/{id}/echo': { get: { summary: 'Echo', responses: { 200: { description: 'OK' } } } } } },
          };
        },
      ],
    });
    try {
      const refused = await app.api().get('/api/engagements/e1/echo');
      expect(refused.status).toBe(401);
      expect(refused.contentType).toMatch(/^application\/problem\+json/);
      expect((await app.api(await app.signIn('Ext User')).get('/api/engagements/e1/echo')).body).toEqual({ id: 'e1' });
      const doc = (await app.api().get('/api/openapi.json')).body;
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/engagements/{id}/echo', '/api/engagements/{id}/commands']));
    } finally {
      await app.close();
    }
  });
});

describe('production mode', () => {
  let app: TestApp<FakeClock>;
  beforeAll(async () => {
    app = await createTestApp({
      env: { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), TEAMS_EXTRA_HOST_ORIGINS: 'https://host.test:8443' },
    });
  });
  afterAll(() => app?.close());

  it('given production, when POST /api/auth/dev, then 404 problem+json (no development sign-in)', async () => {
    const res = await app.api().post('/api/auth/dev', { displayName: 'Mallory' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('given production, then TEAMS_EXTRA_HOST_ORIGINS is ignored in frame-ancestors', async () => {
    const csp = (await app.api().get('/api/health')).headers.get('content-security-policy') ?? '';
    expect(csp).not.toContain('host.test');
    expect(csp).toContain('upgrade-insecure-requests');
  });
});

describe('extra host origins outside production', () => {
  it('given TEAMS_EXTRA_HOST_ORIGINS in development, then they are added to frame-ancestors and exposed to the tab', async () => {
    const app = await createTestApp({
      env: { NODE_ENV: 'development', TEAMS_EXTRA_HOST_ORIGINS: 'http://127.0.0.1:4100, https://host.test:8443' },
    });
    try {
      const res = await app.api().get('/api/config');
      expect(res.headers.get('content-security-policy')).toMatch(
        /frame-ancestors [^;]*http:\/\/127\.0\.0\.1:4100 https:\/\/host\.test:8443/,
      );
      expect(res.body.teamsExtraHostOrigins).toEqual(['http://127.0.0.1:4100', 'https://host.test:8443']);
      expect(res.body.devSignIn).toBe(true);
    } finally {
      await app.close();
    }
  });
});
