import { describe, expect, it } from 'vitest';
import { project } from '../../server/domain/view.js';
import { given } from './support/engagementBuilder.js';

describe('notes', () => {
  const setup = () => {
    const g = given()
      .engagement()
      .question('q1')
      .open()
      .start()
      .participant('kenya', { role: 'delegation' })
      .participant('ngo')
      .participant('sec', { role: 'secretariat' })
      .openQuestion('q1');
    g.with('ngo', { type: 'floor.request', questionId: g.questionId('q1'), note: 'On regional hubs' });
    const requestId = Object.keys(g.state.requests)[0];
    g.with('sec', { type: 'note.add', requestId, text: 'Speaker mentioned a funding gap; follow up.', visibility: 'secretariat' });
    g.with('chair', {
      type: 'note.add',
      questionId: g.questionId('q1'),
      text: 'Hubs were raised by several participants.',
      visibility: 'public',
    });
    return { g, requestId };
  };

  it("NOTE-2: given a request, when a note is added on it, then it belongs to the request's question and to its author", () => {
    const { g, requestId } = setup();
    expect(g.state.notes[0]).toMatchObject({ requestId, questionId: g.questionId('q1'), byParticipantId: g.participantId('sec') });
    expect(g.refusal({ type: 'note.add', requestId: 'missing', text: 'x', visibility: 'public' })).toMatchObject({
      rule: 'NOTE-2',
      kind: 'NOT_FOUND',
    });
  });

  it('NOTE-3 / VIEW-5: given a secretariat note and a public note, then staff see both, participants only the public one, the public none', () => {
    const { g } = setup();
    const texts = (userId: string) => project(g.state, { userId }).notes.map((n) => n.visibility);
    expect(texts('dev:chair')).toEqual(['secretariat', 'public']);
    expect(texts('dev:sec')).toEqual(['secretariat', 'public']);
    expect(texts('dev:kenya')).toEqual(['public']);
    expect(texts('dev:ngo')).toEqual(['public']);
    expect(texts('dev:someone')).toEqual([]);
  });

  it('VIEW-6: given a request with a note, then staff and the requester see the note, others see the request without it', () => {
    const { g, requestId } = setup();
    expect(project(g.state, { userId: 'dev:chair' }).requests[requestId].note).toBe('On regional hubs');
    expect(project(g.state, { userId: 'dev:ngo' }).requests[requestId].note).toBe('On regional hubs');
    expect(project(g.state, { userId: 'dev:kenya' }).requests[requestId]).toMatchObject({ note: null, status: 'waiting' });
    expect(project(g.state, { userId: 'dev:someone' }).requests).toEqual({});
  });

  it('NOTE-1: given a draft engagement, when staff add a note, then it is refused until the engagement opens; after it ends, notes are still taken', () => {
    const draft = given().engagement().question('q1');
    expect(draft.refusal({ type: 'note.add', questionId: draft.questionId('q1'), text: 'Too early', visibility: 'public' })).toMatchObject({
      rule: 'NOTE-1',
    });
    const { g } = setup();
    g.end();
    g.with('chair', { type: 'note.add', questionId: g.questionId('q1'), text: 'Drafting the summary.', visibility: 'secretariat' });
    expect(g.state.notes.at(-1)).toMatchObject({ text: 'Drafting the summary.', visibility: 'secretariat' });
  });

  it('AUTH-1: given a stakeholder, when they add a note, then it is forbidden', () => {
    const { g } = setup();
    expect(g.as('ngo').refusal({ type: 'note.add', text: 'mine', visibility: 'public' })).toMatchObject({
      rule: 'AUTH-1',
      kind: 'FORBIDDEN',
    });
  });
});
