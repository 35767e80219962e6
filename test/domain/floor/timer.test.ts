import { describe, expect, it } from 'vitest';
import { nextDeadline } from '../../../server/domain/floor/nextDeadline.js';
import { remainingSeconds } from '../../../server/domain/floor/timeBudget.js';
import { evolveFloor } from '../../../server/domain/floor/evolveFloor.js';
import { FloorScenario, isoAfter, ruleOf } from './floorScenario.js';

// The intervention's timer: a deadline, pausable and extendable (FLOOR-11), its end (FLOOR-12), and the
// overrun that the server records exactly once (FLOOR-14).

function speaking(allowance = 180) {
  const s = new FloorScenario({ speakingSeconds: allowance });
  s.person('ngo1');
  s.person('ngo2');
  s.question('q1');
  const id = s.request('ngo1');
  s.request('ngo2');
  s.run({ type: 'floor.give' }); // at T0, deadline T0 + allowance
  return { s, id, current: () => s.state.interventions[id] };
}

describe('pause, resume, extend', () => {
  it('FLOOR-11: given a running intervention, when paused for 25 s and resumed, then the deadline moves by 25 s and pausedSeconds accumulates', () => {
    const { s, id, current } = speaking();
    s.tick(40);
    s.run({ type: 'floor.pause' });
    expect(current().pausedAt).toBe(isoAfter(40));
    s.tick(25);
    expect(remainingSeconds(current(), s.now)).toBe(140); // frozen at the pause
    const [resumed] = s.run({ type: 'floor.resume' });
    expect(resumed).toEqual({ type: 'floor.resumed', at: isoAfter(65), requestId: id, deadline: isoAfter(205), pausedSeconds: 25 });
    expect(current()).toMatchObject({ pausedAt: null, pausedSeconds: 25, deadline: isoAfter(205) });
    s.tick(10).run({ type: 'floor.pause' });
    s.tick(5).run({ type: 'floor.resume' });
    expect(current()).toMatchObject({ pausedSeconds: 30, deadline: isoAfter(210) });
    expect(remainingSeconds(current(), s.now)).toBe(130);
  });

  it('FLOOR-11: pause only a running timer, resume only a paused one, and nothing without a speaker', () => {
    const { s } = speaking();
    expect(ruleOf(() => s.run({ type: 'floor.resume' }))).toBe('FLOOR-11');
    s.run({ type: 'floor.pause' });
    expect(ruleOf(() => s.run({ type: 'floor.pause' }))).toBe('FLOOR-11');
    s.run({ type: 'floor.end' });
    for (const type of ['floor.pause', 'floor.resume', 'floor.end'] as const) expect(ruleOf(() => s.run({ type }))).toBe('FLOOR-11');
    expect(ruleOf(() => s.run({ type: 'floor.extend', seconds: 30 }))).toBe('FLOOR-11');
  });

  it('FLOOR-11: extend adds to the deadline, also while paused, and the extension survives the resume', () => {
    const { s, current } = speaking();
    s.tick(100).run({ type: 'floor.extend', seconds: 60 });
    expect(current()).toMatchObject({ deadline: isoAfter(240), extendedSeconds: 60 });
    s.run({ type: 'floor.pause' });
    s.tick(20).run({ type: 'floor.extend', seconds: 30 });
    expect(current()).toMatchObject({ deadline: isoAfter(270), extendedSeconds: 90 });
    s.tick(10).run({ type: 'floor.resume' });
    expect(current().deadline).toBe(isoAfter(300));
    expect(remainingSeconds(current(), s.now)).toBe(170);
  });

  it('TIME-9: remaining seconds run negative once the deadline has passed', () => {
    const { s, current } = speaking(60);
    s.tick(75);
    expect(remainingSeconds(current(), s.now)).toBe(-15);
  });
});

