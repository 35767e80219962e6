import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { describeDemo, seedDemo } from './demo/seedDemo.js';
import { createEngagementService } from './engagements/createEngagementService.js';
import { createAttachmentStore, type AttachmentStore } from './attachments/attachmentStore.js';
import { createPostgresAttachmentStore } from './attachments/postgresAttachmentStore.js';
import { attachmentExtension, attachmentQuotaOf } from './http/attachmentRoutes.js';
import { breakoutExtension } from './http/breakoutRoutes.js';
import { livekitWebhookExtension } from './http/livekitWebhookRoute.js';
import { createLogger, prettyAvailable } from './http/logger.js';
import { createLiveKitAdapter } from './integrations/livekit.js';
import { AppError } from './appError.js';
import type { EventStore } from './store/EventStore.js';
import { createPostgresCommitFeed } from './store/postgresCommitFeed.js';
import { createPostgresLease } from './store/postgresLease.js';
import { openPostgresEventStore } from './store/postgresEventStore.js';
import { openSqliteEventStore } from './store/sqliteEventStore.js';
import { createSqliteReadinessProbe } from './store/sqliteReadinessProbe.js';
import { summaryExtension } from './http/summaryRoutes.js';
import { describeMissingFonts, missingFonts } from './summary/render/pdfFonts.js';
import { attachmentExistsIn, processExtension } from './http/processRoutes.js';
import { createProcessService } from './processes/createProcessService.js';

// Composes config → store → engagement service → app, listens, and shuts down gracefully (docs/reliability.md):
// stop accepting, end every stream with a jittered retry, drain in-flight commands, close the database,
// and exit before a hard deadline.

const SHUTDOWN_DEADLINE_MS = 10_000;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      console.error('See .env.example for every setting and its meaning.');
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
// Human-readable logs in development, where pino-pretty (a development dependency) is installed; JSON lines elsewhere.
const logger = createLogger(config.logLevel, { pretty: config.nodeEnv === 'development' && prettyAvailable() });

/** PostgreSQL with DATABASE_URL, else SQLite in DATA_DIR; a database that cannot be reached stops the start in plain words. */
async function openStore(): Promise<EventStore> {
  if (!config.databaseUrl) return openSqliteEventStore(join(config.dataDir, 'convene.db'));
  try {
    return await openPostgresEventStore(config.databaseUrl, {
      onIdleError: (error) => logger.warn('A PostgreSQL connection was lost while idle; the pool replaces it', { error: error.message }),
    });
  } catch (error) {
    const why = error instanceof AppError ? error.detail : error instanceof Error ? error.message : String(error);
    console.error(`Cannot open the event log in PostgreSQL (DATABASE_URL): ${why}`);
    process.exit(1);
  }
}

// DATA_DIR holds attachments on SQLite (in PostgreSQL with DATABASE_URL) and, without SESSION_SECRET, the session key.
mkdirSync(config.dataDir, { recursive: true });
const store = await openStore();
// The demo is seeded on a first start only: an empty log.
const engagementIds = await store.engagementIds();
const firstStart = engagementIds.length === 0;
// Breakouts: join tokens, and LiveKit webhooks → attendance (the service knows which engagement a round is of).
const livekit = config.livekit ? createLiveKitAdapter(config.livekit) : null;
// Several instances: one at a time checks running rounds' attendance against LiveKit (a lease in PostgreSQL).
const reconcilerLease =
  livekit && store.kind === 'postgres' && config.databaseUrl
    ? createPostgresLease({ url: config.databaseUrl, name: 'attendance-reconciler', applicationName: `convene-lease-${process.pid}` })
    : null;
const engagements = await createEngagementService({
  store,
  log: (message, error) => logger.error(message, { error: error instanceof Error ? (error.stack ?? error.message) : error }),
  clock: systemClock,
  // LIMIT-*: what one participant may use of an engagement.
  participantLimits: config.limits,
  // BREAKOUT-21: rooms open before a round starts and close when it ends.
  media: livekit,
  // BREAKOUT-28: a running round's attendance is checked against LiveKit's lists, as webhooks get lost.
  reconcileAttendanceEveryMs: config.livekitReconcileSeconds * 1000,
  reconcileOnlyWhen: reconcilerLease ? () => reconcilerLease.held() : undefined,
  // Several instances on one PostgreSQL: one LISTEN connection hears the others' commits (docs/reliability.md).
  commitFeed:
    store.kind === 'postgres' && config.databaseUrl
      ? (handlers) =>
          createPostgresCommitFeed({
            url: config.databaseUrl!,
            store,
            ...handlers,
            // Named per process, so that an operator (and the drills) can tell each instance's LISTEN connection apart.
            applicationName: `convene-listen-${process.pid}`,
            log: (message, error) => logger.warn(message, { error: error instanceof Error ? error.message : error }),
          })
      : undefined,
});
// One attachment store for uploads and for the summary's links to them.
// With DATABASE_URL in PostgreSQL, so that every instance reads what was uploaded to any of them. (The
// attachment quotas of LIMIT-4 are counted by the file store; the PostgreSQL store does not count them yet.)
const attachments: AttachmentStore & { close?: () => Promise<void> } =
  store.kind === 'postgres' && config.databaseUrl
    ? createPostgresAttachmentStore({ url: config.databaseUrl, maxBytes: config.attachmentMaxBytes, now: () => systemClock.now() })
    : createAttachmentStore({
        dataDir: config.dataDir,
        maxBytes: config.attachmentMaxBytes,
        now: () => systemClock.now(),
        quota: attachmentQuotaOf(config),
      });
