import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/createTestApp.js';
import type { FakeClock } from '../../support/fakeClock.js';

// The built tab, served by the API server: SPA fallback for deep links such as /join#code=…, the
// framing policy on `/` too (new Outlook checks the site root), and /api never swallowed by the fallback.

describe('serving the tab', () => {
  let app: TestApp<FakeClock>;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'convene-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Convene</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    app = await createTestApp({ staticDir: dist });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('given GET /, then index.html with the Teams frame-ancestors and no X-Frame-Options', async () => {
    const res = await fetch(`${app.baseUrl}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('given a deep link (/join, /meeting/x), then index.html (the tab routes itself)', async () => {
    for (const path of ['/join', '/meeting/abc']) {
      const res = await fetch(`${app.baseUrl}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>Convene</title>');
    }
  });

  it('given a hashed asset, then it is cached for good', async () => {
    const res = await fetch(`${app.baseUrl}/assets/app-1234.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('given an unknown /api path, then the fallback does not answer it: 404 problem+json', async () => {
    const res = await fetch(`${app.baseUrl}/api/unknown`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
