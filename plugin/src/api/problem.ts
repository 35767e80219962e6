import { ProblemBody } from '../../../server/domain/wireContract.js';
import { i18n } from '../i18n/i18n.js';

// Every API error is application/problem+json (docs/api.md). The tab shows what happened and what to do next.
// The server's `detail` is English and shown as given; the tab's own words (next steps) are translated.

/** The wire contract's problem (server/domain/wireContract.ts), as the tab reads it. */
export type Problem = ProblemBody;

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
  const next = problem.code && hasNextStep(problem.code) ? i18n.t(`problem.next.${problem.code}`) : undefined;
  if (next && !(problem.detail ?? '').includes(next)) parts.push(next);
  return parts.join(' — ');
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
  if (parsed.success) return parsed.data;
  return {
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
