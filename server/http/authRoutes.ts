import { Router } from 'express';
import { AppError } from '../appError.js';
import type { EngagementService } from '../engagements/EngagementService.js';
import { principalOf, type Authenticator } from './auth.js';
import { requireJson } from './requireJson.js';
import type { SessionTokens } from './sessionTokens.js';
import { validate } from './validate.js';
import { DevSignInBody, InvitationRedeemBody } from './wireSchemas.js';

// Sign-in endpoints. Each hands out a Convene session token; none sets a cookie.

/** Development users are keyed by their display name, so that "sign in as Chair Demo" finds the seeded chair. */
export const devUserId = (displayName: string): string =>
  `dev:${displayName.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '-').slice(0, 120)}`;

export function createAuthRouter(deps: {
  devSignIn: boolean;
  engagements: EngagementService;
  sessions: SessionTokens;
  authenticator: Authenticator;
  signInLimit: import('express').RequestHandler;
}): Router {
  const router = Router();

  router.post('/auth/dev', deps.signInLimit, requireJson, async (req, res) => {
    if (!deps.devSignIn) throw new AppError('NOT_FOUND', 'There is no development sign-in on a production server.');
    const { displayName } = validate(DevSignInBody, req.body, 'auth.dev');
    const user = { userId: devUserId(displayName), displayName };
    const { token, expiresAt } = await deps.sessions.issue(user);
    res.json({ token, expiresAt, user: { id: user.userId, displayName: user.displayName } });
  });

  router.post('/auth/invitation', deps.signInLimit, requireJson, async (req, res) => {
    const { code, displayName } = validate(InvitationRedeemBody, req.body, 'auth.invitation');
    const redeemed = await deps.engagements.redeemInvitation(code, displayName);
    const { token, expiresAt } = await deps.sessions.issue(redeemed.user, { engagementId: redeemed.engagementId, role: redeemed.role });
    res.json({
      token,
      expiresAt,
      user: { id: redeemed.user.userId, displayName: redeemed.user.displayName },
      engagementId: redeemed.engagementId,
      role: redeemed.role,
      participantId: redeemed.participantId,
    });
  });

  router.get('/me', deps.authenticator.requireUser, (_req, res) => {
    const principal = principalOf(res);
    res.json({
      user: { id: principal.user.userId, displayName: principal.user.displayName },
      via: principal.via,
      ...(principal.scope ? { engagementId: principal.scope.engagementId, role: principal.scope.role } : {}),
    });
  });

  return router;
}
