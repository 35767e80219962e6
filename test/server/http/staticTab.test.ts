import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/createTestApp.js';
import type { FakeClock } from '../../support/fakeClock.js';

// The built tab, served by the API server: SPA fallback for deep links such as /join#code=…, the
// framing policy on `/` too (new Outlook checks the site root), and /api never swallowed by the fallback.

const BUNDLE = `export const greeting = ${JSON.stringify('hello '.repeat(400))};\n`;

/** A raw GET (fetch would decode the body and hide the encoding): status, headers and the bytes as sent. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('serving the tab', () => {
  let app: TestApp<FakeClock>;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'convene-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Convene</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'bundle-5678.js'), BUNDLE);
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

  it('given a browser that takes brotli, then a hashed asset goes out brotli-compressed, still cached for good', async () => {
    const res = await rawGet(`${app.baseUrl}/assets/bundle-5678.js`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.body.length).toBeLessThan(BUNDLE.length / 4);
    expect(brotliDecompressSync(res.body).toString()).toBe(BUNDLE);
  });

  it('given a browser that takes only gzip, then gzip; given none (or br;q=0), then the file as it is', async () => {
    const gzipped = await rawGet(`${app.baseUrl}/assets/bundle-5678.js`, { 'accept-encoding': 'gzip, br;q=0' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe(BUNDLE);
    const plain = await rawGet(`${app.baseUrl}/assets/bundle-5678.js`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(BUNDLE);
  });

  it("given a path that climbs out of /assets, then it is not served with an asset's cache policy", async () => {
    const res = await rawGet(`${app.baseUrl}/assets/%2e%2e/index.html`, { 'accept-encoding': 'br' });
    expect(res.headers['cache-control']).not.toContain('immutable');
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('given an unknown /api path, then the fallback does not answer it: 404 problem+json', async () => {
    const res = await fetch(`${app.baseUrl}/api/unknown`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
