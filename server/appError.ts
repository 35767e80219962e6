// The one error type of the server, with its code table (docs/architecture.md style 7). Everything thrown
// towards a client is an AppError or a DomainError (mapped by `fromDomainError`); the HTTP layer's
// single renderer turns it into application/problem+json. Routes never catch.
import { DomainError } from './domain/errors.js';

export const ERROR_CODES = {
  INVALID_INPUT: { status: 400, title: 'The request is not valid' },
  UNAUTHENTICATED: { status: 401, title: 'Sign-in required' },
  FORBIDDEN: { status: 403, title: 'Not allowed' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  VERSION_CONFLICT: { status: 409, title: 'The engagement has changed' },
  RULE_VIOLATION: { status: 409, title: 'A rule prevents this' },
  COMMAND_IN_PROGRESS: { status: 409, title: 'The same command is still being processed' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'This kind of file or body is not accepted' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'This commandId was already used for a different command' },
  RATE_LIMITED: { status: 429, title: 'Too many attempts' },
  INTERNAL: { status: 500, title: 'Something went wrong on the server' },
  STORAGE_UNAVAILABLE: { status: 503, title: 'The store cannot record changes right now' },
  SERVER_BUSY: { status: 503, title: 'The server holds as many live streams as it may' },
  LIVEKIT_NOT_CONFIGURED: { status: 503, title: 'Breakout media is not configured' },
  LIVEKIT_UNAVAILABLE: { status: 503, title: 'The media server cannot be reached' },
  SSO_UNAVAILABLE: { status: 503, title: 'Sign-in keys cannot be fetched right now' },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface ProblemIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  readonly title: string;
  constructor(
    readonly code: ErrorCode,
    /** Plain words: what happened and what to do next. */
    readonly detail: string,
    readonly extra: { issues?: ProblemIssue[]; rule?: string; [key: string]: unknown } = {},
  ) {
    super(detail);
    this.name = 'AppError';
    this.status = ERROR_CODES[code].status;
    this.title = ERROR_CODES[code].title;
  }
}

export function fromDomainError(error: DomainError): AppError {
  return new AppError(error.kind, error.detail, { rule: error.rule });
}

/** A DomainError as the AppError a client is answered with; anything else unchanged (a bug, an I/O error). */
export const asAppError = (error: unknown): unknown => (error instanceof DomainError ? fromDomainError(error) : error);
