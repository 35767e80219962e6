import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evolve } from '../../server/domain/evolve.js';
import { foldEvents, openFold } from '../../server/domain/foldEvents.js';
import { emptyState, type EngagementState } from '../../server/domain/state.js';
import { membershipOf } from '../../server/domain/view.js';
import { userActor } from './support/engagementBuilder.js';
import { stepArb } from './support/randomSession.js';
import { RecordingHarness, recordSession } from './support/recordingHarness.js';

// foldEvents (server/domain/foldEvents.ts) folds a log in linear time by letting `evolve` write into the
// records it created during that fold. It must give exactly what folding event by event gives, and neither
// it nor a single `evolve` may ever change a state it was given: the live hub keeps `before` and `after` of
// every event for `redact` (VIEW-9), and start-up seeds those from a fold's result.

/** Freezes `value` and everything it holds, so that any write into it throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as object)) deepFreeze(inner);
  }
  return value;
}

/** Equal as a snapshot stores it: same JSON, key order included. */
const sameJson = (a: EngagementState, b: EngagementState) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

const sessionArb = fc.record({
  steps: fc.array(stepArb, { minLength: 80, maxLength: 240 }),
  approved: fc.oneof(fc.constant(null), fc.nat({ max: 63 })),
  split: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('foldEvents (linear fold, property)', () => {
  it('given random valid command sequences, when their events are folded at once, then the state equals folding them one by one with evolve', () => {
    let events = 0;
    fc.assert(
      fc.property(sessionArb, ({ steps, approved, split }) => {
        const h = recordSession(steps, approved);
        events += h.events.length;
        // h.state is the write path's fold: evolve per event.
        sameJson(foldEvents(emptyState(), h.events), h.state);
        expect(foldEvents(emptyState(), h.events)).toStrictEqual(h.state);
        // Two folds in a row (a snapshot, then its tail) give the same.
        const k = Math.floor(split * h.events.length);
        sameJson(foldEvents(foldEvents(emptyState(), h.events.slice(0, k)), h.events.slice(k)), h.state);
      }),
      { numRuns: 60 },
    );
    // The sessions reach deep states, not only refusals.
    expect(events / 60).toBeGreaterThan(30);
  }, 120_000);

  it('given any state of a random session, frozen deeply, when evolve folds the next event into it, then nothing throws and the result is what the unfrozen state gives', () => {
    fc.assert(
      fc.property(sessionArb, ({ steps, approved }) => {
        const h = recordSession(steps, approved);
        let state = emptyState();
        for (const event of h.events) {
          const frozen = deepFreeze(structuredClone(state));
          const next = evolve(frozen, event);
          expect(next).toStrictEqual(evolve(state, event));
          state = next;
        }
        sameJson(state, h.state);
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('given a frozen state from the middle of a session, when foldEvents folds the rest onto it and evolve continues from the frozen result, then neither writes into a state it was given', () => {
    fc.assert(
      fc.property(sessionArb, ({ steps, approved, split }) => {
        const h = recordSession(steps, approved);
        const k = Math.floor(split * h.events.length);
        const middle = deepFreeze(foldEvents(emptyState(), h.events.slice(0, k)));
        const copy = structuredClone(middle);
        const [next, ...rest] = h.events.slice(k);
        // The fold's own result, frozen: the records it owned during the fold are no longer written.
        const after = next ? evolve(middle, next) : middle;
        const end = deepFreeze(foldEvents(after, rest));
        expect(middle).toStrictEqual(copy);
        sameJson(end, h.state);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('given an open fold, when a registration follows a lookup, then the lookup index of the participants record sees the new participant (the in-place write drops it)', () => {
    const h = new RecordingHarness();
    h.issue(userActor('chair'), { type: 'engagement.create', engagementId: 'eng', title: 'Informal consultation' });
    h.issue(userActor('chair'), { type: 'engagement.open' });
    h.issue(userActor('ngo1'), { type: 'participant.register', organization: 'NGO one', category: 'ngo' });
    h.issue(userActor('ngo2'), { type: 'participant.register', organization: 'NGO two', category: 'ngo' });
    const fold = openFold(emptyState());
    const seen: string[] = [];
    for (const event of h.events) {
      const state = fold.add(event);
      seen.push(membershipOf(state, { userId: 'dev:ngo2' }).audience);
    }
    expect(seen.at(-2)).toBe('public');
    expect(seen.at(-1)).toBe('applicant');
  });
});
