import { describe, expect, it } from 'vitest';
import type { BreakoutEvent } from '../../../server/domain/breakouts/events.js';
import type { Category, Region } from '../../../server/domain/vocabulary.js';
import { BreakoutWorld, planTwoRooms } from './breakoutWorld.js';

// Who goes where, in each of the three modes: self-select (capacity), manual (the Chair), balanced (seeded,
// explained), and what the start requires of each.

type Of<T extends string> = Extract<BreakoutEvent, { type: T }>;

describe('self-select rounds', () => {
  it('BREAKOUT-12: given a self-select round, when a stakeholder picks a room, then they are in it and may change their mind', () => {
    const w = new BreakoutWorld().person('ana');
    const roundId = planTwoRooms(w, 'self-select');
    w.run('ana', { type: 'breakouts.choose', roundId, roomId: w.roomId(1) });
    expect(w.round().assignment['p-ana']).toBe(w.roomId(1));
    w.run('ana', { type: 'breakouts.choose', roundId, roomId: w.roomId(2) });
    expect(w.round().assignment['p-ana']).toBe(w.roomId(2));
    expect(w.refusal('ana', { type: 'breakouts.choose', roundId, roomId: w.roomId(2) }).detail).toMatch(/already in room/);
  });

  it('BREAKOUT-11: given a self-select room holding 2 of 2, when a third person picks it, then it is refused and the room stays at capacity', () => {
    const w = new BreakoutWorld().person('ana').person('ben').person('cho');
    const roundId = planTwoRooms(w, 'self-select');
    w.run('ana', { type: 'breakouts.choose', roundId, roomId: w.roomId(1) });
    w.run('ben', { type: 'breakouts.choose', roundId, roomId: w.roomId(1) });
    const refused = w.refusal('cho', { type: 'breakouts.choose', roundId, roomId: w.roomId(1) });
    expect(refused.rule).toBe('BREAKOUT-11');
    expect(refused.detail).toMatch(/is full \(2 of 2 places\)/);
    expect(Object.values(w.round().assignment).filter((r) => r === w.roomId(1))).toHaveLength(2);
  });

  it('BREAKOUT-11: given a running self-select round, then capacity still holds when someone picks late', () => {
    const w = new BreakoutWorld().person('ana').person('ben').person('cho');
    const roundId = planTwoRooms(w, 'self-select');
    w.run('ana', { type: 'breakouts.choose', roundId, roomId: w.roomId(2) });
    w.run('ben', { type: 'breakouts.choose', roundId, roomId: w.roomId(2) });
    w.run('chair', { type: 'breakouts.start', roundId });
    expect(w.refusal('cho', { type: 'breakouts.choose', roundId, roomId: w.roomId(2) }).rule).toBe('BREAKOUT-11');
    w.run('cho', { type: 'breakouts.choose', roundId, roomId: w.roomId(1) });
    expect(w.round().assignment['p-cho']).toBe(w.roomId(1));
  });

  it('BREAKOUT-10: given a self-select round where two people chose nothing, when it starts, then it starts and the started event lists them', () => {
    const w = new BreakoutWorld().person('ana').person('ben').person('cho', { role: 'delegation' }).person('obs', { role: 'observer' });
    const roundId = planTwoRooms(w, 'self-select');
    w.run('ana', { type: 'breakouts.choose', roundId, roomId: w.roomId(1) });
    const [started] = w.run('chair', { type: 'breakouts.start', roundId }) as [Of<'breakouts.started'>];
    expect(started.unassigned.sort()).toEqual(['p-ben', 'p-cho']);
    expect(w.round().unassignedAtStart.sort()).toEqual(['p-ben', 'p-cho']);
  });

  it('BREAKOUT-12: given the Chair, when they try to choose a room, then they are not allowed: staff may join any room and are never assigned', () => {
    const w = new BreakoutWorld();
    const roundId = planTwoRooms(w, 'self-select');
    expect(w.refusal('chair', { type: 'breakouts.choose', roundId, roomId: w.roomId(1) }).rule).toBe('AUTH-1');
    expect(w.refusal('chair', { type: 'breakouts.assign', roundId, participantId: 'p-secretariat', roomId: w.roomId(1) }).rule).toBe(
      'BREAKOUT-10',
    );
  });
});

