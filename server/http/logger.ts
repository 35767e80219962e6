import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from '../config.js';

// Structured logs: one JSON object a line (pino), on stdout, at LOG_LEVEL. Callers log reasons and ids,
// never a token, a code or a request body (ASVS 16.2.5); redaction is the second line of defence: the
// Authorization and Cookie headers and every `code` field (invitation codes) are censored wherever they
// appear. Problem codes are therefore logged as `problemCode`. Human-readable (pino-pretty) only in
// development, and only where pino-pretty (a development dependency) is installed.

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** The pino logger underneath, for pino-http. */
  readonly pino: PinoLogger;
}

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.query.code',
  'code',
  '*.code',
  '*.*.code',
  'token',
  '*.token',
];

export interface LoggerOptions {
  /** Where the JSON lines go (tests capture them). Default: stdout. */
  destination?: DestinationStream;
  /** Pretty-print through pino-pretty (development only). Default: false. */
  pretty?: boolean;
}

/** Whether pino-pretty can be loaded here (it is not, in a production install). */
export function prettyAvailable(): boolean {
  try {
    import.meta.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

export function createLogger(level: LogLevel, options: LoggerOptions = {}): Logger {
  const settings = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: undefined };
  const logger = options.pretty
    ? pino({ ...settings, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } } })
    : options.destination
      ? pino(settings, options.destination)
      : pino(settings);
  return wrap(logger);
}

export function wrap(logger: PinoLogger): Logger {
  return {
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
    pino: logger,
  };
}
