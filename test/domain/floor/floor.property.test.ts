import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../server/domain/errors.js';
import type { FloorOrTimeCommand } from '../../../server/domain/floor/decideFloor.js';
import type { EngagementState } from '../../../server/domain/state.js';
import { FloorScenario, userOf } from './floorScenario.js';

// Random sequences of floor commands, each applied where the rules allow it (a refused command must be a
// DomainError and change nothing). Whatever happens: at most one speaker (FLOOR-2), and the waiting lists
// hold exactly the waiting requests, each once, under their own question.

const PEOPLE = ['ngo1', 'ngo2', 'ngo3', 'ms1', 'ms2'];

const action = fc.oneof(
  fc.record({ kind: fc.constant('request' as const), who: fc.nat(PEOPLE.length - 1) }),
  fc.record({ kind: fc.constant('withdraw' as const), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('give' as const), pick: fc.option(fc.nat(20), { nil: undefined }) }),
  fc.record({ kind: fc.constantFrom('end' as const, 'pause' as const, 'resume' as const) }),
  fc.record({ kind: fc.constant('extend' as const), seconds: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ kind: fc.constantFrom('skip' as const, 'defer' as const), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(20), position: fc.nat(8) }),
  fc.record({
    kind: fc.constant('policy' as const),
    order: fc.constantFrom('inscription' as const, 'first-time-first' as const, 'alternate' as const),
  }),
  fc.record({ kind: fc.constant('overrun' as const) }),
  fc.record({ kind: fc.constant('tick' as const), seconds: fc.integer({ min: 1, max: 240 }) }),
  fc.record({ kind: fc.constant('switchQuestion' as const) }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

function checkInvariants(state: EngagementState): void {
  const requests = Object.values(state.requests);
  const speaking = requests.filter((r) => r.status === 'speaking');
  expect(speaking.length).toBeLessThanOrEqual(1);
  expect(state.currentRequestId).toBe(speaking[0]?.id ?? null);
  const listed = Object.entries(state.waiting).flatMap(([questionId, ids]) => ids.map((id) => ({ questionId, id })));
  expect(new Set(listed.map((l) => l.id)).size).toBe(listed.length);
  expect(listed.map((l) => l.id).sort()).toEqual(
    requests
      .filter((r) => r.status === 'waiting')
      .map((r) => r.id)
      .sort(),
  );
  for (const l of listed) expect(state.requests[l.id].questionId).toBe(l.questionId);
  for (const i of Object.values(state.interventions)) {
    if (i.endedAt !== null) expect(Math.min(i.spokeSeconds ?? -1, i.overrunSeconds ?? -1)).toBeGreaterThanOrEqual(0);
    else expect(i.requestId).toBe(state.currentRequestId);
  }
}

function commandFor(s: FloorScenario, a: Action): { command: FloorOrTimeCommand; actor?: ReturnType<typeof userOf> } | null {
  const ids = Object.keys(s.state.requests);
  const pick = (n: number) => (ids.length === 0 ? 'none' : ids[n % ids.length]);
  switch (a.kind) {
    case 'request':
      return { command: { type: 'floor.request', questionId: s.state.openQuestionId ?? 'q1' }, actor: userOf(PEOPLE[a.who]) };
    case 'withdraw': {
      const id = pick(a.pick);
      return { command: { type: 'floor.withdraw', requestId: id }, actor: userOf(s.state.requests[id]?.participantId ?? 'ngo1') };
    }
    case 'give':
      return { command: a.pick === undefined ? { type: 'floor.give' } : { type: 'floor.give', requestId: pick(a.pick) } };
    case 'end':
      return { command: { type: 'floor.end' } };
    case 'pause':
      return { command: { type: 'floor.pause' } };
    case 'resume':
      return { command: { type: 'floor.resume' } };
    case 'extend':
      return { command: { type: 'floor.extend', seconds: a.seconds } };
    case 'skip':
      return { command: { type: 'floor.skip', requestId: pick(a.pick) } };
    case 'defer':
      return { command: { type: 'floor.defer', requestId: pick(a.pick) } };
    case 'move':
      return { command: { type: 'floor.move', requestId: pick(a.pick), position: a.position } };
    case 'policy':
      return { command: { type: 'floor.policy', order: a.order } };
    case 'overrun':
      return { command: { type: 'floor.recordOverrun', requestId: s.state.currentRequestId ?? 'none' } };
    case 'tick':
      s.tick(a.seconds);
      return null;
    case 'switchQuestion': {
      const next = s.state.openQuestionId === 'q1' ? 'q2' : 'q1';
      s.open(next);
      return null;
    }
  }
}

describe('floor properties', () => {
  it('FLOOR-2 / FLOOR-8: for any sequence of floor commands, at most one speaker and the waiting lists hold exactly the waiting requests, once each', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        const s = new FloorScenario();
        PEOPLE.forEach((n) => s.person(n, n.startsWith('ms') ? { role: 'delegation', category: 'member-state' } : {}));
        s.question('q1');
        s.question('q2', false);
        s.open('q1');
        for (const a of actions) {
          const step = commandFor(s, a);
          if (step) {
            const before = s.state;
            const snapshot = JSON.stringify(before);
            try {
              s.run(step.command, step.actor);
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
              expect(s.state).toBe(before); // a refused command changes nothing
            }
            expect(JSON.stringify(before)).toBe(snapshot); // evolve never mutates its input
          }
          checkInvariants(s.state);
        }
      }),
      { numRuns: 300 },
    );
  });
});
