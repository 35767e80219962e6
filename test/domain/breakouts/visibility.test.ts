import { describe, expect, it } from 'vitest';
import type { Membership } from '../../../server/domain/context.js';
import { isBreakoutEvent, type BreakoutEvent } from '../../../server/domain/breakouts/events.js';
import { evolveBreakouts } from '../../../server/domain/breakouts/evolveBreakouts.js';
import { emptyBreakouts, type BreakoutsState } from '../../../server/domain/breakouts/state.js';
import { projectBreakouts, redactBreakoutEvent } from '../../../server/domain/breakouts/visibility.js';
import { BreakoutWorld } from './breakoutWorld.js';

// What each role sees of breakout rounds (BREAKOUT-VIEW-1..5), and that the stream agrees with the
// snapshot: folding the redacted events into a viewer's projection gives their projection (VIEW-9).

const VIEWERS = ['chair', 'n1', 'm1', 'obs', 'pending', 'stranger'] as const;

/** A balanced round with preferences, auto-assigned, started, broadcast to, extended, warned, ended, reported. */
function scenario(): BreakoutWorld {
  const w = new BreakoutWorld()
    .person('n1', { category: 'ngo', region: 'african' })
    .person('n2', { category: 'ngo', region: 'weog' })
    .person('m1', { role: 'delegation', region: 'grulac' })
    .person('m2', { role: 'delegation', region: 'asia-pacific' })
    .person('obs', { role: 'observer' })
    .person('pending', { status: 'pending' });
  const [planned] = w.run('chair', {
    type: 'breakouts.plan',
    mode: 'balanced',
    durationMinutes: 10,
    rooms: [
      { theme: 'Needs', capacity: 3, rapporteurId: 'p-n2' },
      { theme: 'Partnerships', capacity: 3 },
    ],
  });
  const roundId = (planned as Extract<BreakoutEvent, { type: 'breakouts.planned' }>).roundId;
  w.run('n1', { type: 'breakouts.choose', roundId, preferences: [w.roomId(2)] });
  w.run('m1', { type: 'breakouts.choose', roundId, roomId: w.roomId(1) });
  w.run('chair', { type: 'breakouts.autoAssign', roundId, seed: 9 });
  w.run('chair', { type: 'breakouts.assign', roundId, participantId: 'p-obs', roomId: w.roomId(2) });
  w.run('chair', { type: 'breakouts.start', roundId });
  w.run('chair', { type: 'breakouts.broadcast', roundId, message: 'Two minutes to agree your proposals' });
  w.run('chair', { type: 'breakouts.extend', roundId, minutes: 2 });
  w.advance(11 * 60).run('system', { type: 'breakouts.warn', roundId });
  w.advance(60).run('system', { type: 'breakouts.expire', roundId });
  w.run('n2', {
    type: 'breakouts.report',
    roundId,
    roomId: w.roomId(1),
    keyPoints: ['Needs first'],
    proposals: [],
    implementation: [],
    openQuestions: [],
  });
  return w;
}

function breakoutsAfterEach(w: BreakoutWorld): { events: BreakoutEvent[]; states: BreakoutsState[] } {
  const events = w.events.filter(isBreakoutEvent);
  const states: BreakoutsState[] = [];
  let s = { breakouts: emptyBreakouts() };
  for (const e of events) {
    s = evolveBreakouts(s, e);
    states.push(s.breakouts);
  }
  return { events, states };
}

describe('breakout visibility', () => {
  it('BREAKOUT-VIEW-1: given the Chair, then they see every assignment and every preference', () => {
    const w = scenario();
    const seen = projectBreakouts(w.state.breakouts, w.membership('chair'));
    expect(seen).toEqual(w.state.breakouts);
    expect(Object.keys(w.round().assignment).length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(seen.rounds[w.round().id].preferences).sort()).toEqual(['p-m1', 'p-n1']);
  });

  it('BREAKOUT-VIEW-2, BREAKOUT-VIEW-3: given a stakeholder, then they see the rounds, rooms, broadcasts and timing, and their own room only', () => {
    const w = scenario();
    const round = projectBreakouts(w.state.breakouts, w.membership('n1')).rounds[w.round().id];
    expect(round.rooms).toEqual(w.round().rooms);
    expect(round.deadline).toBe(w.round().deadline);
    expect(round.broadcasts).toHaveLength(1);
    expect(round.assignment).toEqual({ 'p-n1': w.round().assignment['p-n1'] });
  });

  it('BREAKOUT-VIEW-4: given a delegation, then they see their own preferences and nobody else’s', () => {
    const w = scenario();
    const round = projectBreakouts(w.state.breakouts, w.membership('m1')).rounds[w.round().id];
    expect(round.preferences).toEqual({ 'p-m1': [w.roomId(1)] });
  });

  it('BREAKOUT-VIEW-2: given members, then they see reports; an applicant and a stranger see no breakouts at all', () => {
    const w = scenario();
    expect(projectBreakouts(w.state.breakouts, w.membership('obs')).rounds[w.round().id].reports[w.roomId(1)]?.keyPoints).toEqual([
      'Needs first',
    ]);
    expect(projectBreakouts(w.state.breakouts, w.membership('pending'))).toEqual(emptyBreakouts());
    expect(projectBreakouts(w.state.breakouts, w.membership('stranger'))).toEqual(emptyBreakouts());
  });

  it('BREAKOUT-VIEW-5: given an auto-assignment, then a member’s copy of the event keeps each room’s mix and only their own placement', () => {
    const w = scenario();
    const event = w.events.find(
      (e): e is Extract<BreakoutEvent, { type: 'breakouts.autoAssigned' }> => e.type === 'breakouts.autoAssigned',
    )!;
    const seen = redactBreakoutEvent(event, w.membership('m2'))!;
    expect(seen.rooms).toEqual(event.rooms);
    expect(Object.keys(seen.assignment)).toEqual(['p-m2']);
    expect(redactBreakoutEvent(event, w.membership('pending'))).toBeNull();
  });

  it('BREAKOUT-VIEW-1..5 (VIEW-9): given every viewer, when they fold the redacted events in order, then after each event they hold exactly their projection', () => {
    const w = scenario();
    const { events, states } = breakoutsAfterEach(w);
    expect(new Set(events.map((e) => e.type)).size).toBe(10);
    for (const name of VIEWERS) {
      const me: Membership = w.membership(name);
      let view = { breakouts: projectBreakouts(emptyBreakouts(), me) };
      events.forEach((event, i) => {
        const seen = redactBreakoutEvent(event, me);
        if (seen !== null) view = evolveBreakouts(view, seen);
        expect(view.breakouts, `${name} after ${event.type}`).toEqual(projectBreakouts(states[i], me));
      });
    }
  });
});
