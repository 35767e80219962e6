import { describe, expect, it } from 'vitest';
import { floorClosingEvents } from '../../../server/domain/floor/floorClosing.js';
import { FloorScenario, isoAfter } from './floorScenario.js';

// DEFER-3: what ending the engagement does to the floor.

describe('ending the engagement', () => {
  it('DEFER-3: ends the current intervention with its spoken time and defers every waiting request of every question', () => {
    const s = new FloorScenario({ speakingSeconds: 60 });
    for (const n of ['a', 'b', 'c']) s.person(n);
    s.question('q1');
    const a = s.request('a');
    const b = s.request('b');
    s.question('q2');
    const c = s.request('c');
    s.run({ type: 'floor.give' }); // c on q2
    s.tick(75);
    const events = floorClosingEvents(s.state, s.now);
    expect(events).toEqual([
      { type: 'floor.ended', at: isoAfter(75), requestId: c, spokeSeconds: 75, overrunSeconds: 15 },
      { type: 'floor.deferred', at: isoAfter(75), requestId: a, reason: 'engagement-ended' },
      { type: 'floor.deferred', at: isoAfter(75), requestId: b, reason: 'engagement-ended' },
    ]);
    s.endEngagement();
    expect(s.state.currentRequestId).toBeNull();
    expect(Object.values(s.state.waiting).flat()).toEqual([]);
    expect(Object.values(s.state.requests).map((r) => r.status)).toEqual(['deferred', 'deferred', 'heard']);
  });

  it('DEFER-3: with nobody speaking and nobody waiting there is nothing to record', () => {
    const s = new FloorScenario();
    s.question('q1');
    expect(floorClosingEvents(s.state, s.now)).toEqual([]);
  });
});
