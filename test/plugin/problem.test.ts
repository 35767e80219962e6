import { describe, expect, it } from 'vitest';
import { ApiError, problemMessage } from '../../plugin/src/api/problem.js';

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
});
