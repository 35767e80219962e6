import { z } from 'zod';
import { AppError, type ProblemIssue } from '../appError.js';

// Validation at the edge, in one format (docs/architecture.md style 3): every zod issue becomes
// `{ path: 'a.b', message }`, and the detail names the first field and the reason, prefixed with what
// was being validated, e.g. `floor.extend: seconds: Too small: expected number to be >=1`.

export function issuesOf(error: z.ZodError): ProblemIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export function invalidInput(context: string, issues: ProblemIssue[]): AppError {
  const first = issues[0];
  const where = first?.path ? `${first.path}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new AppError('INVALID_INPUT', `${context}: ${where}${first?.message ?? 'invalid'}${more}`, { issues });
}

/** Parses `value` with `schema` or throws INVALID_INPUT naming each field and its reason. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, context: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(context, issuesOf(result.error));
  return result.data;
}
