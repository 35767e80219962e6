// The environment, parsed once at start-up (docs/architecture.md style 8). `process.env` is read here and nowhere
// else; every other module receives a `Config`. A bad environment lists every problem at once, so an
// operator fixes them in one go instead of one restart per mistake.
import { resolve } from 'node:path';
import { z } from 'zod';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());
const list = (item: z.ZodType<string>, what: string) =>
  z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : (value ?? []),
    z.array(item.describe(what)),
  );

/** A whole number of things, at least 1. */
const count = (fallback: number) => z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1_000_000_000).default(fallback));

/** An exact origin: `scheme://host[:port]`, no path, no wildcard. */
const Origin = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}, 'must be an exact origin such as https://host.example:8443 (scheme, host and port only)');

const EnvSchema = z.object({
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65_535).default(3978)),
  HOST: z.preprocess(blankToUndefined, z.string().default('127.0.0.1')),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
  PUBLIC_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  NODE_ENV: z.preprocess(blankToUndefined, z.enum(['development', 'production', 'test']).default('development')),
  ENTRA_CLIENT_ID: z.preprocess(blankToUndefined, z.string().regex(GUID, 'must be the app registration’s client id (a GUID)').optional()),
  ENTRA_TENANTS: list(z.string().regex(GUID, 'each tenant must be a GUID'), 'tenant id'),
  ENTRA_JWKS_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  LIVEKIT_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^(wss?|https?)$/ }).optional()),
  LIVEKIT_API_KEY: optionalString,
  LIVEKIT_API_SECRET: optionalString,
  LIVEKIT_RECONCILE_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(3600).default(60)),
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL URL such as postgres://convene:secret@db.example:5432/convene')
      .optional(),
  ),
  TEAMS_EXTRA_HOST_ORIGINS: list(Origin, 'origin'),
  SESSION_SECRET: z.preprocess(blankToUndefined, z.string().min(32, 'must be at least 32 characters of randomness').optional()),
  ATTACHMENT_MAX_BYTES: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int()
      .min(1024)
      .max(1024 ** 3)
      .default(10 * 1024 * 1024),
  ),
  COMMAND_BURST: count(5),
  COMMAND_RATE_PER_SECOND: z.preprocess(blankToUndefined, z.coerce.number().positive().max(1_000_000).default(1)),
  INPUTS_PER_PARTICIPANT: count(20),
  ATTACHMENTS_PER_PARTICIPANT: count(10),
  ATTACHMENT_TOTAL_BYTES_PER_ENGAGEMENT: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int()
      .min(1024)
      .max(1024 ** 4)
      .default(500 * 1024 * 1024),
  ),
  STREAMS_PER_PARTICIPANT: count(5),
  STREAMS_PER_STAFF: count(20),
  STREAMS_PER_INSTANCE: count(10_000),
  ANONYMOUS_REQUESTS_PER_MINUTE: count(600),
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional()),
  TRUST_PROXY: optionalString,
});

/** Every variable the server reads (`.env.example` documents each one). */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape);

/**
 * Rules between variables, checked on the raw values so that they are reported together with the
 * per-variable problems (a zod refinement would run only once every field parsed).
 */
