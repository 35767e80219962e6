import { describe, expect, it } from 'vitest';
import { given } from './support/engagementBuilder.js';

describe('guiding questions', () => {
  it('Q-4: given a draft engagement, when a question is opened, then it is refused until the engagement is open', () => {
    const g = given().engagement().question('q1');
    expect(g.refusal({ type: 'question.open', questionId: g.questionId('q1') }).rule).toBe('Q-4');
    g.open().openQuestion('q1');
    expect(g.state.openQuestionId).toBe(g.questionId('q1'));
    expect(g.state.questions[0]).toMatchObject({ status: 'open', openedAt: g.now });
  });

  it('Q-5: given an open question, when another is opened, then the first is closed first, in the same command', () => {
    const g = given().engagement().question('q1').question('q2').open().openQuestion('q1');
    const events = g.as('chair').run({ type: 'question.open', questionId: g.questionId('q2') });
    expect(events.map((e) => e.type)).toEqual(['question.closed', 'question.opened']);
    expect(events[0]).toMatchObject({ questionId: g.questionId('q1') });
    expect(g.state.questions.map((q) => q.status)).toEqual(['closed', 'open']);
    expect(g.state.openQuestionId).toBe(g.questionId('q2'));
    expect(g.refusal({ type: 'question.open', questionId: g.questionId('q2') }).rule).toBe('Q-5');
  });

  it('Q-6: given an open question, when closed without an id, then the open one closes; closing again is refused', () => {
    const g = given().engagement().question('q1').question('q2').open().openQuestion('q1');
    expect(g.refusal({ type: 'question.close', questionId: g.questionId('q2') }).rule).toBe('Q-6');
    g.as('chair').run({ type: 'question.close' });
    expect(g.state.openQuestionId).toBeNull();
    expect(g.state.questions[0].status).toBe('closed');
    expect(g.refusal({ type: 'question.close' }).rule).toBe('Q-6');
  });

  it('Q-7: given a closed question and an open one, when a stakeholder asks for the floor, then only the open one takes the request', () => {
    const g = given().engagement().question('q1').question('q2').open().start().participant('ngo').openQuestion('q1').openQuestion('q2');
    expect(g.as('ngo').refusal({ type: 'floor.request', questionId: g.questionId('q1') }).rule).toBe('FLOOR-1');
    const [event] = g.as('ngo').run({ type: 'floor.request', questionId: g.questionId('q2') });
    expect(event).toMatchObject({ type: 'floor.requested', questionId: g.questionId('q2') });
  });

  it('Q-3: given a question with a floor request, when it is removed, then it is refused; an unused question can be removed', () => {
    const g = given().engagement().question('q1').question('q2').open().start().participant('ngo').openQuestion('q1');
    expect(g.refusal({ type: 'question.remove', questionId: g.questionId('q1') }).rule).toBe('Q-3');
    g.with('ngo', { type: 'floor.request', questionId: g.questionId('q1') });
    g.as('chair').run({ type: 'question.close' });
    expect(g.refusal({ type: 'question.remove', questionId: g.questionId('q1') }).rule).toBe('Q-3');
    g.as('chair').run({ type: 'question.remove', questionId: g.questionId('q2') });
    expect(g.state.questions.map((q) => q.id)).toEqual([g.questionId('q1')]);
  });

  it('Q-3: given an agenda item linked to a question, when the question is removed, then the item stays, unlinked', () => {
    const g = given().engagement().question('q1');
    g.with('chair', { type: 'agenda.add', kind: 'question', plannedMinutes: 10, questionId: g.questionId('q1') });
    g.with('chair', { type: 'question.remove', questionId: g.questionId('q1') });
    expect(g.state.agenda[0]).toMatchObject({ questionId: null, title: 'Guiding question q1?' });
  });

  it('Q-2/Q-8: given questions, when moved and updated, then the order and text follow; unknown ids and empty updates are refused', () => {
    const g = given().engagement().question('a').question('b').question('c');
    g.with('chair', { type: 'question.move', questionId: g.questionId('c'), position: 0 });
    expect(g.state.questions.map((q) => q.text)).toEqual(['Guiding question c?', 'Guiding question a?', 'Guiding question b?']);
    g.with('chair', { type: 'question.update', questionId: g.questionId('a'), text: 'Which capacities?', plannedMinutes: 15 });
    expect(g.state.questions[1]).toMatchObject({ text: 'Which capacities?', plannedMinutes: 15 });
    expect(g.refusal({ type: 'question.update', questionId: g.questionId('a'), text: 'Which capacities?' }).rule).toBe('Q-8');
    expect(g.refusal({ type: 'question.open', questionId: 'nope' })).toMatchObject({ rule: 'Q-2', kind: 'NOT_FOUND' });
  });
});