describe('ending an intervention', () => {
  it('FLOOR-12: spoken time = end − start − paused time, and the overrun is what exceeds allowance + extensions', () => {
    const { s, id, current } = speaking(120);
    s.tick(50).run({ type: 'floor.pause' });
    s.tick(30).run({ type: 'floor.resume' });
    s.tick(20).run({ type: 'floor.extend', seconds: 30 });
    s.tick(100); // spoke 50 + 20 + 100 = 170 s; allowed 120 + 30 = 150 s
    const [ended] = s.run({ type: 'floor.end' });
    expect(ended).toEqual({ type: 'floor.ended', at: isoAfter(200), requestId: id, spokeSeconds: 170, overrunSeconds: 20 });
    expect(current()).toMatchObject({ endedAt: isoAfter(200), spokeSeconds: 170, overrunSeconds: 20 });
    expect(s.state.requests[id].status).toBe('heard');
    expect(s.state.currentRequestId).toBeNull();
  });

  it('FLOOR-12: ended while paused, the open pause is not spoken time; within the allowance there is no overrun', () => {
    const { s, current } = speaking(180);
    s.tick(90).run({ type: 'floor.pause' });
    s.tick(600);
    const [ended] = s.run({ type: 'floor.end' });
    expect(ended).toMatchObject({ spokeSeconds: 90, overrunSeconds: 0 });
    expect(current()).toMatchObject({ pausedAt: null, pausedSeconds: 600 });
  });
});

describe('overrun, recorded once by the server', () => {
  it('FLOOR-14: nextDeadline names the running intervention’s deadline and the command to record its overrun', () => {
    const { s, id } = speaking(180);
    expect(nextDeadline(s.state)).toEqual({ dueAt: isoAfter(180), command: { type: 'floor.recordOverrun', requestId: id } });
  });

  it('FLOOR-14: given the deadline has passed, when the server records the overrun twice, then the second is refused and the speaker keeps the floor', () => {
    const { s, id, current } = speaking(180);
    s.tick(181);
    const [overran] = s.run({ type: 'floor.recordOverrun', requestId: id }, { kind: 'system' });
    expect(overran).toEqual({ type: 'floor.overran', at: isoAfter(181), requestId: id, dueAt: isoAfter(180) });
    expect(current().overranAt).toBe(isoAfter(180));
    expect(ruleOf(() => s.run({ type: 'floor.recordOverrun', requestId: id }, { kind: 'system' }))).toBe('FLOOR-14');
    expect(s.state.currentRequestId).toBe(id); // never cut off
    expect(nextDeadline(s.state)).toBeNull();
  });

  it('FLOOR-14: an early timer, a paused intervention, an ended one or another request is refused', () => {
    const { s, id } = speaking(180);
    s.tick(179);
    expect(ruleOf(() => s.run({ type: 'floor.recordOverrun', requestId: id }))).toBe('FLOOR-14');
    s.run({ type: 'floor.pause' });
    s.tick(60);
    expect(ruleOf(() => s.run({ type: 'floor.recordOverrun', requestId: id }))).toBe('FLOOR-14');
    expect(nextDeadline(s.state)).toBeNull(); // a paused timer has no deadline running
    s.run({ type: 'floor.resume' });
    expect(nextDeadline(s.state)?.dueAt).toBe(isoAfter(240));
    // resumed at 239 s: the deadline moved by the pause, so a timer set for the old deadline (180 s) is refused
    expect(ruleOf(() => s.run({ type: 'floor.recordOverrun', requestId: id }))).toBe('FLOOR-14');
    expect(ruleOf(() => s.run({ type: 'floor.recordOverrun', requestId: 'other' }))).toBe('FLOOR-14');
    s.run({ type: 'floor.end' });
    s.tick(600);
    expect(ruleOf(() => s.run({ type: 'floor.recordOverrun', requestId: id }))).toBe('FLOOR-14');
    expect(nextDeadline(s.state)).toBeNull();
  });

  it('FLOOR-14: a stale overrun event of an ended intervention does not disturb the fold', () => {
    const { s, id } = speaking(60);
    s.tick(30).run({ type: 'floor.end' });
    const next = evolveFloor(s.state, { type: 'floor.overran', at: s.now, requestId: 'unknown', dueAt: s.now });
    expect(next).toBe(s.state);
    expect(s.state.interventions[id].overranAt).toBeNull();
  });
});

describe('evolve is pure', () => {
  it('FLOOR-11: folding returns a new state and leaves the input untouched', () => {
    const { s } = speaking();
    const before = JSON.stringify(s.state);
    const frozen = s.state;
    evolveFloor(frozen, { type: 'floor.extended', at: s.now, requestId: frozen.currentRequestId!, seconds: 10, deadline: isoAfter(190) });
    expect(JSON.stringify(frozen)).toBe(before);
  });
});
