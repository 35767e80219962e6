import type { ErrorRequestHandler, Response } from 'express';
import { z } from 'zod';
import { AppError, ERROR_CODES, fromDomainError } from '../appError.js';
import { DomainError } from '../domain/errors.js';
import type { Logger } from './logger.js';
import { invalidInput, issuesOf } from './validate.js';

// The ONE renderer of errors (docs/architecture.md style 7): whatever is thrown becomes
// `application/problem+json` `{ type, title, status, code, detail, issues?, rule? }`. Unknown errors
// become a generic 500 and are logged here, never sent (ASVS 16.5.1).

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES, ...(keyof typeof ERROR_CODES)[]]),
    detail: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    rule: z.string().optional(),
    requestId: z.string().optional().describe('The X-Request-Id of the request, as in the server’s logs.'),
  })
  .meta({ description: 'RFC 9457 problem details; `code` is stable, `rule` names the SPEC.md rule a 409 broke.' });
export type Problem = z.infer<typeof ProblemSchema>;

const problemType = (code: string) => `urn:convene:problem:${code.toLowerCase().replace(/_/g, '-')}`;

export function toProblem(error: AppError): Problem & Record<string, unknown> {
  const { issues, rule, retryAfterSeconds: _header, ...rest } = error.extra;
  return {
    type: problemType(error.code),
    title: error.title,
    status: error.status,
    code: error.code,
    detail: error.detail,
    ...(issues ? { issues } : {}),
    ...(rule ? { rule } : {}),
    ...rest,
  };
}

export function sendProblem(res: Response, error: AppError): void {
  if (error.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer realm="convene"');
  // A refusal that passes with time (429, 503) says when to come back: whole seconds, at least 1.
  const retryAfter = error.extra.retryAfterSeconds;
  if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
  // The request id (requestLogger.ts) lets a user's report be matched to the log lines of that request.
  const requestId = (res.req as { id?: unknown } | undefined)?.id;
  const body = { ...toProblem(error), ...(typeof requestId === 'string' ? { requestId } : {}) };
  res.status(error.status).type('application/problem+json').send(JSON.stringify(body));
}

/** body-parser's own errors carry a `type`: map them to the code table. */
function fromBodyParser(error: { type?: unknown; status?: unknown; limit?: unknown }): AppError | null {
  switch (error.type) {
    case 'entity.parse.failed':
      return invalidInput('body', [{ path: '', message: 'The body is not valid JSON' }]);
    case 'entity.too.large':
      return new AppError(
        'PAYLOAD_TOO_LARGE',
        `The body is larger than the ${String(error.limit)} bytes this endpoint accepts; send less at once.`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as UTF-8 JSON (Content-Type: application/json).');
    case 'request.aborted':
      return new AppError('INVALID_INPUT', 'The request was aborted before its body arrived.');
    default:
      return null;
  }
}

export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof DomainError) return fromDomainError(error);
  if (error instanceof z.ZodError) return invalidInput('request', issuesOf(error));
  if (error && typeof error === 'object' && 'type' in error) return fromBodyParser(error as { type?: unknown });
  return null;
}

export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    let appError = toAppError(error);
    if (!appError) {
      logger.error('Unhandled error', {
        requestId: req.id,
        method: req.method,
        path: req.path,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      appError = new AppError(
        'INTERNAL',
        'The server could not complete this request. It has been logged; try again, and tell the organisers if it persists.',
      );
    } else if (appError.status === 401 || appError.status === 403 || appError.status === 429) {
      // Refused access is logged with its reason, never with the token or code (ASVS 16.3.1, 16.2.5).
      logger.info('Refused', {
        requestId: req.id,
        problemCode: appError.code,
        method: req.method,
        path: req.path,
        ip: req.ip,
        detail: appError.detail,
      });
    } else if (appError.status >= 500) {
      logger.warn(appError.detail, {
        requestId: req.id,
        problemCode: appError.code,
        path: req.path,
        cause: error instanceof Error && error.cause ? String(error.cause) : undefined,
      });
    }
    if (res.headersSent) {
      // A stream was already under way: nothing can be rendered, so end it.
      res.end();
      return;
    }
    void next;
    sendProblem(res, appError);
  };
}
