import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { describeDemo, seedDemo } from './demo/seedDemo.js';
import { createEngagementService } from './engagements/createEngagementService.js';
import { createAttachmentStore } from './attachments/attachmentStore.js';
import { attachmentExtension } from './http/attachmentRoutes.js';
import { breakoutExtension } from './http/breakoutRoutes.js';
import { livekitWebhookExtension } from './http/livekitWebhookRoute.js';
import { createLogger } from './http/logger.js';
import { createLiveKitAdapter } from './integrations/livekit.js';
import { openSqliteEventStore } from './store/sqliteEventStore.js';
import { summaryExtension } from './http/summaryRoutes.js';

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
const logger = createLogger(config.logLevel);

if (config.databaseUrl) {
  console.error(
    'DATABASE_URL is set, but PostgreSQL storage is not implemented yet in this version of Convene.\n' +
      'Unset DATABASE_URL to use the embedded SQLite store in DATA_DIR (one instance).',
  );
  process.exit(1);
}

mkdirSync(config.dataDir, { recursive: true });
const store = openSqliteEventStore(join(config.dataDir, 'convene.db'));
// The demo is seeded on a first start only: an empty log.
const engagementIds = await store.engagementIds();
const firstStart = engagementIds.length === 0;
// Breakouts: join tokens, and LiveKit webhooks → attendance (the service knows which engagement a round is of).
const livekit = config.livekit ? createLiveKitAdapter(config.livekit) : null;
const engagements = await createEngagementService({
  store,
  clock: systemClock,
  // BREAKOUT-21: rooms open before a round starts and close when it ends.
  media: livekit,
  // BREAKOUT-28: a running round's attendance is checked against LiveKit's lists, as webhooks get lost.
  reconcileAttendanceEveryMs: config.livekitReconcileSeconds * 1000,
});
// One attachment store for uploads and for the summary's links to them.
const attachments = createAttachmentStore({ dataDir: config.dataDir, maxBytes: config.attachmentMaxBytes, now: () => systemClock.now() });
const extensions = [
  breakoutExtension({ adapter: livekit }),
  livekitWebhookExtension({ adapter: livekit }),
  attachmentExtension(attachments),
  summaryExtension(attachments),
];
const { app, streams } = createApp({ config, engagements, clock: systemClock, logger, storage: store.kind, extensions });

const server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Convene listens on http://${config.host}:${port} (${config.nodeEnv}; data in ${config.dataDir}).`);
  console.log(`Public URL: ${config.publicUrl}${config.sso ? '' : '   Teams SSO: off (ENTRA_CLIENT_ID unset)'}${config.livekit ? '' : '   LiveKit: not configured'}`);
  if (config.nodeEnv === 'development') void seedIfFirstStart();
});
server.on('error', (error) => {
  console.error(`Cannot listen on ${config.host}:${config.port}: ${error.message}`);
  process.exit(1);
});

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
  // Streams are not idle: server.close() alone would wait for them forever.
  await engagements.close();
  streams.endAll('server shutting down');
  // Ended streams become idle keep-alive sockets a moment later: keep reaping until the server is closed.
  server.closeIdleConnections();
  const reaper = setInterval(() => server.closeIdleConnections(), 100);
  await closed;
  clearInterval(reaper);
  await store.close();
  clearTimeout(deadline);
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
