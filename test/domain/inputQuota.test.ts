import { describe, expect, it } from 'vitest';
import { standingOf } from '../../server/domain/view.js';
import { given } from './support/engagementBuilder.js';

// LIMIT-3: written inputs per participant per engagement, a rule of decide (it reads the engagement's state,
// so it holds whichever instance decides).

const statement = (i: number) => ({ type: 'input.submit' as const, title: `Statement ${i}`, text: `Written input ${i}.` });

describe('the written-input quota (LIMIT-3)', () => {
  it('LIMIT-3: given a quota of 3, when a stakeholder submits a 4th input, then it is refused naming LIMIT-3, withdrawn inputs counting too', () => {
    const g = given().engagement().open().participant('ngo').withLimits({ inputsPerParticipant: 3 });
    g.as('ngo').run(statement(1));
    const [second] = g.as('ngo').run(statement(2));
    g.as('ngo').run({ type: 'input.withdraw', inputId: (second as { inputId: string }).inputId });
    g.as('ngo').run(statement(3));
    const refusal = g.as('ngo').refusal(statement(4));
    expect(refusal).toMatchObject({ rule: 'LIMIT-3', kind: 'RULE_VIOLATION' });
    expect(refusal.detail).toContain('the 3 written inputs');
  });

  it("LIMIT-3: given one stakeholder at the quota, then another stakeholder's and the Chair's inputs are unaffected", () => {
    const g = given().engagement().open().participant('ngo').participant('other').withLimits({ inputsPerParticipant: 1 });
    g.as('ngo').run(statement(1));
    expect(g.as('ngo').refusal(statement(2)).rule).toBe('LIMIT-3');
    expect(g.as('other').run(statement(3))).toHaveLength(1);
    for (let i = 0; i < 5; i++) expect(g.as('chair').run(statement(10 + i))).toHaveLength(1);
  });

  it('LIMIT-3: given a quota, then the view tells a stakeholder how many are left and staff that none applies', () => {
    const g = given().engagement().open().participant('ngo').withLimits({ inputsPerParticipant: 20 });
    g.as('ngo').run(statement(1));
    g.as('ngo').run(statement(2));
    expect(standingOf(g.state, { userId: 'dev:ngo' }, g.limits)).toMatchObject({ inputQuota: 20, inputsLeft: 18 });
    expect(standingOf(g.state, { userId: 'dev:chair' }, g.limits)).toMatchObject({ inputQuota: null, inputsLeft: null });
    expect(standingOf(g.state, { userId: 'dev:ngo' })).toMatchObject({ inputQuota: null, inputsLeft: null });
  });
});
