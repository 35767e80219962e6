import { describe, expect, it } from 'vitest';
import type { EngagementEvent } from '../../../server/domain/events.js';
import { given } from '../support/engagementBuilder.js';
import { liveWithThreeSpeakers } from '../support/liveWithThreeSpeakers.js';

// PART-10: someone who may no longer speak leaves the speakers list (and the floor) in the same command.

/** A live meeting on q1 (and q2, open before, where ngo still waits): ngo and kenya wait on q1. */
function meeting() {
  const g = liveWithThreeSpeakers().openQuestion('q2');
  g.as('ngo').run({ type: 'floor.request', questionId: g.questionId('q2') });
  g.openQuestion('q1');
  g.as('ngo').run({ type: 'floor.request', questionId: g.questionId('q1') });
  g.as('kenya').run({ type: 'floor.request', questionId: g.questionId('q1') });
  return g;
}

const waitingOf = (g: ReturnType<typeof meeting>, name: string) =>
  Object.values(g.state.requests).filter((r) => r.participantId === g.participantId(name) && r.status === 'waiting');

describe('leaving the floor (PART-10)', () => {
  it('PART-10: given a stakeholder waiting on two questions, when the Chair makes them an observer, then every waiting request is skipped ("Now an observer") before the role change', () => {
    const g = meeting();
    const ids = waitingOf(g, 'ngo').map((r) => r.id);
    expect(ids).toHaveLength(2);
    const events = g.as('chair').run({ type: 'participant.setRole', participantId: g.participantId('ngo'), role: 'observer' });
    expect(events.map((e) => e.type)).toEqual(['floor.skipped', 'floor.skipped', 'participant.roleChanged']);
    expect(
      events
        .slice(0, 2)
        .map((e) => (e as Extract<EngagementEvent, { type: 'floor.skipped' }>).requestId)
        .sort(),
    ).toEqual([...ids].sort());
    for (const id of ids) expect(g.state.requests[id]).toMatchObject({ status: 'skipped', skipReason: 'Now an observer' });
    expect(g.state.waiting[g.questionId('q1')]).toEqual(waitingOf(g, 'kenya').map((r) => r.id));
    expect(g.state.waiting[g.questionId('q2')]).toEqual([]);
    // Without the skip, the head of q1's list (ngo) would be given the floor.
    const [kenya] = waitingOf(g, 'kenya');
    expect(g.run({ type: 'floor.give' })).toEqual([expect.objectContaining({ type: 'floor.given', requestId: kenya.id })]);
  });

  it('PART-10: given a stakeholder who has the floor and waits on another question, when made secretariat, then the intervention ends first, then the waiting request is skipped', () => {
    const g = meeting();
    g.as('chair').run({ type: 'floor.give' });
    expect(g.state.requests[g.state.currentRequestId!].participantId).toBe(g.participantId('ngo'));
    g.advance(42);
    const events = g.run({ type: 'participant.setRole', participantId: g.participantId('ngo'), role: 'secretariat' });
    expect(events.map((e) => e.type)).toEqual(['floor.ended', 'floor.skipped', 'participant.roleChanged']);
    expect(events[0]).toMatchObject({ spokeSeconds: 42, overrunSeconds: 0 });
    expect(events[1]).toMatchObject({ reason: 'Now in the secretariat' });
    expect(g.state.currentRequestId).toBeNull();
    expect(waitingOf(g, 'ngo')).toEqual([]);
  });

  it('PART-10: given a waiting delegation, when the role changes to another that may speak, then its place on the list stays', () => {
    const g = meeting();
    const before = g.state.waiting[g.questionId('q1')];
    const events = g.as('chair').run({ type: 'participant.setRole', participantId: g.participantId('kenya'), role: 'stakeholder' });
    expect(events.map((e) => e.type)).toEqual(['participant.roleChanged']);
    expect(g.state.waiting[g.questionId('q1')]).toEqual(before);
  });

  it('PART-10: given someone with no request, when made an observer, then only the role changes', () => {
    const g = meeting();
    const events = g.as('chair').run({ type: 'participant.setRole', participantId: g.participantId('uni'), role: 'observer' });
    expect(events.map((e) => e.type)).toEqual(['participant.roleChanged']);
  });

  it('PART-10: given a log where a pending registration waits to speak (PART-4 lets only pending ones be declined), when declined, then the request is skipped ("Registration declined") without the decline reason', () => {
    // A pending registration cannot ask for the floor today (FLOOR-3), so this state comes from a log, not
    // from commands: the rule must hold whatever the log holds.
    const g = given().engagement().question('q1').open().participant('ngo', { approve: false }).start().openQuestion('q1');
    g.apply({
      type: 'floor.requested',
      at: g.now,
      requestId: 'r-ngo',
      questionId: g.questionId('q1'),
      participantId: g.participantId('ngo'),
      note: null,
      allowanceSeconds: 180,
      position: 0,
    });
    const events = g.as('chair').run({ type: 'participant.decline', participantId: g.participantId('ngo'), reason: 'Not accredited' });
    expect(events.map((e) => e.type)).toEqual(['floor.skipped', 'participant.declined']);
    expect(g.state.requests['r-ngo']).toMatchObject({ status: 'skipped', skipReason: 'Registration declined' });
    expect(g.state.waiting[g.questionId('q1')]).toEqual([]);
  });
});
