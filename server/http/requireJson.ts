import type { RequestHandler } from 'express';
import { AppError } from '../appError.js';

/** A JSON route refuses any other body type with 415 (and so never reads a form post: ASVS 4.1.1, 3.5.2). */
export const requireJson: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is('application/json')) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Send this body as JSON with \`Content-Type: application/json\` (got ${JSON.stringify(req.get('content-type') ?? 'none')}).`,
    );
  }
  next();
};
