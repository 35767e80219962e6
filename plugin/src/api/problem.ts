// Every API error is application/problem+json (API.md). The tab shows what happened and what to do next.

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code?: string;
  detail?: string;
  rule?: string;
  issues?: { path: string; message: string }[];
}

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

const NEXT_STEP: Record<string, string> = {
  UNAUTHENTICATED: 'Sign in again, then retry.',
  FORBIDDEN: 'Ask the Chair or the secretariat to do this, or to give you the role that may.',
  NOT_FOUND: 'Check the link, or go back to your engagements.',
  VERSION_CONFLICT: 'The engagement changed meanwhile: look at the updated view and try again.',
  COMMAND_IN_PROGRESS: 'Wait a moment; the same action is still being recorded.',
  RATE_LIMITED: 'Wait a minute before trying again.',
  PAYLOAD_TOO_LARGE: 'Shorten the text or choose a smaller file.',
  INTERNAL: 'Try again; if it keeps happening, tell the secretariat.',
  STORAGE_UNAVAILABLE: 'Nothing was recorded. Try again in a moment.',
};

/** One sentence for people: what happened (the server's `detail`), the rule broken, and what to do. */
export function problemMessage(problem: Problem): string {
  const parts: string[] = [];
  const what = problem.detail || problem.title || `The server answered ${problem.status}.`;
  if (problem.code === 'RULE_VIOLATION' && problem.rule) parts.push(`${what} (rule ${problem.rule})`);
  else parts.push(what);
  if (problem.issues?.length) parts.push(problem.issues.map((i) => `${i.path || 'request'}: ${i.message}`).join('; '));
  const next = problem.code ? NEXT_STEP[problem.code] : undefined;
  if (next && !(problem.detail ?? '').includes(next)) parts.push(next);
  return parts.join(' — ');
}

export async function problemFrom(response: Response): Promise<Problem> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    return { ...body, status: response.status } as Problem;
  } catch {
    return {
      status: response.status,
      title: response.statusText,
      detail:
        response.status >= 500 || response.status === 0
          ? 'Convene’s server could not be reached or failed.'
          : `The server answered ${response.status} ${response.statusText}.`,
    };
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'Convene’s server could not be reached. Check your connection, then try again.';
  if (error instanceof Error) return error.message;
  return String(error);
}
