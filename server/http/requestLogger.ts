import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { RequestHandler } from 'express';
import type { Logger } from './logger.js';

// One request id per request, one JSON line per response (pino-http). A sane incoming X-Request-Id (from
// a proxy or a client retrying) is kept, anything else replaced; the id goes back as the X-Request-Id
// response header, into every log line of the request and into every problem+json body (problem.ts).
// Probes (/api/health, /api/ready) are not logged: they come every few seconds and say nothing.

export const REQUEST_ID_HEADER = 'X-Request-Id';
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const PROBES = new Set(['/api/health', '/api/ready']);

export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
}

/** The URL without the values of `code` query parameters (codes travel in bodies and fragments, but a client may err). */
export function withoutCodes(url: string): string {
  return url.replace(/([?&]code=)[^&#]*/gi, '$1[redacted]');
}

export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger: logger.pino,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdOf(req);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customAttributeKeys: { reqId: 'requestId' },
    // Every line of the request carries `requestId` (the request itself is logged once, on its response).
    quietReqLogger: true,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    autoLogging: { ignore: (req) => PROBES.has((req.url ?? '').split('?')[0]) },
    serializers: {
      req: (req: { id: unknown; method: string; url: string; headers: Record<string, unknown>; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        url: withoutCodes(req.url),
        headers: { ...req.headers },
        remoteAddress: req.remoteAddress,
      }),
      // The status is what matters; the response headers are the same security headers every time.
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  }) as unknown as RequestHandler;
}
