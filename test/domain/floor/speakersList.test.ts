import { describe, expect, it } from 'vitest';
import { FloorScenario, ruleOf, userOf } from './floorScenario.js';

// The speakers list: who may ask, who gets the floor, and what the Chair does with waiting requests.

function live() {
  const s = new FloorScenario();
  s.person('ngo1');
  s.person('ngo2');
  s.person('fr', { role: 'delegation', category: 'member-state' });
  s.question('q1');
  return s;
}

describe('asking for the floor', () => {
  it('FLOOR-1 / FLOOR-16: given an open question, when an approved stakeholder asks with a note, then a waiting request with the default allowance is listed', () => {
    const s = live();
    const id = s.request('ngo1', 'On cyber capacity');
    expect(s.state.requests[id]).toMatchObject({
      status: 'waiting',
      participantId: 'ngo1',
      note: 'On cyber capacity',
      allowanceSeconds: 180,
      requestedAt: s.now,
    });
    expect(s.waiting()).toEqual([id]);
  });

  it('FLOOR-1: given an engagement that is open but not live, when a stakeholder asks, then they are inscribed (people inscribe before the start)', () => {
    const s = new FloorScenario({ status: 'open' });
    s.person('ngo1');
    s.question('q1');
    s.request('ngo1');
    expect(s.waitingNames()).toEqual(['ngo1']);
  });

  it('FLOOR-1: given a draft engagement, when someone asks for the floor, then it is refused', () => {
    const s = new FloorScenario({ status: 'draft' });
    s.person('ngo1');
    s.question('q1');
    expect(ruleOf(() => s.request('ngo1'))).toBe('FLOOR-1');
  });

  it('FLOOR-1: given a question that is not open, when someone asks for the floor on it, then it is refused', () => {
    const s = live();
    s.question('q2', false);
    expect(ruleOf(() => s.run({ type: 'floor.request', questionId: 'q2' }, userOf('ngo1')))).toBe('FLOOR-1');
    s.record({ type: 'question.closed', at: s.now, questionId: 'q1' });
    expect(ruleOf(() => s.run({ type: 'floor.request', questionId: 'q1' }, userOf('ngo1')))).toBe('FLOOR-1');
  });

  it('FLOOR-3: given an observer, a pending applicant or a stranger, when they ask for the floor, then it is refused; a delegation may ask', () => {
    const s = live();
    s.person('obs', { role: 'observer' });
    s.person('pending', { approved: false });
    expect(ruleOf(() => s.request('obs'))).toBe('FLOOR-3');
    expect(ruleOf(() => s.request('pending'))).toBe('FLOOR-3');
    expect(ruleOf(() => s.request('nobody'))).toBe('FLOOR-3');
    expect(ruleOf(() => s.run({ type: 'floor.request', questionId: 'q1' }, { kind: 'system' }))).toBe('FLOOR-3');
    s.request('fr');
    expect(s.waitingNames()).toEqual(['fr']);
  });

  it('FLOOR-4: given a live request, when the same participant asks again on the question, then it is refused; after withdrawing they may ask again', () => {
    const s = live();
    const first = s.request('ngo1');
    expect(ruleOf(() => s.request('ngo1'))).toBe('FLOOR-4');
    s.run({ type: 'floor.give' });
    expect(ruleOf(() => s.request('ngo1'))).toBe('FLOOR-4');
    s.run({ type: 'floor.end' });
    const again = s.request('ngo1');
    expect(again).not.toBe(first);
    expect(s.waiting()).toEqual([again]);
  });
});

describe('withdrawing', () => {
  it('FLOOR-9: given my waiting request, when I withdraw it, then it leaves the list as withdrawn', () => {
    const s = live();
    const id = s.request('ngo1');
    s.run({ type: 'floor.withdraw', requestId: id }, userOf('ngo1'));
    expect(s.state.requests[id].status).toBe('withdrawn');
    expect(s.waiting()).toEqual([]);
  });

  it('FLOOR-9: given someone else’s request, when I (or the Chair) try to withdraw it, then it is refused as forbidden', () => {
    const s = live();
    const id = s.request('ngo1');
    let kind = '';
    try {
      s.run({ type: 'floor.withdraw', requestId: id }, userOf('ngo2'));
    } catch (e) {
      kind = (e as { kind: string; rule: string }).kind + ' ' + (e as { rule: string }).rule;
    }
    expect(kind).toBe('FORBIDDEN FLOOR-9');
    expect(ruleOf(() => s.run({ type: 'floor.withdraw', requestId: id }))).toBe('FLOOR-9');
  });

  it('FLOOR-9: given my request has the floor, when I try to withdraw it, then it is refused (the Chair ends the intervention)', () => {
    const s = live();
    const id = s.request('ngo1');
    s.run({ type: 'floor.give' });
    expect(ruleOf(() => s.run({ type: 'floor.withdraw', requestId: id }, userOf('ngo1')))).toBe('FLOOR-9');
  });
});