describe('manual rounds', () => {
  it('BREAKOUT-12: given a manual round, when a stakeholder tries to choose, then it is refused: the Chair assigns', () => {
    const w = new BreakoutWorld().person('ana');
    const roundId = planTwoRooms(w, 'manual');
    expect(w.refusal('ana', { type: 'breakouts.choose', roundId, roomId: w.roomId(1) }).rule).toBe('BREAKOUT-12');
  });

  it('BREAKOUT-11: given a manual room at capacity, when the Chair assigns one more, then it is refused', () => {
    const w = new BreakoutWorld().person('ana').person('ben').person('cho');
    const roundId = planTwoRooms(w, 'manual');
    w.run('chair', { type: 'breakouts.assign', roundId, participantId: 'p-ana', roomId: w.roomId(1) });
    w.run('chair', { type: 'breakouts.assign', roundId, participantId: 'p-ben', roomId: w.roomId(1) });
    expect(w.refusal('chair', { type: 'breakouts.assign', roundId, participantId: 'p-cho', roomId: w.roomId(1) }).rule).toBe('BREAKOUT-11');
  });

  it('BREAKOUT-10: given a manual round with a delegation not yet assigned, when the Chair starts it, then it is refused, naming who is missing; after assigning, it starts', () => {
    const w = new BreakoutWorld().person('ana').person('cho', { role: 'delegation' }).person('obs', { role: 'observer' });
    const roundId = planTwoRooms(w, 'manual');
    w.run('chair', { type: 'breakouts.assign', roundId, participantId: 'p-ana', roomId: w.roomId(1) });
    const refused = w.refusal('chair', { type: 'breakouts.start', roundId });
    expect(refused.rule).toBe('BREAKOUT-10');
    expect(refused.detail).toMatch(/not yet placed: cho\./);
    w.run('chair', { type: 'breakouts.assign', roundId, participantId: 'p-cho', roomId: w.roomId(2) });
    w.run('chair', { type: 'breakouts.start', roundId });
    expect(w.round().status).toBe('running');
  });

  it('BREAKOUT-10: given an assigned participant, when the Chair takes them out (roomId null), then they are in no room', () => {
    const w = new BreakoutWorld().person('ana');
    const roundId = planTwoRooms(w, 'manual');
    w.run('chair', { type: 'breakouts.assign', roundId, participantId: 'p-ana', roomId: w.roomId(1) });
    w.run('chair', { type: 'breakouts.assign', roundId, participantId: 'p-ana', roomId: null });
    expect(w.round().assignment).toEqual({});
    expect(w.refusal('chair', { type: 'breakouts.assign', roundId, participantId: 'p-ana', roomId: null }).rule).toBe('BREAKOUT-10');
  });

  it('BREAKOUT-3: given commands naming an unknown round, room or participant, then they are 404s', () => {
    const w = new BreakoutWorld().person('ana');
    const roundId = planTwoRooms(w, 'manual');
    expect(w.refusal('chair', { type: 'breakouts.start', roundId: 'nope' })).toMatchObject({ rule: 'BREAKOUT-3', kind: 'NOT_FOUND' });
    expect(w.refusal('chair', { type: 'breakouts.assign', roundId, participantId: 'p-ana', roomId: 'nope' })).toMatchObject({
      rule: 'BREAKOUT-3',
      kind: 'NOT_FOUND',
    });
    expect(w.refusal('chair', { type: 'breakouts.assign', roundId, participantId: 'p-zed', roomId: w.roomId(1) })).toMatchObject({
      rule: 'BREAKOUT-3',
      kind: 'NOT_FOUND',
    });
    // A round id that names a property every object inherits is no round either (found by the command fuzz: a 500).
    for (const inherited of ['__proto__', 'constructor', 'toString']) {
      expect(w.refusal('ana', { type: 'breakouts.choose', roundId: inherited, preferences: [w.roomId(1)] })).toMatchObject({
        rule: 'BREAKOUT-3',
        kind: 'NOT_FOUND',
      });
    }
  });
});

