import type { RequestHandler, Response } from 'express';
import { decodeProtectedHeader } from 'jose';
import { AppError } from '../appError.js';
import type { SignedInUser } from '../engagements/EngagementService.js';
import type { TeamsSsoVerifier } from '../integrations/teamsSso.js';
import { SESSION_TYP, type SessionScope, type SessionTokens } from './sessionTokens.js';

// Bearer authentication, never cookies (no CSRF surface inside the Teams iframe). Two token
// kinds, told apart by the protected header: Convene sessions (`typ: convene-session+jwt`, HS256) and
// Teams SSO tokens (RS256, Entra's keys). Each verifier accepts only its own algorithm, so a forged
// header gains nothing.

export interface Principal {
  user: SignedInUser;
  via: 'session' | 'teams';
  /** Invitation sessions are bound to one engagement and role (AUTH: object-level scope). */
  scope: SessionScope | null;
  /** Epoch ms: streams end here so that a client reconnects with a fresh token. */
  expiresAt: number;
}

export interface Authenticator {
  requireUser: RequestHandler;
}

export function createAuthenticator(deps: { sessions: SessionTokens; sso: TeamsSsoVerifier | null }): Authenticator {
  const authenticate = async (token: string): Promise<Principal> => {
    let typ: string | undefined;
    try {
      typ = decodeProtectedHeader(token).typ;
    } catch {
      throw new AppError('UNAUTHENTICATED', 'The bearer token is not a token Convene can read: sign in again.');
    }
    if (typ === SESSION_TYP) {
      const session = await deps.sessions.verify(token);
      return { user: session.user, via: 'session', scope: session.scope, expiresAt: session.expiresAt };
    }
    if (!deps.sso) {
      throw new AppError(
        'UNAUTHENTICATED',
        'Teams sign-in is not configured on this server: use an invitation link or the development sign-in.',
      );
    }
    const identity = await deps.sso.verify(token);
    return { user: identity.user, via: 'teams', scope: null, expiresAt: identity.expiresAt };
  };

  return {
    requireUser: async (req, res, next) => {
      const header = req.get('authorization') ?? '';
      const match = /^Bearer\s+([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]*\.[A-Za-z0-9\-_=]*)\s*$/i.exec(header);
      if (!match) {
        throw new AppError(
          'UNAUTHENTICATED',
          header ? 'The Authorization header must be `Bearer <token>`.' : 'Sign in first: send `Authorization: Bearer <token>`.',
        );
      }
      res.locals.principal = await authenticate(match[1]);
      next();
    },
  };
}

export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in first: send `Authorization: Bearer <token>`.');
  return principal;
}

/** An invitation session reaches only its own engagement; any other is FORBIDDEN. */
export function assertEngagementInScope(principal: Principal, engagementId: string): void {
  if (principal.scope && principal.scope.engagementId !== engagementId) {
    throw new AppError(
      'FORBIDDEN',
      'This invitation session is for another engagement. Open that engagement’s link, or sign in through Teams.',
    );
  }
}
