import { ProblemBody } from '../../../server/domain/wireContract.js';
import { i18n } from '../i18n/i18n.js';

// Every API error is application/problem+json (docs/api.md). The tab shows what happened and what to do next.
// The server's `detail` is English and shown as given; the tab's own words (next steps) are translated.

/**
 * The wire contract's problem (server/domain/wireContract.ts), as the tab reads it, with the `Retry-After`
 * header of a 429 or 503 in whole seconds (LIMIT-1, 5, 6).
 */
export type Problem = ProblemBody & { retryAfterSeconds?: number };

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problemMessage(problem));
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string | undefined {
    return this.problem.code;
  }
}

const NEXT_STEP_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'COMMAND_IN_PROGRESS',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
  'STORAGE_UNAVAILABLE',
] as const;
type NextStepCode = (typeof NEXT_STEP_CODES)[number];
const hasNextStep = (code: string): code is NextStepCode => (NEXT_STEP_CODES as readonly string[]).includes(code);

/** One sentence for people: what happened (the server's `detail`), the rule broken, and what to do. */
export function problemMessage(problem: Problem): string {
  const parts: string[] = [];
  const what = problem.detail || problem.title || i18n.t('problem.serverAnswered', { status: problem.status });
  if (problem.code === 'RULE_VIOLATION' && problem.rule) parts.push(i18n.t('problem.rule', { what, rule: problem.rule }));
  else parts.push(what);
  if (problem.issues?.length) parts.push(problem.issues.map((i) => `${i.path || i18n.t('problem.request')}: ${i.message}`).join('; '));
  const next = nextStep(problem);
  if (next && !saysAlready(problem.detail ?? '', next)) parts.push(next);
  return parts.join(' — ');
}

/** What to do: when to retry, if the server said (Retry-After); else the code's usual next step. */
function nextStep(problem: Problem): string | undefined {
  const seconds = problem.retryAfterSeconds;
  if (seconds !== undefined && (problem.code === 'RATE_LIMITED' || problem.status === 429 || problem.status === 503)) {
    return seconds >= 120
      ? i18n.t('problem.retryInMinutes', { count: Math.ceil(seconds / 60) })
      : i18n.t('problem.retryIn', { count: seconds });
  }
  return problem.code && hasNextStep(problem.code) ? i18n.t(`problem.next.${problem.code}`) : undefined;
}

/** The server's (English) detail already says it: "…; try again in 3 seconds." against "Try again in 3 seconds." */
const saysAlready = (detail: string, next: string): boolean => detail.toLowerCase().includes(next.toLowerCase().replace(/[.。]$/, ''));

/** `Retry-After` as whole seconds (at least 1), when it is a number of seconds or an HTTP date. */
export function retryAfterOf(response: Pick<Response, 'headers'>, nowMs = Date.now()): number | undefined {
  const raw = response.headers.get('retry-after')?.trim();
  if (!raw) return undefined;
  const seconds = /^\d+$/.test(raw) ? Number(raw) : (Date.parse(raw) - nowMs) / 1000;
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : undefined;
}

export async function problemFrom(response: Response): Promise<Problem> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  // The HTTP status is the truth; the body's fields are kept when they read as a problem.
  const parsed = ProblemBody.safeParse(body && typeof body === 'object' ? { ...body, status: response.status } : undefined);
  const retryAfterSeconds = retryAfterOf(response);
  if (parsed.success) return retryAfterSeconds === undefined ? parsed.data : { ...parsed.data, retryAfterSeconds };
  return {
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    status: response.status,
    title: response.statusText,
    detail:
      response.status >= 500 || response.status === 0
        ? i18n.t('problem.serverFailed')
        : i18n.t('problem.serverAnsweredText', { status: response.status, statusText: response.statusText }),
  };
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return i18n.t('problem.unreachable');
  if (error instanceof Error) return error.message;
  return String(error);
}