describe('giving the floor', () => {
  it('FLOOR-10: given a waiting list, when the Chair gives the floor without a request id, then the head speaks with deadline = now + allowance', () => {
    const s = live();
    const a = s.request('ngo1');
    const b = s.request('ngo2');
    s.tick(30);
    const [given] = s.run({ type: 'floor.give' });
    expect(given).toEqual({ type: 'floor.given', at: s.now, requestId: a, allowanceSeconds: 180, deadline: '2026-11-28T10:03:30.000Z' });
    expect(s.state.currentRequestId).toBe(a);
    expect(s.state.requests[a].status).toBe('speaking');
    expect(s.state.interventions[a]).toMatchObject({
      startedAt: s.now,
      deadline: '2026-11-28T10:03:30.000Z',
      pausedSeconds: 0,
      endedAt: null,
    });
    expect(s.waiting()).toEqual([b]);
  });

  it('FLOOR-10: given a waiting list, when the Chair gives the floor to a request further down, then that one speaks', () => {
    const s = live();
    const a = s.request('ngo1');
    const b = s.request('ngo2');
    s.run({ type: 'floor.give', requestId: b });
    expect(s.state.currentRequestId).toBe(b);
    expect(s.waiting()).toEqual([a]);
  });

  it('FLOOR-2: never two speakers — giving the floor while someone speaks is refused, also to a named request', () => {
    const s = live();
    s.request('ngo1');
    const b = s.request('ngo2');
    s.run({ type: 'floor.give' });
    expect(ruleOf(() => s.run({ type: 'floor.give' }))).toBe('FLOOR-2');
    expect(ruleOf(() => s.run({ type: 'floor.give', requestId: b }))).toBe('FLOOR-2');
    s.run({ type: 'floor.pause' });
    expect(ruleOf(() => s.run({ type: 'floor.give', requestId: b }))).toBe('FLOOR-2');
    s.run({ type: 'floor.end' });
    s.run({ type: 'floor.give' });
    expect(s.state.currentRequestId).toBe(b);
  });

  it('FLOOR-10: withdrawn, skipped, deferred and heard requests never get the floor', () => {
    const s = live();
    s.person('ngo3');
    const withdrawn = s.request('ngo1');
    const skipped = s.request('ngo2');
    const deferred = s.request('fr');
    const heard = s.request('ngo3');
    s.run({ type: 'floor.withdraw', requestId: withdrawn }, userOf('ngo1'));
    s.run({ type: 'floor.skip', requestId: skipped, reason: 'not connected' });
    s.run({ type: 'floor.defer', requestId: deferred });
    s.speak(heard, 60);
    for (const id of [withdrawn, skipped, deferred, heard]) {
      expect(ruleOf(() => s.run({ type: 'floor.give', requestId: id }))).toBe('FLOOR-10');
    }
    expect(ruleOf(() => s.run({ type: 'floor.give' }))).toBe('FLOOR-10');
    expect(s.state.currentRequestId).toBeNull();
  });

  it('FLOOR-10: given an engagement that is open but not live, when the Chair gives the floor, then it is refused', () => {
    const s = new FloorScenario({ status: 'open' });
    s.person('ngo1');
    s.question('q1');
    s.request('ngo1');
    expect(ruleOf(() => s.run({ type: 'floor.give' }))).toBe('FLOOR-10');
  });

  it('FLOOR-10: given a request on a question that is no longer open, when the Chair gives it the floor, then it is refused', () => {
    const s = live();
    const a = s.request('ngo1');
    s.question('q2');
    expect(ruleOf(() => s.run({ type: 'floor.give', requestId: a }))).toBe('FLOOR-10');
  });
});

describe('the Chair manages the waiting list', () => {
  it('FLOOR-13: skip records the reason; move places a request (positions beyond the list mean last); only waiting requests', () => {
    const s = live();
    const a = s.request('ngo1');
    const b = s.request('ngo2');
    const c = s.request('fr');
    s.run({ type: 'floor.move', requestId: c, position: 0 });
    expect(s.waiting()).toEqual([c, a, b]);
    const [moved] = s.run({ type: 'floor.move', requestId: c, position: 99 });
    expect(moved).toMatchObject({ type: 'floor.moved', position: 2 });
    expect(s.waiting()).toEqual([a, b, c]);
    s.run({ type: 'floor.skip', requestId: b, reason: 'left the meeting' });
    expect(s.state.requests[b]).toMatchObject({ status: 'skipped', skipReason: 'left the meeting' });
    expect(s.waiting()).toEqual([a, c]);
    expect(ruleOf(() => s.run({ type: 'floor.skip', requestId: b }))).toBe('FLOOR-13');
    expect(ruleOf(() => s.run({ type: 'floor.move', requestId: b, position: 0 }))).toBe('FLOOR-13');
    expect(ruleOf(() => s.run({ type: 'floor.skip', requestId: 'nope' }))).toBe('FLOOR-13');
  });

  it('DEFER-1: deferring a waiting request makes it an invitation to submit in writing (reason chair); a speaking one cannot be deferred', () => {
    const s = live();
    const a = s.request('ngo1');
    const b = s.request('ngo2');
    s.tick(5);
    s.run({ type: 'floor.defer', requestId: b });
    expect(s.state.requests[b]).toMatchObject({ status: 'deferred', deferralReason: 'chair', deferredAt: s.now, fulfilledByInputId: null });
    s.run({ type: 'floor.give' });
    expect(ruleOf(() => s.run({ type: 'floor.defer', requestId: a }))).toBe('DEFER-1');
  });
});

describe('after the end', () => {
  it('FLOOR-15: given an ended engagement, when anyone acts on the floor or the clock, then it is refused', () => {
    const s = live();
    s.request('ngo1');
    s.endEngagement();
    expect(ruleOf(() => s.request('ngo2'))).toBe('FLOOR-15');
    expect(ruleOf(() => s.run({ type: 'floor.give' }))).toBe('FLOOR-15');
    expect(ruleOf(() => s.run({ type: 'time.setHardStop', at: null }))).toBe('FLOOR-15');
  });
});
