import { describe, expect, it } from 'vitest';
import { constituencyOf, insertionPosition, reorderByPolicy } from '../../../server/domain/floor/speakersOrder.js';
import { FloorScenario } from './floorScenario.js';

// The order policies (FLOOR-5..8) on constructed lists. Names: ngo* / acad* are stakeholders, ms* are
// member states (delegations).

function scenario(policy?: 'inscription' | 'first-time-first' | 'alternate') {
  const s = new FloorScenario();
  for (const n of ['ngo1', 'ngo2', 'ngo3', 'acad1']) s.person(n, { category: n.startsWith('acad') ? 'academia' : 'ngo' });
  for (const n of ['ms1', 'ms2', 'ms3']) s.person(n, { role: 'delegation', category: 'member-state' });
  s.question('q1');
  if (policy) s.run({ type: 'floor.policy', order: policy });
  return s;
}

describe('constituencies', () => {
  it('FLOOR-7: member states are delegations or category member-state; everyone else is a stakeholder', () => {
    expect(constituencyOf({ category: 'member-state', role: 'stakeholder' })).toBe('member-states');
    expect(constituencyOf({ category: 'intergovernmental', role: 'delegation' })).toBe('member-states');
    expect(constituencyOf({ category: 'ngo', role: 'stakeholder' })).toBe('stakeholders');
    expect(constituencyOf({ category: 'academia', role: 'observer' })).toBe('stakeholders');
  });
});

describe('inscription', () => {
  it('FLOOR-5: given the inscription policy, when people ask, then they are listed in the order they asked', () => {
    const s = scenario();
    for (const n of ['ms1', 'ngo1', 'ms2', 'ngo2']) s.request(n);
    expect(s.waitingNames()).toEqual(['ms1', 'ngo1', 'ms2', 'ngo2']);
  });
});

describe('first-time speakers first', () => {
  it('FLOOR-6: given repeat and first-time speakers waiting, when a first-timer asks, then they go after the waiting first-timers and before the first repeat speaker', () => {
    const s = scenario('first-time-first');
    s.request('ngo1');
    s.speak(undefined, 60); // ngo1 has now been heard: a repeat speaker from now on
    s.request('ms1');
    s.speak(undefined, 60);
    s.question('q2');
    s.request('ngo1'); // repeat
    expect(s.waitingNames()).toEqual(['ngo1']);
    s.request('ngo2'); // first-timer: before the repeat speaker
    expect(s.waitingNames()).toEqual(['ngo2', 'ngo1']);
    s.request('ms1'); // repeat: appended
    s.request('acad1'); // first-timer: after ngo2, before ngo1
    expect(s.waitingNames()).toEqual(['ngo2', 'acad1', 'ngo1', 'ms1']);
  });

  it('FLOOR-6: the one speaking now is not a first-timer', () => {
    const s = scenario('first-time-first');
    s.request('ngo1');
    s.request('ngo2');
    s.run({ type: 'floor.give' }); // ngo1 speaks on q1
    s.question('q2');
    s.request('ngo1');
    s.request('ms1');
    expect(s.waitingNames('q2')).toEqual(['ms1', 'ngo1']);
  });
});

