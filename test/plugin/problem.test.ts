import { describe, expect, it } from 'vitest';
import { ApiError, problemFrom, problemMessage } from '../../plugin/src/api/problem.js';
import { chooseLanguage } from '../../plugin/src/i18n/i18n.js';

// Errors shown in the tab say what happened and what to do (docs/api.md: problem+json; a 409 names the rule).

describe('problem+json in words', () => {
  it('given a 409 RULE_VIOLATION, then the message shows the detail and names the rule', () => {
    const message = problemMessage({
      status: 409,
      code: 'RULE_VIOLATION',
      title: 'A rule prevents this',
      detail: 'Someone already has the floor; end their intervention first.',
      rule: 'FLOOR-2',
    });
    expect(message).toBe('Someone already has the floor; end their intervention first. (rule FLOOR-2)');
  });

  it('given a 400 with issues, then each issue path and reason is listed', () => {
    const message = problemMessage({
      status: 400,
      code: 'INVALID_INPUT',
      detail: 'The command is not valid.',
      issues: [{ path: 'note', message: 'Too long: at most 500 characters' }],
    });
    expect(message).toContain('note: Too long: at most 500 characters');
  });

  it('given a 403, then the message says who can do it instead', () => {
    const error = new ApiError({ status: 403, code: 'FORBIDDEN', detail: 'Only the Chair or the secretariat can give the floor.' });
    expect(error.message).toContain('Only the Chair or the secretariat can give the floor.');
    expect(error.message).toContain('Ask the Chair or the secretariat');
    expect(error.status).toBe(403);
  });

  it('LIMIT-1: given a 429 with Retry-After, then the message says what happened and when to retry, once', async () => {
    const response = new Response(
      JSON.stringify({
        status: 429,
        code: 'RATE_LIMITED',
        title: 'Too many attempts',
        detail: 'You are sending requests too quickly; try again in 3 seconds.',
      }),
      { status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': '3' } },
    );
    const problem = await problemFrom(response);
    expect(problem.retryAfterSeconds).toBe(3);
    expect(problemMessage(problem)).toBe('You are sending requests too quickly; try again in 3 seconds.');
    expect(problemMessage(problem)).not.toContain('Wait a minute');
  });

  it("LIMIT-6: given a 429 whose detail does not say when, then the tab adds when to retry, in the reader's language", async () => {
    const problem = {
      status: 429,
      code: 'RATE_LIMITED',
      detail: 'Too many failed sign-in attempts from this address.',
      retryAfterSeconds: 900,
    };
    expect(problemMessage(problem)).toBe('Too many failed sign-in attempts from this address. — Try again in 15 minutes.');
    await chooseLanguage('fr');
    try {
      expect(problemMessage({ ...problem, retryAfterSeconds: 1 })).toContain('Réessayez dans 1 seconde.');
    } finally {
      await chooseLanguage('en');
    }
  });
});
