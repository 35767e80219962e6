import { describe, expect, it } from 'vitest';
import { Command } from '../../server/domain/commands.js';
import { decide } from '../../server/domain/decide.js';
import { emptyState } from '../../server/domain/state.js';
import { given, userActor, T0 } from './support/engagementBuilder.js';

describe('engagement lifecycle', () => {
  it('LIFE-6: given a signed-in user, when they create an engagement, then they are its approved Chair and defaults apply', () => {
    const events = decide(
      emptyState(),
      { type: 'engagement.create', engagementId: 'eng-1', title: 'Capacity-building' },
      {
        now: T0,
        actor: userActor('ana'),
        newId: () => 'p-1',
      },
    );
    expect(events).toEqual([
      {
        type: 'engagement.created',
        at: T0,
        engagementId: 'eng-1',
        settings: {
          title: 'Capacity-building',
          theme: null,
          description: null,
          scheduledStart: null,
          plannedMinutes: 90,
          speakingSeconds: 180,
          timeZone: 'UTC',
        },
        chair: expect.objectContaining({ id: 'p-1', userId: 'dev:ana', role: 'chair', displayName: 'ana' }),
      },
    ]);
    const g = given().engagement();
    const chair = Object.values(g.state.participants)[0];
    expect(chair).toMatchObject({ role: 'chair', status: 'approved', userId: 'dev:chair' });
    expect(g.state.status).toBe('draft');
  });

  it('LIFE-7: given an engagement, when the Chair sets the summary language, then it is recorded; a language outside the six is refused at the edge', () => {
    const g = given().engagement();
    expect(g.state.settings.summaryLanguage).toBeUndefined();
    const events = g.run({ type: 'engagement.update', summaryLanguage: 'fr' });
    expect(events).toEqual([{ type: 'engagement.updated', at: expect.any(String), changes: { summaryLanguage: 'fr' } }]);
    expect(g.state.settings.summaryLanguage).toBe('fr');
    expect(Command.safeParse({ type: 'engagement.update', summaryLanguage: 'de' }).success).toBe(false);
    expect(Command.safeParse({ type: 'engagement.update', summaryLanguage: 'zh-Hans' }).success).toBe(true);
  });

  it('LIFE-0: given an existing engagement, when it is created again, then it is refused', () => {
    expect(given().engagement().refusal({ type: 'engagement.create', title: 'again' }).rule).toBe('LIFE-0');
  });

  it('LIFE-0: given no engagement, when any other command comes, then it is not found', () => {
    expect(() => decide(emptyState(), { type: 'engagement.open' }, { now: T0, actor: userActor('x'), newId: () => 'i' })).toThrow(/LIFE-0/);
  });

  it('LIFE-1..3: given a draft, when opened, started and ended in order, then each transition is recorded', () => {
    const g = given().engagement().open();
    expect(g.state.status).toBe('open');
    g.advance(60).start();
    expect(g.state).toMatchObject({ status: 'live', startedAt: '2026-11-28T09:01:00.000Z' });
    g.advance(60).end();
    expect(g.state).toMatchObject({ status: 'ended', endedAt: '2026-11-28T09:02:00.000Z' });
  });

  it('LIFE-1/2/3: given each status, when a transition skips a step or repeats, then it is refused naming the rule', () => {
    expect(given().engagement().refusal({ type: 'engagement.start' }).rule).toBe('LIFE-2');
    expect(given().engagement().refusal({ type: 'engagement.end' }).rule).toBe('LIFE-3');
    expect(given().engagement().open().refusal({ type: 'engagement.open' }).rule).toBe('LIFE-1');
    expect(given().engagement().open().refusal({ type: 'engagement.end' }).rule).toBe('LIFE-3');
    expect(given().engagement().open().start().refusal({ type: 'engagement.start' }).rule).toBe('LIFE-2');
    expect(given().engagement().open().start().end().refusal({ type: 'engagement.end' }).rule).toBe('LIFE-3');
    expect(given().engagement().open().start().end().refusal({ type: 'engagement.open' }).rule).toBe('LIFE-1');
  });

  it('LIFE-3: given a live engagement with an open question and a running agenda item, when it ends, then both are closed', () => {
    const g = given().engagement().question('q1').open().start();
    g.with('chair', { type: 'agenda.add', kind: 'question', plannedMinutes: 20, questionId: g.questionId('q1') });
    g.openQuestion('q1');
    const itemId = g.state.agenda[0].id;
    expect(g.state.currentAgendaItemId).toBe(itemId);
    g.advance(600);
    const events = g.as('chair').run({ type: 'engagement.end' });
    expect(events.map((e) => e.type)).toEqual(['question.closed', 'engagement.ended']);
    expect(g.state.openQuestionId).toBeNull();
    expect(g.state.agenda[0].endedAt).toBe(g.now);
    expect(g.state.currentAgendaItemId).toBeNull();
  });

  it('LIFE-3: given a waiting speaker, when the engagement ends, then their request is deferred to written input', () => {
    const g = given().engagement().question('q1').open().start().participant('ngo').openQuestion('q1');
    g.with('ngo', { type: 'floor.request', questionId: g.questionId('q1') });
    g.end();
    const [request] = Object.values(g.state.requests);
    expect(request.status).toBe('deferred');
  });

  it('LIFE-5: given an engagement, when updated, then only the changed settings are recorded; an empty update is refused', () => {
    const g = given().engagement();
    const [event] = g.as('chair').run({ type: 'engagement.update', title: 'New title', speakingSeconds: 180 });
    expect(event).toMatchObject({ type: 'engagement.updated', changes: { title: 'New title' } });
    expect(g.state.settings.title).toBe('New title');
    expect(g.refusal({ type: 'engagement.update', title: 'New title' }).rule).toBe('LIFE-5');
    expect(given().engagement().open().start().end().refusal({ type: 'engagement.update', title: 'x' }).rule).toBe('LIFE-5');
  });

  it('LIFE-4: given an ended engagement, when questions or the agenda change, then it is refused', () => {
    const g = given().engagement().question('q1').open().start().end();
    expect(g.refusal({ type: 'question.add', text: 'late?' }).rule).toBe('Q-1');
    expect(g.refusal({ type: 'agenda.add', kind: 'other', plannedMinutes: 5 }).rule).toBe('AGENDA-1');
  });
});
