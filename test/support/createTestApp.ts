import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { createApp, type ApiExtension } from '../../server/app.js';
import type { Clock } from '../../server/clock.js';
import { parseConfig, type Config } from '../../server/config.js';
import {
  createEngagementService,
  type EngagementServiceDeps,
  type ObservableEngagementService,
} from '../../server/engagements/createEngagementService.js';
import type { SignInLimit } from '../../server/http/signInRateLimit.js';
import type { TeamsSsoOptions } from '../../server/integrations/teamsSso.js';
import { createTeamsSsoVerifier } from '../../server/integrations/teamsSso.js';
import { breakoutExtension } from '../../server/http/breakoutRoutes.js';
import { livekitWebhookExtension } from '../../server/http/livekitWebhookRoute.js';
import { createLiveKitAdapter, type LiveKitAdapter, type LiveKitConfig } from '../../server/integrations/livekit.js';
import type { EventStore } from '../../server/store/EventStore.js';
import { openSqliteEventStore } from '../../server/store/sqliteEventStore.js';
import { createAttachmentStore } from '../../server/attachments/attachmentStore.js';
import { attachmentExistsIn, processExtension } from '../../server/http/processRoutes.js';
import { createProcessService } from '../../server/processes/createProcessService.js';
import type { ProcessService } from '../../server/processes/ProcessService.js';
import { FakeClock } from './fakeClock.js';
import { GENEROUS_LIMITS } from './generousLimits.js';

// The real app over real HTTP on port 0, with real SQLite in a temporary DATA_DIR. Nothing of Convene
// is mocked; only time can be a FakeClock.

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  contentType: string;
  body: T;
  text: string;
}

export interface ApiClient {
  get<T = any>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  /** POST /api/engagements/:id/commands. */
  command<T = any>(engagementId: string, command: Record<string, unknown>): Promise<ApiResponse<T>>;
  /** POST /api/processes/:processId/commands. */
  processCommand<T = any>(processId: string, command: Record<string, unknown>): Promise<ApiResponse<T>>;
  /** POST a multipart body with one file in the field `file`. */
  upload<T = any>(path: string, file: { name: string; bytes: Uint8Array | string; type?: string }): Promise<ApiResponse<T>>;
}

export interface TestApp<C extends Clock = Clock> {
  baseUrl: string;
  clock: C;
  config: Config;
  engagements: ObservableEngagementService;
  /** The processes' write path, on the same store (docs/processes.md). */
  processes: ProcessService;
  store: EventStore;
  dataDir: string;
  /** The LiveKit adapter given to the service as `media` (null without the `livekit` option). */
  media: LiveKitAdapter | null;
  /** Dev sign-in; returns the bearer token. */
  signIn(displayName: string): Promise<string>;
  api(token?: string): ApiClient;
  close(): Promise<void>;
}

export interface TestAppOptions<C extends Clock> {
  clock?: C;
  /** Environment variables on top of the test defaults (NODE_ENV=test, a temp DATA_DIR, PUBLIC_URL). */
  env?: Record<string, string>;
  /** Options of the Teams SSO verifier built from ENTRA_* (tests that rotate keys use cooldown 0). */
  ssoOptions?: TeamsSsoOptions;
  signInLimit?: SignInLimit;
  heartbeatMs?: number;
  extensions?: ApiExtension[];
  /** Side effects after each commit (EngagementServiceDeps.onCommitted). */
  onCommitted?: EngagementServiceDeps['onCommitted'];
  /** The event log (default: SQLite in the temporary DATA_DIR). The caller closes a store it passes. */
  store?: EventStore;
  limits?: EngagementServiceDeps['limits'];
  /** Several instances on one PostgreSQL: the LISTEN feed (EngagementServiceDeps.commitFeed). */
  commitFeed?: EngagementServiceDeps['commitFeed'];
  /** The built tab to serve (default: none). */
  staticDir?: string;
  /**
   * A LiveKit server (e.g. the double): sets LIVEKIT_* and composes media as main.ts does — the adapter is
   * the service's `media` (rooms open before a round starts, close when it ends) and, unless `extensions`
   * are given, both breakout extensions use it; the service indexes the rounds itself.
   */
  livekit?: LiveKitConfig;
}

