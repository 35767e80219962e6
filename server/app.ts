import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { AppError } from './appError.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { EngagementService } from './engagements/EngagementService.js';
import type { ApiExtension, OpenApiAdditions } from './http/ApiExtension.js';
import { createAnonymousRateLimit } from './http/anonymousRateLimit.js';
import { createAuthenticator, type Authenticator } from './http/auth.js';
import { createAuthRouter } from './http/authRoutes.js';
import { createEngagementRouter } from './http/engagementRoutes.js';
import { createHealthRouter } from './http/healthRoutes.js';
import { createLogger, type Logger } from './http/logger.js';
import { buildOpenApiDocument } from './http/openApi.js';
import { problemHandler, sendProblem } from './http/problem.js';
import { requestLogger } from './http/requestLogger.js';
import { securityHeaders } from './http/securityHeaders.js';
import { createSessionTokens, loadOrCreateSessionKey, type SessionTokens } from './http/sessionTokens.js';
import { createSignInRateLimit, DEFAULT_SIGN_IN_LIMIT, type SignInLimit } from './http/signInRateLimit.js';
import { createStaticTab } from './http/staticTab.js';
import { createStreamRouter, type OpenStreams } from './http/streamRoute.js';
import { createTeamsSsoVerifier, type TeamsSsoVerifier } from './integrations/teamsSso.js';

// createApp(deps): the whole HTTP edge, for main and for tests (which start it on port 0). Composition
// only; no rule lives here.

export const JSON_BODY_LIMIT = '256kb';

export const APP_VERSION: string = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')).version;

export type { ApiContext, ApiExtension, OpenApiAdditions } from './http/ApiExtension.js';

export interface AppDeps {
  config: Config;
  engagements: EngagementService;
  clock: Clock;
  logger?: Logger;
  /** Default: built from `config.sso` (null when SSO is off). */
  sso?: TeamsSsoVerifier | null;
  /** Default: SESSION_SECRET or the key kept in DATA_DIR. */
  sessionKey?: Uint8Array;
  /** Default: `plugin/dist`; null serves no tab. */
  staticDir?: string | null;
  signInLimit?: SignInLimit;
  heartbeatMs?: number;
  extensions?: ApiExtension[];
  /** What /api/health reports (the event store's kind). Default: sqlite. */
  storage?: 'sqlite' | 'postgres';
  /** What /api/ready runs: resolves when the store answers a query, throws when not. Default: always ready. */
  checkStorage?: () => Promise<void> | void;
}

export interface ConveneApp {
  app: Express;
  sessions: SessionTokens;
  authenticator: Authenticator;
  streams: OpenStreams;
  logger: Logger;
}

const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../plugin/dist', import.meta.url));

export function createApp(deps: AppDeps): ConveneApp {
  const { config, engagements, clock } = deps;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const sso = deps.sso !== undefined ? deps.sso : config.sso ? createTeamsSsoVerifier(config.sso, config.publicUrl, clock) : null;
  const sessions = createSessionTokens(deps.sessionKey ?? loadOrCreateSessionKey(config.dataDir, config.sessionSecret), clock);
  const authenticator = createAuthenticator({ sessions, sso });
  const devSignIn = !config.isProduction;

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('etag', false);
  app.use(requestLogger(logger));
  app.use(securityHeaders(config));

  const api = express.Router();
  api.use((_req, res, next) => {
    // API answers are per caller and change with every event: never cache them.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // LIMIT-6: before the body is parsed, so that a refused request costs nothing more.
  api.use(createAnonymousRateLimit(config.limits.anonymousRequestsPerMinute));
  api.use(express.json({ limit: JSON_BODY_LIMIT, type: 'application/json', strict: true }));

  const livekit = config.livekit ? 'configured' : 'not-configured';
  api.use(createHealthRouter({ version: APP_VERSION, storage: deps.storage ?? 'sqlite', livekit, checkStorage: deps.checkStorage }));
  api.get('/config', (_req, res) => {
    res.json({
      version: APP_VERSION,
      devSignIn,
      sso: config.sso
        ? { clientId: config.sso.clientId, applicationIdUri: `api://${new URL(config.publicUrl).host}/${config.sso.clientId}` }
        : null,
      teamsExtraHostOrigins: config.teamsExtraHostOrigins,
      livekit,
    });
  });
  const openApiAdditions: OpenApiAdditions[] = [];
  const pages: express.Router[] = [];
  let openApi: Record<string, unknown> | null = null;
  api.get('/openapi.json', (_req, res) => {
    openApi ??= buildOpenApiDocument({ version: APP_VERSION, publicUrl: config.publicUrl, devSignIn, additions: openApiAdditions });
    res.json(openApi);
  });

  const signInLimit = createSignInRateLimit(deps.signInLimit ?? DEFAULT_SIGN_IN_LIMIT);
  api.use(createAuthRouter({ devSignIn, engagements, sessions, authenticator, signInLimit }));
  // Several instances on one database: an engagement created on another instance is loaded before any route
  // naming it answers (after the sign-in check, so that no anonymous request reads the database). SQLite has one
  // process: nothing to look up.
  if (deps.storage === 'postgres') {
    api.use('/engagements/:id', authenticator.requireUser, (req, _res, next) => {
      engagements.lookUp(String(req.params.id)).then(() => next(), next);
    });
  }
  // The stream goes before the JSON routes of the same prefix only for clarity; paths do not overlap.
  const stream = createStreamRouter({
    engagements,
    clock,
    authenticator,
    heartbeatMs: deps.heartbeatMs,
    maxStreams: config.limits.streamsPerInstance,
  });
  api.use(stream.router);
  api.use(createEngagementRouter({ engagements, clock, authenticator, publicUrl: config.publicUrl }));
  for (const extend of deps.extensions ?? []) {
    const added = extend({ router: api, requireUser: authenticator.requireUser, config, clock, engagements, logger });
    if (added?.openApi) openApiAdditions.push(added.openApi);
    if (added?.pages) pages.push(added.pages);
  }
  api.use((req, res) => {
    sendProblem(res, new AppError('NOT_FOUND', `There is no ${req.method} ${req.baseUrl}${req.path} in this API; see /api/openapi.json.`));
  });
  api.use(problemHandler(logger));
  app.use('/api', api);
  for (const page of pages) app.use(page);

  const staticDir = deps.staticDir === undefined ? DEFAULT_STATIC_DIR : deps.staticDir;
  if (staticDir) app.use(createStaticTab(staticDir));
  app.use((req, res) => {
    sendProblem(res, new AppError('NOT_FOUND', `There is nothing at ${req.method} ${req.path}.`));
  });
  app.use(problemHandler(logger));

  return { app, sessions, authenticator, streams: stream.streams, logger };
}
