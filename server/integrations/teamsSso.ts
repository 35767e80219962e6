import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from '../appError.js';
import type { Clock } from '../clock.js';
import type { SsoConfig } from '../config.js';
import type { SignedInUser } from '../engagements/EngagementService.js';

// Teams SSO: the tab's `getAuthToken()` token, an Entra ID access token issued to Convene's API.
// Checked in this order: RS256 signature with a key from the
// configured JWKS only; exp/nbf with 60 s tolerance; aud ∈ {clientId, api://<public host>/<clientId>};
// tid a GUID, iss exactly the v1 or v2 form for that tid; tid on the allow-list; scp ∋ access_as_user.
// The identity is (tid, oid), never a name or e-mail. A JWKS that cannot be fetched fails closed (503).

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TeamsIdentity {
  user: SignedInUser;
  tenantId: string;
  /** Epoch ms. */
  expiresAt: number;
}

export interface TeamsSsoVerifier {
  /** Throws UNAUTHENTICATED (bad token) or SSO_UNAVAILABLE (keys cannot be fetched). */
  verify(token: string): Promise<TeamsIdentity>;
}

export interface TeamsSsoOptions {
  /** jose's refetch cooldown for an unknown `kid` (default 30 s; tests that rotate keys use 0). */
  cooldownDuration?: number;
  timeoutDuration?: number;
}

export function createTeamsSsoVerifier(
  config: SsoConfig,
  publicUrl: string,
  clock: Clock,
  options: TeamsSsoOptions = {},
): TeamsSsoVerifier {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl), {
    cooldownDuration: options.cooldownDuration ?? 30_000,
    timeoutDuration: options.timeoutDuration ?? 5_000,
  });
  const audience = [config.clientId, `api://${new URL(publicUrl).host}/${config.clientId}`];
  const tenants = new Set(config.tenants.map((t) => t.toLowerCase()));
  const reject = (reason: string): never => {
    throw refused(reason);
  };

  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          algorithms: ['RS256'],
          audience,
          clockTolerance: 60,
          currentDate: clock.now(),
          requiredClaims: ['tid', 'oid', 'iss', 'exp'],
        }));
      } catch (error) {
        throw classify(error);
      }
      const tid = String(payload.tid);
      if (!GUID.test(tid)) reject('tenant id is not a GUID');
      const iss = payload.iss;
      if (iss !== `https://sts.windows.net/${tid}/` && iss !== `https://login.microsoftonline.com/${tid}/v2.0`) {
        reject('issuer does not match the token’s tenant');
      }
      if (!tenants.has(tid.toLowerCase())) reject('this organisation is not allowed to use this Convene server');
      const scp = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      if (!scp.includes('access_as_user')) reject('token was not issued for access_as_user');
      const oid = String(payload.oid);
      if (!GUID.test(oid)) reject('user object id is not a GUID');
      const name = typeof payload.name === 'string' && payload.name.trim() ? payload.name.trim() : 'Teams user';
      return {
        user: { userId: `aad:${tid.toLowerCase()}:${oid.toLowerCase()}`, displayName: name.slice(0, 120) },
        tenantId: tid.toLowerCase(),
        expiresAt: (payload.exp ?? 0) * 1000,
      };
    },
  };
}

const refused = (reason: string) =>
  new AppError('UNAUTHENTICATED', `The Teams sign-in token was refused (${reason}). Reopen the tab to sign in again.`);

/** Key-fetch failures are the server's problem (503, fail closed); everything else is the token's (401). */
function classify(error: unknown): AppError {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return new AppError('SSO_UNAVAILABLE', 'Microsoft’s sign-in keys cannot be fetched right now; try again in a minute.');
  }
  if (error instanceof errors.JOSEError) {
    // jose reports a JWKS answer that is not 200 or not JSON as a plain JOSEError with this wording.
    if (error.code === 'ERR_JOSE_GENERIC' && /JSON Web Key Set/i.test(error.message)) {
      return new AppError('SSO_UNAVAILABLE', 'Microsoft’s sign-in keys cannot be fetched right now; try again in a minute.');
    }
    return refused(error.code === 'ERR_JWT_EXPIRED' ? 'expired' : error.code.replace(/^ERR_/, '').toLowerCase().replace(/_/g, ' '));
  }
  // Not a JOSE error: the fetch itself failed (connection refused, DNS): fail closed.
  return new AppError('SSO_UNAVAILABLE', 'Microsoft’s sign-in keys cannot be fetched right now; try again in a minute.');
}
