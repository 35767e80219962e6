import { describe, expect, it } from 'vitest';
import { given } from './support/engagementBuilder.js';

describe('written inputs', () => {
  const deferred = () => {
    const g = given().engagement().question('q1').open().start().participant('ngo').participant('other').openQuestion('q1');
    g.with('ngo', { type: 'floor.request', questionId: g.questionId('q1') });
    const requestId = Object.keys(g.state.requests)[0];
    g.with('chair', { type: 'floor.defer', requestId });
    return { g, requestId };
  };

  it('DEFER-2: given a deferred request, when its author submits an input naming it, then the input fulfils the request', () => {
    const { g, requestId } = deferred();
    expect(g.state.requests[requestId]).toMatchObject({ status: 'deferred', fulfilledByInputId: null });
    const [event] = g.as('ngo').run({ type: 'input.submit', title: 'Our statement', text: 'In writing, as invited.', requestId });
    expect(event).toMatchObject({ type: 'input.submitted', requestId, questionId: g.questionId('q1') });
    const inputId = (event as { inputId: string }).inputId;
    expect(g.state.requests[requestId].fulfilledByInputId).toBe(inputId);
    expect(g.as('ngo').refusal({ type: 'input.submit', title: 'Again', text: 'x', requestId }).rule).toBe('DEFER-2');
  });

  it("DEFER-2: given someone else's deferred request, when an input names it, then it is refused", () => {
    const { g, requestId } = deferred();
    expect(g.as('other').refusal({ type: 'input.submit', title: 'Not mine', text: 'x', requestId }).rule).toBe('DEFER-2');
  });

  it('DEFER-2: given a waiting (not deferred) request, when an input names it, then it is refused', () => {
    const g = given().engagement().question('q1').open().start().participant('ngo').openQuestion('q1');
    g.with('ngo', { type: 'floor.request', questionId: g.questionId('q1') });
    const requestId = Object.keys(g.state.requests)[0];
    expect(g.as('ngo').refusal({ type: 'input.submit', title: 't', text: 'x', requestId }).rule).toBe('DEFER-2');
  });

  it('INPUT-3 / DEFER-2: given a fulfilling input, when its author withdraws it, then the deferral is unanswered again and can be answered anew', () => {
    const { g, requestId } = deferred();
    const [event] = g.as('ngo').run({ type: 'input.submit', title: 'Statement', text: 'x', requestId });
    const inputId = (event as { inputId: string }).inputId;
    expect(g.as('other').refusal({ type: 'input.withdraw', inputId })).toMatchObject({ rule: 'AUTH-2', kind: 'FORBIDDEN' });
    g.with('ngo', { type: 'input.withdraw', inputId });
    expect(g.state.inputs[inputId].withdrawnAt).toBe(g.now);
    expect(g.state.requests[requestId].fulfilledByInputId).toBeNull();
    expect(g.as('ngo').refusal({ type: 'input.withdraw', inputId }).rule).toBe('INPUT-3');
    g.with('ngo', { type: 'input.submit', title: 'Statement v2', text: 'y', requestId });
    expect(g.state.requests[requestId].fulfilledByInputId).not.toBeNull();
  });

  it('INPUT-1: given the engagement ended, when a deferred speaker submits, then it is accepted (written input outlives the meeting)', () => {
    const g = given().engagement().question('q1').open().start().participant('ngo').openQuestion('q1');
    g.with('ngo', { type: 'floor.request', questionId: g.questionId('q1') });
    const requestId = Object.keys(g.state.requests)[0];
    g.end();
    expect(g.state.requests[requestId].status).toBe('deferred');
    g.with('ngo', { type: 'input.submit', title: 'After the meeting', text: 'x', requestId });
    expect(g.state.requests[requestId].fulfilledByInputId).not.toBeNull();
  });

  it('INPUT-1 / AUTH-1: given an observer or a pending registrant, when they submit, then it is forbidden', () => {
    const g = given().engagement().open().participant('obs', { role: 'observer' }).participant('late', { approve: false });
    expect(g.as('obs').refusal({ type: 'input.submit', title: 't', text: 'x' })).toMatchObject({ rule: 'AUTH-1', kind: 'FORBIDDEN' });
    expect(g.as('late').refusal({ type: 'input.submit', title: 't', text: 'x' })).toMatchObject({ rule: 'AUTH-1', kind: 'FORBIDDEN' });
  });

  it('INPUT-2: given an unknown question, when an input names it, then it is refused', () => {
    const g = given().engagement().open().participant('ngo');
    expect(g.as('ngo').refusal({ type: 'input.submit', title: 't', text: 'x', questionId: 'nope' })).toMatchObject({ rule: 'INPUT-2' });
  });
});
