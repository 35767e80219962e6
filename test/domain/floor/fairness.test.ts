import { describe, expect, it } from 'vitest';
import { fairness } from '../../../server/domain/floor/fairness.js';
import { FloorScenario } from './floorScenario.js';

// FLOOR-17: the fairness record, from the interventions as they ran.

function meeting() {
  const s = new FloorScenario();
  s.person('ngo1', { category: 'ngo', region: 'african' });
  s.person('ngo2', { category: 'ngo', region: 'weog' });
  s.person('acad', { category: 'academia', region: null });
  s.person('fr', { role: 'delegation', category: 'member-state', region: 'weog' });
  s.question('q1');
  for (const n of ['ngo1', 'fr', 'acad', 'ngo2']) s.request(n);
  s.speak(undefined, 100); // ngo1
  s.speak(undefined, 200); // fr
  s.run({ type: 'floor.skip', requestId: s.waiting()[0] }); // acad skipped
  s.question('q2');
  s.request('ngo1');
  s.speak(undefined, 50); // ngo1 again
  return s;
}

describe('fairness', () => {
  it('FLOOR-17: counts each participant’s ended interventions and seconds, and lists those not heard with zero', () => {
    const s = meeting();
    const record = fairness(s.state);
    expect(record.participants).toEqual([
      { participantId: 'ngo1', timesHeard: 2, secondsUsed: 150, waiting: 0 },
      { participantId: 'fr', timesHeard: 1, secondsUsed: 200, waiting: 0 },
      { participantId: 'acad', timesHeard: 0, secondsUsed: 0, waiting: 0 },
      { participantId: 'ngo2', timesHeard: 0, secondsUsed: 0, waiting: 1 },
    ]);
  });

  it('FLOOR-17: groups by category, region (unspecified when none) and constituency, counting distinct participants heard', () => {
    const record = fairness(meeting().state);
    expect(record.byCategory.ngo).toEqual({ timesHeard: 2, secondsUsed: 150, participants: 1 });
    expect(record.byCategory['member-state']).toEqual({ timesHeard: 1, secondsUsed: 200, participants: 1 });
    expect(record.byCategory.academia).toEqual({ timesHeard: 0, secondsUsed: 0, participants: 0 });
    expect(record.byRegion.african).toEqual({ timesHeard: 2, secondsUsed: 150, participants: 1 });
    expect(record.byRegion.weog).toEqual({ timesHeard: 1, secondsUsed: 200, participants: 1 });
    expect(record.byRegion.unspecified.timesHeard).toBe(0);
    expect(record.byConstituency).toEqual({
      'member-states': { timesHeard: 1, secondsUsed: 200, participants: 1 },
      stakeholders: { timesHeard: 2, secondsUsed: 150, participants: 1 },
    });
  });

  it('FLOOR-17: the running intervention counts only when `now` is given, up to now and without paused time', () => {
    const s = meeting();
    s.request('ngo2'); // on q2, the open question (their q1 request still waits)
    s.run({ type: 'floor.give' });
    s.tick(30).run({ type: 'floor.pause' });
    s.tick(40);
    expect(fairness(s.state).participants.find((p) => p.participantId === 'ngo2')?.timesHeard).toBe(0);
    expect(fairness(s.state, s.now).participants.find((p) => p.participantId === 'ngo2')).toEqual({
      participantId: 'ngo2',
      timesHeard: 1,
      secondsUsed: 30,
      waiting: 1,
    });
  });
});