describe('balanced rounds', () => {
  const PEOPLE: Array<[string, Category, Region]> = [
    ['n1', 'ngo', 'african'],
    ['n2', 'ngo', 'weog'],
    ['a1', 'academia', 'grulac'],
    ['a2', 'academia', 'asia-pacific'],
    ['m1', 'member-state', 'african'],
    ['m2', 'member-state', 'weog'],
    ['p1', 'private-sector', 'grulac'],
    ['p2', 'private-sector', 'asia-pacific'],
  ];

  /** The eight PEOPLE and a balanced round of two rooms of 4; `partnerships` adds to the second room. */
  function balancedWorld(partnerships: { rapporteurId?: string } = {}): { w: BreakoutWorld; roundId: string } {
    const w = new BreakoutWorld();
    for (const [name, category, region] of PEOPLE)
      w.person(name, { role: category === 'member-state' ? 'delegation' : 'stakeholder', category, region });
    const [planned] = w.run('chair', {
      type: 'breakouts.plan',
      mode: 'balanced',
      durationMinutes: 30,
      rooms: [
        { theme: 'Needs', capacity: 4 },
        { theme: 'Partnerships', capacity: 4, ...partnerships },
      ],
    });
    return { w, roundId: (planned as Of<'breakouts.planned'>).roundId };
  }

  it('BREAKOUT-13, BREAKOUT-5: given 8 people of 4 constituencies, when the Chair auto-assigns with a seed, then each room holds one of each category and the event explains each room’s mix', () => {
    const { w, roundId } = balancedWorld();
    const [event] = w.run('chair', { type: 'breakouts.autoAssign', roundId, seed: 42 }) as [Of<'breakouts.autoAssigned'>];
    expect(Object.keys(event.assignment).sort()).toEqual(PEOPLE.map(([n]) => `p-${n}`).sort());
    expect(event.balanced).toBe(true);
    for (const mix of event.rooms) {
      expect(mix.size).toBe(4);
      expect(mix.byCategory).toEqual({ academia: 1, 'member-state': 1, ngo: 1, 'private-sector': 1 });
    }
    expect(w.round().lastAutoAssign).toMatchObject({ seed: 42, balanced: true });
    expect(w.round().assignment).toEqual(event.assignment);
  });

  it('BREAKOUT-7: given the same people and seed, when auto-assigned twice, then the assignment is the same', () => {
    const first = balancedWorld();
    const second = balancedWorld();
    const [a] = first.w.run('chair', { type: 'breakouts.autoAssign', roundId: first.roundId, seed: 7 }) as [Of<'breakouts.autoAssigned'>];
    const [b] = second.w.run('chair', { type: 'breakouts.autoAssign', roundId: second.roundId, seed: 7 }) as [Of<'breakouts.autoAssigned'>];
    const byTheme = (w: BreakoutWorld, assignment: Record<string, string>) =>
      Object.fromEntries(Object.entries(assignment).map(([p, r]) => [p, w.round().rooms.find((x) => x.id === r)?.theme]));
    expect(byTheme(first.w, a.assignment)).toEqual(byTheme(second.w, b.assignment));
  });

  it('BREAKOUT-6, BREAKOUT-12: given a stated preference that keeps the balance, when auto-assigned, then it is honoured and counted', () => {
    const { w, roundId } = balancedWorld();
    const partnerships = w.roomId(2);
    w.run('n1', { type: 'breakouts.choose', roundId, preferences: [partnerships] });
    expect(w.round().preferences['p-n1']).toEqual([partnerships]);
    const [event] = w.run('chair', { type: 'breakouts.autoAssign', roundId, seed: 1 }) as [Of<'breakouts.autoAssigned'>];
    expect(event.assignment['p-n1']).toBe(partnerships);
    expect(event.preferencesStated).toBe(1);
    expect(event.preferencesHonoured).toBe(1);
  });

  it('BREAKOUT-4: given more people than places, when the Chair auto-assigns, then it is refused with the numbers', () => {
    const { w, roundId } = balancedWorld();
    w.person('extra');
    const refused = w.refusal('chair', { type: 'breakouts.autoAssign', roundId, seed: 1 });
    expect(refused.rule).toBe('BREAKOUT-4');
    expect(refused.detail).toMatch(/8 free places but 9 participants/);
  });

  it('BREAKOUT-2, BREAKOUT-13: given a stakeholder rapporteur pinned to a room, when auto-assigned, then they stay there and the room keeps capacity for them', () => {
    const { w, roundId } = balancedWorld({ rapporteurId: 'p-p2' });
    for (const seed of [1, 2, 3]) {
      const [event] = w.run('chair', { type: 'breakouts.autoAssign', roundId, seed }) as [Of<'breakouts.autoAssigned'>];
      expect(event.assignment['p-p2']).toBe(w.roomId(2));
      expect(Object.values(event.assignment).filter((r) => r === w.roomId(2))).toHaveLength(4);
    }
  });

  it('BREAKOUT-10, BREAKOUT-13: given a balanced round not yet auto-assigned, then it cannot start; once assigned it can, and then preferences and auto-assignment are closed', () => {
    const { w, roundId } = balancedWorld();
    expect(w.refusal('chair', { type: 'breakouts.start', roundId }).detail).toMatch(/Run the automatic assignment again/);
    w.run('chair', { type: 'breakouts.autoAssign', roundId, seed: 3 });
    w.run('chair', { type: 'breakouts.start', roundId });
    expect(w.refusal('n1', { type: 'breakouts.choose', roundId, preferences: [w.roomId(1)] }).rule).toBe('BREAKOUT-12');
    expect(w.refusal('chair', { type: 'breakouts.autoAssign', roundId, seed: 4 }).rule).toBe('BREAKOUT-13');
  });

  it('BREAKOUT-13: given a self-select round, when the Chair auto-assigns, then it is refused', () => {
    const w = new BreakoutWorld().person('ana');
    const roundId = planTwoRooms(w, 'self-select');
    expect(w.refusal('chair', { type: 'breakouts.autoAssign', roundId, seed: 1 }).rule).toBe('BREAKOUT-13');
  });
});
