import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evolve } from '../../server/domain/evolve.js';
import { foldTransitions } from '../../server/domain/foldTransitions.js';
import { emptyState, type EngagementState } from '../../server/domain/state.js';
import { stepArb } from './support/randomSession.js';
import { recordSession } from './support/recordingHarness.js';

// foldTransitions (server/domain/foldTransitions.ts) seeds the live hub's resume window at start-up with
// states made on demand. Whatever order they are read in, each transition's `before` and `after` must be
// what folding event by event gives, and each `after` the next one's `before` (VIEW-9 redacts from them).

describe('foldTransitions (states on demand)', () => {
  it('VIEW-9: given random sessions, when the transitions are read from a random point onwards, then every before and after equals the event-by-event fold', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 60, maxLength: 160 }),
        fc.nat({ max: 63 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (steps, approved, from) => {
          const h = recordSession(steps, approved);
          const eager: EngagementState[] = [emptyState()];
          for (const event of h.events) eager.push(evolve(eager[eager.length - 1], event));
          const lazy = foldTransitions(emptyState(), h.events);
          const start = Math.floor(from * lazy.length);
          // Read a late transition first, then the earlier ones: each is made once and kept.
          for (const i of [
            ...Array.from({ length: lazy.length - start }, (_, k) => start + k),
            ...Array.from({ length: start }, (_, k) => k),
          ]) {
            expect(lazy[i].event).toBe(h.events[i]);
            expect(lazy[i].before).toStrictEqual(eager[i]);
            expect(lazy[i].after).toStrictEqual(eager[i + 1]);
            expect(lazy[i].after).toBe(lazy[i + 1]?.before ?? lazy[i].after);
          }
          if (lazy.length > 0) expect(lazy[lazy.length - 1].after).toStrictEqual(h.state);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
