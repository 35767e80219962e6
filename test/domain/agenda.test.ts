import { describe, expect, it } from 'vitest';
import { given } from './support/engagementBuilder.js';

describe('agenda', () => {
  it('AGENDA-2: given a question, when an item links to it without a title, then the title is the question; otherwise the kind', () => {
    const g = given().engagement().question('q1', 'How can capacity-building be made demand-driven?');
    g.with('chair', { type: 'agenda.add', kind: 'question', plannedMinutes: 30, questionId: g.questionId('q1') });
    g.with('chair', { type: 'agenda.add', kind: 'opening', plannedMinutes: 5, position: 0 });
    expect(g.state.agenda.map((i) => i.title)).toEqual(['Opening', 'How can capacity-building be made demand-driven?']);
    expect(g.refusal({ type: 'agenda.add', kind: 'question', plannedMinutes: 5, questionId: 'missing' }).rule).toBe('AGENDA-2');
  });

  it('AGENDA-6: given an open (not live) engagement, when an item begins, then it is refused; live, it records the start and the previous end', () => {
    const g = given().engagement();
    g.with('chair', { type: 'agenda.add', kind: 'opening', plannedMinutes: 5 });
    g.with('chair', { type: 'agenda.add', kind: 'closing', plannedMinutes: 5 });
    const [opening, closing] = g.state.agenda.map((i) => i.id);
    g.open();
    expect(g.refusal({ type: 'agenda.begin', itemId: opening }).rule).toBe('AGENDA-6');
    g.start().with('chair', { type: 'agenda.begin', itemId: opening });
    const began = g.now;
    g.advance(300).with('chair', { type: 'agenda.begin', itemId: closing });
    expect(g.state.agenda[0]).toMatchObject({ startedAt: began, endedAt: g.now });
    expect(g.state.agenda[1]).toMatchObject({ startedAt: g.now, endedAt: null });
    expect(g.state.currentAgendaItemId).toBe(closing);
  });

  it('AGENDA-7 and AGENDA-4: given a running item, when it begins again or is removed, then both are refused', () => {
    const g = given().engagement().open().start();
    g.with('chair', { type: 'agenda.add', kind: 'opening', plannedMinutes: 5 });
    const itemId = g.state.agenda[0].id;
    g.with('chair', { type: 'agenda.begin', itemId });
    expect(g.refusal({ type: 'agenda.begin', itemId }).rule).toBe('AGENDA-7');
    expect(g.refusal({ type: 'agenda.remove', itemId }).rule).toBe('AGENDA-4');
  });

  it('AGENDA-8: given a live engagement and an item linked to a question, when the question opens, then the item begins too', () => {
    const g = given().engagement().question('q1').open().start();
    g.with('chair', { type: 'agenda.add', kind: 'opening', plannedMinutes: 5 });
    g.with('chair', { type: 'agenda.add', kind: 'question', plannedMinutes: 20, questionId: g.questionId('q1') });
    const [opening, item] = g.state.agenda.map((i) => i.id);
    g.with('chair', { type: 'agenda.begin', itemId: opening });
    const events = g.as('chair').run({ type: 'question.open', questionId: g.questionId('q1') });
    expect(events.map((e) => e.type)).toEqual(['question.opened', 'agenda.begun']);
    expect(events[1]).toMatchObject({ itemId: item, previousItemId: opening });
    expect(g.state.currentAgendaItemId).toBe(item);
  });

  it('AGENDA-3/5: given items, when moved, updated and removed, then the agenda follows; unknown ids and empty updates are refused', () => {
    const g = given().engagement();
    for (const kind of ['opening', 'breakouts', 'closing'] as const) g.with('chair', { type: 'agenda.add', kind, plannedMinutes: 10 });
    const [a, b, c] = g.state.agenda.map((i) => i.id);
    g.with('chair', { type: 'agenda.move', itemId: c, position: 0 });
    expect(g.state.agenda.map((i) => i.id)).toEqual([c, a, b]);
    g.with('chair', { type: 'agenda.update', itemId: b, plannedMinutes: 25, title: 'Thematic breakouts' });
    expect(g.state.agenda[2]).toMatchObject({ plannedMinutes: 25, title: 'Thematic breakouts' });
    expect(g.refusal({ type: 'agenda.update', itemId: b, plannedMinutes: 25 }).rule).toBe('AGENDA-5');
    g.with('chair', { type: 'agenda.remove', itemId: a });
    expect(g.state.agenda.map((i) => i.id)).toEqual([c, b]);
    expect(g.refusal({ type: 'agenda.remove', itemId: a })).toMatchObject({ rule: 'AGENDA-3', kind: 'NOT_FOUND' });
  });
});
