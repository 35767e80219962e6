import { describe, expect, it } from 'vitest';
import { given } from '../support/engagementBuilder.js';
import { liveWithThreeSpeakers } from '../support/liveWithThreeSpeakers.js';

// TIME-10: a new speaking time reaches those already waiting, except where a shortened allowance is in force.

/** Live, speaking time 180 s: on q1 ngo has the floor and kenya, uni wait; on q2 (asked while it was open) nobody. */
function meeting() {
  const g = liveWithThreeSpeakers().openQuestion('q1');
  for (const name of ['ngo', 'kenya', 'uni']) g.as(name).run({ type: 'floor.request', questionId: g.questionId('q1') });
  g.as('chair').run({ type: 'floor.give' });
  return g;
}

const allowances = (g: ReturnType<typeof meeting>) =>
  Object.fromEntries(
    Object.values(g.state.requests).map((r) => [g.state.participants[r.participantId].displayName, [r.status, r.allowanceSeconds]]),
  );

describe('changing the speaking time (TIME-10)', () => {
  it('TIME-10: given two waiting speakers at 180 s and one speaking, when the speaking time becomes 240 s, then both waiting take 240 s and the speaker keeps 180 s', () => {
    const g = meeting();
    const events = g.as('chair').run({ type: 'engagement.update', speakingSeconds: 240 });
    expect(events.map((e) => e.type)).toEqual(['engagement.updated', 'floor.allowancesChanged']);
    expect(events[1]).toMatchObject({ allowanceSeconds: 240, requestIds: g.state.waiting[g.questionId('q1')] });
    expect(allowances(g)).toEqual({ ngo: ['speaking', 180], kenya: ['waiting', 240], uni: ['waiting', 240] });
    expect(g.state.interventions[g.state.currentRequestId!].allowanceSeconds).toBe(180);
    // The next one given the floor gets the new time.
    g.run({ type: 'floor.end' });
    expect(g.run({ type: 'floor.give' })[0]).toMatchObject({ type: 'floor.given', allowanceSeconds: 240 });
  });

  it('TIME-10: given nobody waiting, or a change that is not the speaking time, then only the settings change', () => {
    const g = given().engagement().question('q1').open().start().openQuestion('q1');
    expect(
      g
        .as('chair')
        .run({ type: 'engagement.update', speakingSeconds: 120 })
        .map((e) => e.type),
    ).toEqual(['engagement.updated']);
    const m = meeting();
    expect(
      m
        .as('chair')
        .run({ type: 'engagement.update', title: 'Renamed' })
        .map((e) => e.type),
    ).toEqual(['engagement.updated']);
  });

  it("TIME-10, TIME-7: given a shorten re-plan in force on q1, when the speaking time changes, then q1's shortened allowances stay and a new request there still gets the shortened one", () => {
    const g = meeting();
    g.as('chair').run({ type: 'time.setHardStop', at: new Date(Date.parse(g.now) + 400 * 1000).toISOString() });
    const [replanned] = g.run({ type: 'time.replan', strategy: 'shorten' });
    const shortened = (replanned as { allowanceSeconds: number }).allowanceSeconds;
    expect(shortened).toBeLessThan(180);
    const events = g.run({ type: 'engagement.update', speakingSeconds: 300 });
    expect(events.map((e) => e.type)).toEqual(['engagement.updated']);
    expect(allowances(g)).toMatchObject({ kenya: ['waiting', shortened], uni: ['waiting', shortened] });
  });

  it("TIME-10: given a shorten re-plan on q1 and people waiting on q2 (now open), when the speaking time changes, then only q2's waiting requests follow", () => {
    const g = meeting();
    g.as('chair').run({ type: 'time.setHardStop', at: new Date(Date.parse(g.now) + 400 * 1000).toISOString() });
    g.run({ type: 'time.replan', strategy: 'shorten' });
    g.run({ type: 'floor.end' });
    g.openQuestion('q2');
    const [asked] = g.as('ngo').run({ type: 'floor.request', questionId: g.questionId('q2') });
    const q1Before = g.state.waiting[g.questionId('q1')].map((id) => g.state.requests[id].allowanceSeconds);
    const events = g.as('chair').run({ type: 'engagement.update', speakingSeconds: 90 });
    expect(events[1]).toMatchObject({
      type: 'floor.allowancesChanged',
      requestIds: [(asked as { requestId: string }).requestId],
      allowanceSeconds: 90,
    });
    expect(g.state.waiting[g.questionId('q1')].map((id) => g.state.requests[id].allowanceSeconds)).toEqual(q1Before);
  });
});
