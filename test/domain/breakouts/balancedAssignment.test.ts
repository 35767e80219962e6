import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balancedAssignment,
  roomSizes,
  type AssignmentPerson,
  type AssignmentRoom,
} from '../../../server/domain/breakouts/balancedAssignment.js';
import { CATEGORIES, REGIONS } from '../../../server/domain/vocabulary.js';

// Given people of every constituency and region, with or without preferences, and rooms with capacities,
// when they are assigned in `balanced` mode, then the BREAKOUT-n guarantees hold.

const person = (rooms: number) =>
  fc.record({
    category: fc.constantFrom(...CATEGORIES),
    region: fc.option(fc.constantFrom(...REGIONS), { nil: null }),
    preferences: fc.uniqueArray(fc.nat({ max: rooms - 1 }), { maxLength: 2 }),
  });

const scenario = fc
  .record({ rooms: fc.integer({ min: 1, max: 8 }), capacity: fc.integer({ min: 2, max: 20 }), seed: fc.integer() })
  .chain(({ rooms, capacity, seed }) =>
    fc.record({
      rooms: fc.constant(Array.from({ length: rooms }, (_, i): AssignmentRoom => ({ roomId: `room-${i}`, capacity }))),
      people: fc.array(person(rooms), { maxLength: rooms * capacity }).map((list) =>
        list.map(
          (p, i): AssignmentPerson => ({
            participantId: `p-${String(i).padStart(4, '0')}`,
            category: p.category,
            region: p.region,
            preferences: p.preferences.map((r) => `room-${r}`),
          }),
        ),
      ),
      seed: fc.constant(seed),
    }),
  );

const evenShare = (total: number, size: number, placed: number) => (placed === 0 ? 0 : (total * size) / placed);

describe('balanced breakout assignment', () => {
  it('BREAKOUT-4: everyone is in exactly one room and no room is over capacity', () => {
    fc.assert(
      fc.property(scenario, ({ people, rooms, seed }) => {
        const result = balancedAssignment(people, rooms, seed);
        expect(result.unassigned).toEqual([]);
        expect(Object.keys(result.assignment).sort()).toEqual(people.map((p) => p.participantId).sort());
        for (const room of result.rooms) {
          const inRoom = Object.values(result.assignment).filter((r) => r === room.roomId).length;
          expect(inRoom).toBe(room.size);
          expect(inRoom).toBeLessThanOrEqual(room.capacity);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('BREAKOUT-5: each room holds every category and every region within 1 of its even share', () => {
    fc.assert(
      fc.property(scenario, ({ people, rooms, seed }) => {
        const result = balancedAssignment(people, rooms, seed);
        const placed = people.length;
        for (const room of result.rooms) {
          const members = people.filter((p) => result.assignment[p.participantId] === room.roomId);
          for (const category of CATEGORIES) {
            const share = evenShare(people.filter((p) => p.category === category).length, room.size, placed);
            expect(Math.abs(members.filter((p) => p.category === category).length - share)).toBeLessThan(1 + 1e-9);
          }
          for (const region of [...REGIONS, null]) {
            const share = evenShare(people.filter((p) => p.region === region).length, room.size, placed);
            expect(Math.abs(members.filter((p) => p.region === region).length - share)).toBeLessThan(1 + 1e-9);
          }
        }
        expect(result.balanced).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('BREAKOUT-6: no single swap could honour one more preference without breaking the balance or un-honouring someone', () => {
    fc.assert(
      fc.property(scenario, ({ people, rooms, seed }) => {
        const result = balancedAssignment(people, rooms, seed);
        const honoured = (p: AssignmentPerson, room: string) => p.preferences.includes(room);
        for (const p of people) {
          const ra = result.assignment[p.participantId];
          if (p.preferences.length === 0 || honoured(p, ra)) continue;
          for (const wanted of p.preferences) {
            for (const q of people.filter((x) => result.assignment[x.participantId] === wanted)) {
              if (honoured(q, wanted) && !honoured(q, ra)) continue;
              // Same constituency and region: the swap keeps the balance and would have been taken.
              const neutral = q.category === p.category && q.region === p.region;
              expect(neutral).toBe(false);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('BREAKOUT-7: the same seed gives the same result, whatever the input order', () => {
    fc.assert(
      fc.property(scenario, ({ people, rooms, seed }) => {
        const a = balancedAssignment(people, rooms, seed);
        const b = balancedAssignment([...people].reverse(), rooms, seed);
        expect(b.assignment).toEqual(a.assignment);
      }),
      { numRuns: 100 },
    );
  });

  it('explains its result: each room mix adds up to the room size, preferences counted', () => {
    const people: AssignmentPerson[] = [
      { participantId: 'a', category: 'ngo', region: 'african', preferences: ['r1'] },
      { participantId: 'b', category: 'ngo', region: 'weog', preferences: ['r2'] },
      { participantId: 'c', category: 'academia', region: 'grulac', preferences: [] },
      { participantId: 'd', category: 'academia', region: 'asia-pacific', preferences: ['r1'] },
    ];
    const result = balancedAssignment(
      people,
      [
        { roomId: 'r1', capacity: 2 },
        { roomId: 'r2', capacity: 2 },
      ],
      7,
    );
    for (const room of result.rooms) {
      expect(Object.values(room.byCategory).reduce((s, n) => s + n, 0)).toBe(room.size);
      expect(Object.values(room.byRegion).reduce((s, n) => s + n, 0)).toBe(room.size);
    }
    expect(result.preferencesStated).toBe(3);
    expect(result.rooms.every((r) => r.byCategory.ngo === 1 && r.byCategory.academia === 1)).toBe(true);
    expect(result.preferencesHonoured).toBe(3);
  });

  it('sizes rooms in proportion to capacity and reports who does not fit', () => {
    expect(roomSizes(10, [10, 5, 5])).toEqual([5, 3, 2]);
    const people = Array.from(
      { length: 5 },
      (_, i): AssignmentPerson => ({ participantId: `p${i}`, category: 'ngo', region: null, preferences: [] }),
    );
    const result = balancedAssignment(people, [{ roomId: 'r', capacity: 3 }], 1);
    expect(result.unassigned).toHaveLength(2);
    expect(result.balanced).toBe(false);
  });
});
