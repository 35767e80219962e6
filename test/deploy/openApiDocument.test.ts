import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createAttachmentStore } from '../../server/attachments/attachmentStore.js';
import { systemClock } from '../../server/clock.js';
import { parseConfig } from '../../server/config.js';
import { createEngagementService } from '../../server/engagements/createEngagementService.js';
import { attachmentExtension } from '../../server/http/attachmentRoutes.js';
import { breakoutExtension } from '../../server/http/breakoutRoutes.js';
import { livekitWebhookExtension } from '../../server/http/livekitWebhookRoute.js';
import { summaryExtension } from '../../server/http/summaryRoutes.js';
import { processExtension } from '../../server/http/processRoutes.js';
import { createProcessService } from '../../server/processes/createProcessService.js';
import { openSqliteEventStore } from '../../server/store/sqliteEventStore.js';

// /api/openapi.json is valid OpenAPI 3.1 (Redocly's recommended rules, 0 errors) and describes exactly the
// routes the app serves: every Express route (the app composed as server/main.ts composes it) is in the
// document, and the document has nothing else.

const dataDir = mkdtempSync(join(tmpdir(), 'convene-openapi-'));
const config = parseConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '0', PUBLIC_URL: 'https://convene.test', LOG_LEVEL: 'silent' });
const store = openSqliteEventStore(join(dataDir, 'convene.db'));
const engagements = await createEngagementService({ store, clock: systemClock, log: () => undefined });
const attachments = createAttachmentStore({ dataDir, maxBytes: 1024, now: () => systemClock.now() });
const processes = await createProcessService({
  store,
  clock: systemClock,
  log: () => undefined,
  engagementState: (id) => engagements.stateOf(id),
  attachmentExists: async () => false,
});
const { app } = createApp({
  config,
  engagements,
  clock: systemClock,
  staticDir: null,
  extensions: [
    breakoutExtension({ adapter: null }),
    livekitWebhookExtension({ adapter: null }),
    attachmentExtension(attachments),
    summaryExtension(attachments),
    processExtension(processes, attachments),
  ],
});

let document: Record<string, any>;
let baseUrl: string;
let close: () => Promise<void>;
beforeAll(async () => {
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
  document = await (await fetch(`${baseUrl}/api/openapi.json`)).json();
});
afterAll(async () => {
  await close();
  await processes.close();
  await engagements.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface LayerLike {
  route?: { path: string; methods: Record<string, boolean> };
  rawPath?: unknown;
  handle: { stack?: LayerLike[] };
}

/** Every `METHOD /path` of the app's router stack, in OpenAPI's `{param}` spelling. */
function expressRoutes(stack: LayerLike[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const path = (prefix + layer.route.path).replace(/:(\w+)/g, '{$1}');
      return Object.keys(layer.route.methods)
        .filter((m) => m !== '_all')
        .map((method) => `${method.toUpperCase()} ${path}`);
    }
    if (layer.handle.stack)
      return expressRoutes(layer.handle.stack, prefix + (typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : ''));
    return [];
  });
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

describe('/api/openapi.json', { timeout: 60_000 }, () => {
  it("given the document, when Redocly's recommended rules lint it, then there is no error", async () => {
    const lintConfig = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config: lintConfig });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
  });

  it('given the app, when its router stack is walked, then every route is in the document and nothing else is', () => {
    const routes = expressRoutes((app as Express & { router: { stack: LayerLike[] } }).router.stack).sort();
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((m) => METHODS.has(m))
          .map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    expect(routes.length).toBeGreaterThan(20);
    expect(documented).toEqual(routes);
  });

  it('given every operation, when read, then it declares its path parameters, its security and a problem+json error response', () => {
    for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      for (const [method, operation] of Object.entries(item).filter(([m]) => METHODS.has(m))) {
        const where = `${method.toUpperCase()} ${path}`;
        const declared = (operation.parameters ?? [])
          .filter((p: { in: string }) => p.in === 'path')
          .map((p: { name: string }) => p.name)
          .sort();
        expect(declared, where).toEqual(names);
        expect(Array.isArray(operation.security), where).toBe(true);
        const errors = Object.entries(operation.responses as Record<string, any>).filter(([status]) => /^[45]/.test(status));
        if (operation.security.length > 0)
          expect(
            errors.map(([status]) => status),
            where,
          ).toContain('401');
        for (const [status, response] of errors)
          expect(Object.keys(response.content ?? {}), `${where} ${status}`).toEqual(['application/problem+json']);
      }
    }
  });

  it('given the six operations that used {id} or {attachmentId} undeclared, when read, then they are secured by the bearer scheme', () => {
    const paths = document.paths as Record<string, Record<string, any>>;
    for (const [path, method] of [
      ['/api/engagements/{id}/attachments', 'post'],
      ['/api/engagements/{id}/attachments/{attachmentId}', 'get'],
      ['/api/engagements/{id}/summary', 'get'],
      ['/api/engagements/{id}/summary/versions', 'get'],
      ['/api/engagements/{id}/summary/publish', 'post'],
    ] as const) {
      expect(paths[path][method].security, `${method} ${path}`).toEqual([{ bearer: [] }]);
    }
    expect(paths['/api/livekit/webhook'].post.security).toEqual([]);
  });
});