function crossFieldProblems(raw: Record<string, string | undefined>): string[] {
  const set = (name: string) => (raw[name] ?? '').trim() !== '';
  const problems: string[] = [];
  const livekit = ['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET'].filter(set).length;
  if (livekit !== 0 && livekit !== 3) {
    problems.push('LIVEKIT_URL: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET together, or none of them');
  }
  if (set('ENTRA_CLIENT_ID') && !set('ENTRA_TENANTS')) {
    problems.push('ENTRA_TENANTS: Teams SSO needs the allowed tenant ids (comma-separated GUIDs) when ENTRA_CLIENT_ID is set');
  }
  if (!set('ENTRA_CLIENT_ID') && (set('ENTRA_TENANTS') || set('ENTRA_JWKS_URL'))) {
    problems.push('ENTRA_CLIENT_ID: ENTRA_TENANTS / ENTRA_JWKS_URL are set but ENTRA_CLIENT_ID is not: set it to turn Teams SSO on');
  }
  if (set('DATABASE_URL') && !set('SESSION_SECRET')) {
    problems.push(
      'SESSION_SECRET: required with DATABASE_URL: every instance must sign and check sessions with the same key (at least 32 random characters, e.g. `openssl rand -base64 48`)',
    );
  }
  if ((raw.NODE_ENV ?? '').trim() === 'production' && set('PUBLIC_URL') && !raw.PUBLIC_URL!.trim().startsWith('https://')) {
    problems.push('PUBLIC_URL: must be an https:// origin in production (Teams only frames HTTPS)');
  }
  return problems;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface SsoConfig {
  clientId: string;
  tenants: string[];
  jwksUrl: string;
}

export interface LiveKitConfig {
  url: string;
  apiKey: string;
  apiSecret: string;
}

/** What one person may use on this server (SPEC LIMIT-*; docs/api.md "Limits"). */
export interface UsageLimits {
  /** LIMIT-1: a participant's command bucket per engagement: its size and its refill per second. */
  commandBurst: number;
  commandRatePerSecond: number;
  /** LIMIT-3: written inputs per participant per engagement (staff unlimited). */
  inputsPerParticipant: number;
  /** LIMIT-4: attachments uploaded per participant per engagement, and bytes per engagement. */
  attachmentsPerParticipant: number;
  attachmentTotalBytesPerEngagement: number;
  /** LIMIT-5: open live streams per person per engagement (participants, staff) and per instance. */
  streamsPerParticipant: number;
  streamsPerStaff: number;
  streamsPerInstance: number;
  /** LIMIT-6: requests without a valid sign-in, per client address per minute. */
  anonymousRequestsPerMinute: number;
}

export interface Config {
  port: number;
  host: string;
  /** Absolute. */
  dataDir: string;
  /** Origin (and optional path) without a trailing slash, e.g. `https://convene.example.org`. */
  publicUrl: string;
  nodeEnv: 'development' | 'production' | 'test';
  isProduction: boolean;
  /** null: Teams SSO off. */
  sso: SsoConfig | null;
  /** null: breakouts run without media. */
  livekit: LiveKitConfig | null;
  /** Seconds between reconciles of a running round's attendance with LiveKit's participant lists (0: off). */
  livekitReconcileSeconds: number;
  /** PostgreSQL (several instances on one database); null: SQLite in DATA_DIR (one instance). */
  databaseUrl: string | null;
  /** Extra origins allowed to host the tab (never in production). */
  teamsExtraHostOrigins: string[];
  /** null: a key is generated once and kept in DATA_DIR. */
  sessionSecret: string | null;
  attachmentMaxBytes: number;
  limits: UsageLimits;
  logLevel: LogLevel;
  /** Express `trust proxy`: false, true, a hop count, or a list such as `loopback`. */
  trustProxy: boolean | number | string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws a ConfigError that lists every problem. */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`)),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const tenants = e.ENTRA_TENANTS.map((t) => t.toLowerCase());
  const defaultJwks =
    tenants.length === 1
      ? `https://login.microsoftonline.com/${tenants[0]}/discovery/v2.0/keys`
      : 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(cwd, e.DATA_DIR),
    publicUrl,
    nodeEnv: e.NODE_ENV,
    isProduction,
    sso: e.ENTRA_CLIENT_ID ? { clientId: e.ENTRA_CLIENT_ID.toLowerCase(), tenants, jwksUrl: e.ENTRA_JWKS_URL ?? defaultJwks } : null,
    livekit:
      e.LIVEKIT_URL && e.LIVEKIT_API_KEY && e.LIVEKIT_API_SECRET
        ? { url: e.LIVEKIT_URL, apiKey: e.LIVEKIT_API_KEY, apiSecret: e.LIVEKIT_API_SECRET }
        : null,
    livekitReconcileSeconds: e.LIVEKIT_RECONCILE_SECONDS,
    databaseUrl: e.DATABASE_URL ?? null,
    teamsExtraHostOrigins: isProduction ? [] : e.TEAMS_EXTRA_HOST_ORIGINS.map((o) => o.replace(/\/$/, '')),
    sessionSecret: e.SESSION_SECRET ?? null,
    attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    limits: {
      commandBurst: e.COMMAND_BURST,
      commandRatePerSecond: e.COMMAND_RATE_PER_SECOND,
      inputsPerParticipant: e.INPUTS_PER_PARTICIPANT,
      attachmentsPerParticipant: e.ATTACHMENTS_PER_PARTICIPANT,
      attachmentTotalBytesPerEngagement: e.ATTACHMENT_TOTAL_BYTES_PER_ENGAGEMENT,
      streamsPerParticipant: e.STREAMS_PER_PARTICIPANT,
      streamsPerStaff: e.STREAMS_PER_STAFF,
      streamsPerInstance: e.STREAMS_PER_INSTANCE,
      anonymousRequestsPerMinute: e.ANONYMOUS_REQUESTS_PER_MINUTE,
    },
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'warn' : 'info'),
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** The one read of `process.env`. */
export function loadConfig(): Config {
  return parseConfig(process.env);
}
