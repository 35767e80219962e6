// Twirp v7 framing and LiveKit's API-token check, as the real livekit-server answers them
// (livekit/protocol `livekit_room.twirp.go`, livekit/livekit `pkg/service/auth.go`).
// Two details the Node SDK depends on: an error's Content-Type must be exactly `application/json` or
// `toTwirpError` ignores the body, and a token the middleware rejects gets a *plain-text* 401.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeJwt } from 'jose';
import { TokenVerifier, type ClaimGrants } from 'livekit-server-sdk';

export const TWIRP_STATUS = {
  canceled: 408,
  unknown: 500,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
} as const;
export type TwirpCode = keyof typeof TWIRP_STATUS;

/** Thrown by a method handler; rendered as a Twirp JSON error. */
export class TwirpFailure extends Error {
  constructor(
    readonly code: TwirpCode,
    msg: string,
    readonly meta?: Record<string, string>,
  ) {
    super(msg);
  }
}

export function writeTwirpError(res: ServerResponse, failure: TwirpFailure): void {
  const body: Record<string, unknown> = { code: failure.code, msg: failure.message };
  if (failure.meta && Object.keys(failure.meta).length > 0) body.meta = failure.meta;
  // writeHead + end: the exact header, no charset suffix (the SDK compares the whole string).
  res.writeHead(TWIRP_STATUS[failure.code], { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function writeJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Go's `http.Error`: what the auth middleware sends before Twirp ever sees the request. */
export function writePlainError(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(`${text}\n`);
}

export type AuthOutcome = { ok: true; grants: ClaimGrants | undefined } | { ok: false; status: 401; text: string };

/**
 * The auth middleware: no credentials at all pass through with no grants (the handler's grant check
 * then fails); a header not starting with `Bearer `, an unparsable token, an unknown key or a failed
 * verification is refused here. Leeway is the server's one minute.
 */
export async function authenticate(req: IncomingMessage, apiKey: string, apiSecret: string): Promise<AuthOutcome> {
  const header = req.headers.authorization;
  let token: string | undefined;
  if (header !== undefined && header !== '') {
    if (!header.startsWith('Bearer ')) {
      return { ok: false, status: 401, text: 'invalid authorization header. Must start with Bearer ' };
    }
    token = header.slice('Bearer '.length);
  } else {
    token = new URL(req.url ?? '/', 'http://x').searchParams.get('access_token') ?? undefined;
  }
  if (!token) return { ok: true, grants: undefined };
  let issuer: string | undefined;
  try {
    issuer = decodeJwt(token).iss;
  } catch {
    return { ok: false, status: 401, text: 'invalid authorization token' };
  }
  if (issuer !== apiKey) return { ok: false, status: 401, text: `invalid API key: ${issuer ?? ''}` };
  try {
    const grants = await new TokenVerifier(apiKey, apiSecret).verify(token, 60);
    return { ok: true, grants };
  } catch (error) {
    return { ok: false, status: 401, text: `invalid token: ${token}, error: ${(error as Error).message}` };
  }
}

const PERMISSIONS_DENIED = (): TwirpFailure => new TwirpFailure('unauthenticated', 'permissions denied');

// The real server answers a missing grant with `unauthenticated`/401, not `permission_denied`/403
// (LiveKit's own Go mock `cmd/test-server` differs here; we follow the real server).
export function ensureCreate(grants: ClaimGrants | undefined): void {
  if (!grants?.video?.roomCreate) throw PERMISSIONS_DENIED();
}

export function ensureList(grants: ClaimGrants | undefined): void {
  if (!grants?.video?.roomList) throw PERMISSIONS_DENIED();
}

export function ensureAdmin(grants: ClaimGrants | undefined, room: string): void {
  if (!grants?.video?.roomAdmin || grants.video.room !== room) throw PERMISSIONS_DENIED();
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
