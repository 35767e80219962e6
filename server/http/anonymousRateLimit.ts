import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../appError.js';

// LIMIT-6: requests without a sign-in, per client address and minute (the portal, the config, probes of the
// API by anyone). Requests that carry a bearer token are not counted here: they are authenticated (or refused
// 401) and limited per participant (LIMIT-1), and a delegation behind one address holds hundreds of streams.
// Sign-in and invitation redemption keep their own limit of failed attempts (signInRateLimit.ts); the health
// probes are left to the load balancer.

const EXEMPT = new Set(['/auth/dev', '/auth/invitation', '/health', '/ready']);

const carriesBearer = (req: Request): boolean => /^Bearer\s+\S/i.test(req.get('authorization') ?? '');

export function createAnonymousRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => carriesBearer(req) || EXEMPT.has(req.path),
    handler: (req, _res, next) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime?.getTime();
      const seconds = Math.max(1, Math.ceil(((reset ?? Date.now() + 60_000) - Date.now()) / 1000));
      next(
        new AppError('RATE_LIMITED', `You are sending requests too quickly; try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, {
          retryAfterSeconds: seconds,
        }),
      );
    },
  });
}