// Processes (docs/processes.md): the same store and commit stage; their checks read the engagements in memory.
const processes = await createProcessService({
  store,
  clock: systemClock,
  log: (message, error) => logger.error(message, { error: error instanceof Error ? (error.stack ?? error.message) : error }),
  engagementState: (id) => engagements.stateOf(id),
  attachmentExists: (processId, attachmentId) => attachmentExistsIn(attachments, processId, attachmentId),
});
const extensions = [
  breakoutExtension({ adapter: livekit }),
  livekitWebhookExtension({ adapter: livekit }),
  attachmentExtension(attachments),
  summaryExtension(attachments),
  processExtension(processes, attachments),
];
const { app, streams } = createApp({
  config,
  engagements,
  clock: systemClock,
  logger,
  storage: store.kind,
  // SQLite: a fresh read-only connection (the writer's open file would hide a broken one); PostgreSQL: a
  // primary-key lookup through the pool, which fails as soon as the database does not answer.
  checkStorage:
    store.kind === 'sqlite'
      ? createSqliteReadinessProbe(join(config.dataDir, 'convene.db'))
      : async () => {
          await store.loadSnapshot('readiness-probe');
        },
  extensions,
});

const server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  announce(
    `Convene listens on http://${config.host}:${port} (${config.nodeEnv}; ${store.kind === 'postgres' ? 'event log in PostgreSQL, files' : 'data'} in ${config.dataDir}).`,
    {
      publicUrl: config.publicUrl,
      sso: config.sso ? 'on' : 'off (ENTRA_CLIENT_ID unset)',
      livekit: config.livekit ? 'configured' : 'not configured',
    },
  );
  // The PDF's fonts come from npm packages (issue 11): a script that cannot be drawn is said once, here.
  const missing = missingFonts();
  const fonts = describeMissingFonts(missing);
  if (fonts) logger.warn(fonts, { missingFonts: missing.map((m) => m.packageName) });
  if (config.nodeEnv === 'development') void seedIfFirstStart();
});
server.on('error', (error) => {
  logger.error(`Cannot listen on ${config.host}:${config.port}: ${error.message}`);
  process.exit(1);
});

/**
 * The listen address is said whatever LOG_LEVEL is (operators and test harnesses read the port from it),
 * as a JSON line of the same shape as the logger's.
 */
function announce(message: string, fields: Record<string, unknown>): void {
  if (logger.pino.isLevelEnabled('info')) logger.info(message, fields);
  else process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), ...fields, msg: message })}\n`);
}

async function seedIfFirstStart(): Promise<void> {
  if (!firstStart) return;
  try {
    const demo = await seedDemo({ engagements, clock: systemClock, publicUrl: config.publicUrl });
    console.log(describeDemo(demo, config.publicUrl));
  } catch (error) {
    logger.warn('The demo engagement could not be created', { error: error instanceof Error ? error.message : String(error) });
  }
}

let shuttingDown = false;
async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info(`${signal}: shutting down`);
  const deadline = setTimeout(() => {
    logger.error('Shutdown took too long; closing every connection');
    server.closeAllConnections();
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  deadline.unref();

  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Streams are not idle: server.close() alone would wait for them forever. Processes first: the
  // engagement service closes the store they share.
  await processes.close();
  await engagements.close();
  streams.endAll('server shutting down');
  // Ended streams become idle keep-alive sockets a moment later: keep reaping until the server is closed.
  server.closeIdleConnections();
  const reaper = setInterval(() => server.closeIdleConnections(), 100);
  await closed;
  clearInterval(reaper);
  await store.close();
  await attachments.close?.();
  await reconcilerLease?.close();
  clearTimeout(deadline);
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
