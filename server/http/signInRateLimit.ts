import { rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { AppError } from '../appError.js';

// Brute-force protection for sign-in and invitation redemption (ASVS 6.3.1): only FAILED attempts count,
// per client address. A whole delegation or NGO network may join from behind one address within a
// minute, and their successful redemptions must never lock each other out.

export interface SignInLimit {
  windowMs: number;
  limit: number;
}

export const DEFAULT_SIGN_IN_LIMIT: SignInLimit = { windowMs: 15 * 60 * 1000, limit: 20 };

export function createSignInRateLimit(options: SignInLimit = DEFAULT_SIGN_IN_LIMIT): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res, next) => {
      res.setHeader('Retry-After', String(Math.ceil(options.windowMs / 1000)));
      // Through the one renderer, which also logs the refusal.
      next(
        new AppError(
          'RATE_LIMITED',
          `Too many failed sign-in attempts from this address. Wait ${Math.ceil(options.windowMs / 60_000)} minutes, then check the code or link you were given.`,
        ),
      );
    },
  });
}