describe('alternate constituencies', () => {
  it('FLOOR-7: given nobody heard yet, the first inscribed keeps first place and the list then alternates', () => {
    const s = scenario('alternate');
    s.request('ngo1');
    s.request('ngo2');
    expect(s.waitingNames()).toEqual(['ngo1', 'ngo2']);
    s.request('ms1'); // not at 0 (nobody heard): between the two stakeholders
    expect(s.waitingNames()).toEqual(['ngo1', 'ms1', 'ngo2']);
    s.request('ms2'); // after ngo2
    expect(s.waitingNames()).toEqual(['ngo1', 'ms1', 'ngo2', 'ms2']);
    s.request('ms3'); // no slot between two stakeholders left: appended
    expect(s.waitingNames()).toEqual(['ngo1', 'ms1', 'ngo2', 'ms2', 'ms3']);
    s.request('ngo3'); // between ms2 and ms3
    expect(s.waitingNames()).toEqual(['ngo1', 'ms1', 'ngo2', 'ms2', 'ngo3', 'ms3']);
  });

  it('FLOOR-7: given a stakeholder spoke last, a member state that asks goes to the head, ahead of waiting stakeholders', () => {
    const s = scenario('alternate');
    s.request('ngo1');
    s.speak(undefined, 60);
    s.request('ngo2');
    s.request('ngo3');
    s.request('ms1');
    expect(s.waitingNames()).toEqual(['ms1', 'ngo2', 'ngo3']);
  });

  it('FLOOR-7: given a member state speaks now, a member state that asks is not put right after it', () => {
    const s = scenario('alternate');
    s.request('ms1');
    s.request('ngo1');
    s.run({ type: 'floor.give' }); // ms1 speaking
    s.request('ms2');
    expect(s.waitingNames()).toEqual(['ngo1', 'ms2']);
  });

  it('FLOOR-7: insertionPosition is pure and reads the list as stored (an empty list takes position 0)', () => {
    const s = scenario('alternate');
    expect(insertionPosition(s.state, 'q1', { participantId: 'ms1' })).toBe(0);
    s.request('ms1');
    expect(insertionPosition(s.state, 'q1', { participantId: 'ngo1' })).toBe(1);
    expect(insertionPosition(s.state, 'q1', { participantId: 'ngo1' }, 'inscription')).toBe(1);
  });
});

describe('changing the policy', () => {
  it('FLOOR-8: given an inscription list, when the Chair switches to alternate, then the list is re-sorted once, starting opposite the last speaker', () => {
    const s = scenario();
    s.request('ms1');
    s.speak(undefined, 30); // a member state spoke last
    for (const n of ['ms2', 'ms3', 'ngo1', 'ngo2', 'ngo3']) s.request(n);
    const [changed] = s.run({ type: 'floor.policy', order: 'alternate' });
    expect(changed.type).toBe('floor.policyChanged');
    expect(s.state.policy).toBe('alternate');
    expect(s.waitingNames()).toEqual(['ngo1', 'ms2', 'ngo2', 'ms3', 'ngo3']);
  });

  it('FLOOR-8: the alternate re-sort equals inscribing the same people one by one under alternate', () => {
    const order = ['ngo1', 'ngo2', 'ms1', 'ngo3', 'ms2', 'acad1', 'ms3'];
    const incremental = scenario('alternate');
    const resorted = scenario('inscription');
    for (const n of order) {
      incremental.request(n);
      resorted.request(n);
    }
    resorted.run({ type: 'floor.policy', order: 'alternate' });
    expect(resorted.waitingNames()).toEqual(incremental.waitingNames());
  });

  it('FLOOR-8: switching to first-time-first moves first-timers ahead, in inscription order', () => {
    const s = scenario();
    s.request('ngo1');
    s.speak(undefined, 30);
    s.question('q2');
    for (const n of ['ngo1', 'ms1', 'ngo2']) s.request(n);
    s.run({ type: 'floor.policy', order: 'first-time-first' });
    expect(s.waitingNames()).toEqual(['ms1', 'ngo2', 'ngo1']);
  });

  it('FLOOR-8: after a re-sort the Chair’s manual move is kept; back to inscription restores the order of asking', () => {
    const s = scenario('alternate');
    for (const n of ['ngo1', 'ngo2', 'ms1']) s.request(n);
    expect(s.waitingNames()).toEqual(['ngo1', 'ms1', 'ngo2']);
    const ngo2 = s.waiting()[2];
    s.run({ type: 'floor.move', requestId: ngo2, position: 0 });
    s.request('ms2'); // the policy places only the newcomer
    expect(s.waitingNames()).toEqual(['ngo2', 'ms2', 'ngo1', 'ms1']);
    s.run({ type: 'floor.policy', order: 'inscription' });
    expect(s.waitingNames()).toEqual(['ngo1', 'ngo2', 'ms1', 'ms2']);
  });

  it('FLOOR-8: reorderByPolicy covers every question with a list and leaves the state untouched', () => {
    const s = scenario();
    s.request('ngo1');
    s.question('q2');
    s.request('ms1');
    const before = JSON.stringify(s.state);
    expect(Object.keys(reorderByPolicy(s.state, 'alternate')).sort()).toEqual(['q1', 'q2']);
    expect(JSON.stringify(s.state)).toBe(before);
  });
});