export const TEST_PUBLIC_URL = 'https://convene.test';

export async function createTestApp(): Promise<TestApp<FakeClock>>;
export async function createTestApp<C extends Clock>(options: TestAppOptions<C> & { clock: C }): Promise<TestApp<C>>;
export async function createTestApp(options: TestAppOptions<Clock>): Promise<TestApp<FakeClock>>;
export async function createTestApp(options: TestAppOptions<Clock> = {}): Promise<TestApp<Clock>> {
  const clock: Clock = options.clock ?? new FakeClock();
  const dataDir = mkdtempSync(join(tmpdir(), 'convene-http-'));
  const livekitEnv = options.livekit
    ? { LIVEKIT_URL: options.livekit.url, LIVEKIT_API_KEY: options.livekit.apiKey, LIVEKIT_API_SECRET: options.livekit.apiSecret }
    : {};
  const config = parseConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: '0',
    PUBLIC_URL: TEST_PUBLIC_URL,
    LOG_LEVEL: 'silent',
    ...GENEROUS_LIMITS,
    ...livekitEnv,
    ...options.env,
  });
  const store = options.store ?? openSqliteEventStore(join(dataDir, 'convene.db'));
  const media = options.livekit ? createLiveKitAdapter(options.livekit) : null;
  const engagements = await createEngagementService({
    store,
    clock,
    log: () => undefined,
    onCommitted: options.onCommitted,
    media,
    limits: options.limits,
    participantLimits: config.limits,
    commitFeed: options.commitFeed,
  });
  // Processes are always composed, as main.ts does, with their own attachment store in DATA_DIR.
  const processAttachments = createAttachmentStore({ dataDir, maxBytes: config.attachmentMaxBytes, now: () => clock.now() });
  const processes = await createProcessService({
    store,
    clock,
    log: () => undefined,
    engagementState: (id) => engagements.stateOf(id),
    attachmentExists: (processId, attachmentId) => attachmentExistsIn(processAttachments, processId, attachmentId),
  });
  const extensions = [
    ...(options.extensions ?? (media ? [breakoutExtension({ adapter: media }), livekitWebhookExtension({ adapter: media })] : [])),
    processExtension(processes, processAttachments),
  ];
  const sso = config.sso ? createTeamsSsoVerifier(config.sso, config.publicUrl, clock, options.ssoOptions) : null;
  const { app } = createApp({
    config,
    engagements,
    clock,
    sso,
    staticDir: options.staticDir ?? null,
    signInLimit: options.signInLimit,
    heartbeatMs: options.heartbeatMs,
    extensions,
    storage: store.kind,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const request = async (method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await fetch(baseUrl + path, init);
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    let parsed: unknown = text;
    if (/json/.test(contentType) && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, contentType, body: parsed as any, text };
  };

  const api = (token?: string): ApiClient => ({
    get: (path, headers) => request('GET', path, token, undefined, headers),
    post: (path, body, headers) => request('POST', path, token, body ?? {}, headers),
    command: (engagementId, command) => request('POST', `/api/engagements/${engagementId}/commands`, token, command),
    processCommand: (processId, command) => request('POST', `/api/processes/${processId}/commands`, token, command),
    async upload(path, file) {
      const form = new FormData();
      form.append('file', new Blob([file.bytes as BlobPart], { type: file.type ?? 'application/octet-stream' }), file.name);
      const response = await fetch(baseUrl + path, {
        method: 'POST',
        headers: token ? { authorization: `Bearer ${token}` } : {},
        body: form,
      });
      const text = await response.text();
      const contentType = response.headers.get('content-type') ?? '';
      return {
        status: response.status,
        headers: response.headers,
        contentType,
        body: /json/.test(contentType) && text ? JSON.parse(text) : text,
        text,
      };
    },
  });

  return {
    baseUrl,
    clock,
    config,
    engagements,
    processes,
    store,
    dataDir,
    media,
    api,
    async signIn(displayName) {
      const response = await api().post('/api/auth/dev', { displayName });
      if (response.status !== 200) throw new Error(`dev sign-in failed: ${response.status} ${response.text}`);
      return response.body.token as string;
    },
    async close() {
      await processes.close();
      await engagements.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
