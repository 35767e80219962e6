import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type JWTPayload, SignJWT, jwtVerify } from 'jose';
import { AppError } from '../appError.js';
import type { Clock } from '../clock.js';
import { Role } from '../domain/vocabulary.js';
import type { SignedInUser } from '../engagements/EngagementService.js';

// Convene's own session tokens (AUTH: dev sign-in and invitation redemption). HS256 with the server's
// key, its own issuer, audience and `typ`, so a session token can never pass as an Entra token and an
// Entra token can never pass as a session (ASVS 9.2.2): the Entra path accepts RS256 only, this one
// HS256 only with a secret that never leaves the server.

export const SESSION_TYP = 'convene-session+jwt';
const ISSUER = 'convene';
const AUDIENCE = 'convene-api';
export const SESSION_TTL_SECONDS = 12 * 60 * 60;
const CLOCK_TOLERANCE_SECONDS = 5;
/** Verified sessions kept per process: a meeting's participants several times over, a few MB at most. */
const MAX_VERIFIED = 10_000;

/** An invitation session may only reach its own engagement, in its own role. */
export interface SessionScope {
  engagementId: string;
  role: Role;
}

export interface VerifiedSession {
  user: SignedInUser;
  scope: SessionScope | null;
  /** Epoch ms. */
  expiresAt: number;
}

export interface SessionTokens {
  issue(user: SignedInUser, scope?: SessionScope): Promise<{ token: string; expiresAt: string }>;
  /** Throws UNAUTHENTICATED. */
  verify(token: string): Promise<VerifiedSession>;
}

export function createSessionTokens(rawKey: Uint8Array, clock: Clock, ttlSeconds = SESSION_TTL_SECONDS): SessionTokens {
  // Imported once: handed raw bytes, jose imports the key into WebCrypto on every call, which costs every
  // command a third more time in its authentication (measured 180 → 118 µs per verify).
  const imported = crypto.subtle.importKey('raw', Uint8Array.from(rawKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  // A key WebCrypto refuses fails the first sign-in with its error (awaited there), not the process now.
  imported.catch(() => undefined);
  // Sessions this process verified, by token: every command carries its token, and a WebCrypto verify per
  // request (an async HMAC and JSON parse, ~120 µs) is a fixed cost of the command route under a floor storm.
  // A token is its own signature, so a hit is the same token verified before; oldest first out when full.
  const verified = new Map<string, VerifiedSession>();
  return {
    async issue(user, scope) {
      const now = Math.floor(clock.now().getTime() / 1000);
      const exp = now + ttlSeconds;
      const token = await new SignJWT({ name: user.displayName, ...(scope ? { eng: scope.engagementId, role: scope.role } : {}) })
        .setProtectedHeader({ alg: 'HS256', typ: SESSION_TYP })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(user.userId)
        .setIssuedAt(now)
        .setExpirationTime(exp)
        .sign(await imported);
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },
    async verify(token) {
      const known = verified.get(token);
      if (known) {
        // Only the expiry can change a verified token's answer (the key is fixed for the process): checked
        // on each use with the same tolerance jwtVerify applies.
        if (clock.now().getTime() <= known.expiresAt + CLOCK_TOLERANCE_SECONDS * 1000) return known;
        verified.delete(token);
      }
      const session = await verifyUncached(token);
      if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!);
      verified.set(token, session);
      return session;
    },
  };

  async function verifyUncached(token: string): Promise<VerifiedSession> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await imported, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        typ: SESSION_TYP,
        requiredClaims: ['sub', 'exp'],
        currentDate: clock.now(),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch {
      throw new AppError('UNAUTHENTICATED', 'The session token is not valid or has expired: sign in again.');
    }
    const name = typeof payload.name === 'string' && payload.name ? payload.name : 'Participant';
    let scope: SessionScope | null = null;
    if (payload.eng !== undefined || payload.role !== undefined) {
      const role = Role.safeParse(payload.role);
      if (typeof payload.eng !== 'string' || !role.success) {
        throw new AppError('UNAUTHENTICATED', 'The session token is not valid: sign in again.');
      }
      scope = { engagementId: payload.eng, role: role.data };
    }
    return { user: { userId: payload.sub!, displayName: name }, scope, expiresAt: payload.exp! * 1000 };
  }
}

/**
 * The signing key: SESSION_SECRET when set (several instances must share it), else 32 random bytes
 * generated on the first start and kept in DATA_DIR, so sessions survive a restart.
 */
export function loadOrCreateSessionKey(dataDir: string, secret: string | null): Uint8Array {
  if (secret) return new TextEncoder().encode(secret);
  const file = join(dataDir, 'session.key');
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
    if (key.length >= 32) return new Uint8Array(key);
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeDurably(file, key.toString('base64url') + '\n');
  return new Uint8Array(key);
}

/**
 * Write-then-rename with fsyncs: a crash or an I/O error at any moment leaves either no key file or the
 * whole key, never an empty one. (An empty key file would silently mint a new key at the next start and
 * end every session, and invitation codes are single-use: those guests could not get back in.)
 */
function writeDurably(file: string, text: string): void {
  const temporary = `${file}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
  const directory = openSync(dirname(file), 'r');
  try {
    fsyncSync(directory);
  } finally {
    closeSync(directory);
  }
}
