import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewReplan } from '../../../server/domain/floor/timeBudget.js';
import { FloorScenario, isoAfter } from './floorScenario.js';

// Re-planning and ordering, over random inputs: shorten is the longest equal allowance that fits (TIME-5),
// cap defers exactly the tail that does not fit (TIME-6), and the alternate re-sort equals inscribing one by
// one (FLOOR-7, FLOOR-8).

function listOf(n: number, speakingSeconds: number) {
  const s = new FloorScenario({ speakingSeconds });
  s.question('q1');
  for (let i = 0; i < n; i++) {
    s.person(`p${i}`);
    s.request(`p${i}`);
  }
  return s;
}

describe('re-planning properties', () => {
  it('TIME-5: shorten gives the longest equal allowance that fits, within [minSeconds, speaking time]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 10, max: 600 }),
        fc.integer({ min: 1, max: 4000 }),
        fc.integer({ min: 10, max: 600 }),
        (n, speaking, hardStopAfter, minSeconds) => {
          const s = listOf(n, speaking);
          s.run({ type: 'time.setHardStop', at: isoAfter(hardStopAfter) });
          const plan = previewReplan(s.state, s.now, 'shorten', minSeconds);
          const a = plan.allowanceSeconds!;
          expect(plan.availableSeconds).toBe(hardStopAfter);
          expect(a).toBeLessThanOrEqual(speaking);
          expect(a).toBeGreaterThanOrEqual(Math.min(minSeconds, speaking));
          expect(plan.fits).toBe(a * n <= hardStopAfter);
          // Maximal: one second more each would not fit, unless capped by the speaking time.
          if (plan.fits && a < speaking) expect((a + 1) * n).toBeGreaterThan(hardStopAfter);
          expect(plan.keptRequestIds).toEqual(s.waiting());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('TIME-6: cap keeps a head that fits and defers exactly the tail, whose first one would not fit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 10, max: 600 }),
        fc.integer({ min: 1, max: 4000 }),
        (n, speaking, hardStopAfter) => {
          const s = listOf(n, speaking);
          s.run({ type: 'time.setHardStop', at: isoAfter(hardStopAfter) });
          const plan = previewReplan(s.state, s.now, 'cap');
          const sum = (ids: string[]) => ids.reduce((t, id) => t + s.state.requests[id].allowanceSeconds, 0);
          expect([...plan.keptRequestIds, ...plan.deferredRequestIds]).toEqual(s.waiting());
          expect(sum(plan.keptRequestIds)).toBeLessThanOrEqual(hardStopAfter);
          if (plan.deferredRequestIds.length > 0) expect(sum(plan.keptRequestIds) + speaking).toBeGreaterThan(hardStopAfter);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('ordering properties', () => {
  it('FLOOR-8: for any inscriptions and last speaker, re-sorting to alternate equals inscribing one by one under alternate', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 12 }),
        fc.option(fc.boolean(), { nil: undefined }),
        (memberStates, lastIsMemberState) => {
          const build = (policy: 'alternate' | 'inscription') => {
            const s = new FloorScenario();
            s.person('last', lastIsMemberState ? { role: 'delegation', category: 'member-state' } : {});
            memberStates.forEach((ms, i) => s.person(`p${i}`, ms ? { role: 'delegation', category: 'member-state' } : {}));
            s.question('q1');
            if (lastIsMemberState !== undefined) {
              s.request('last');
              s.speak(undefined, 10);
            }
            s.run({ type: 'floor.policy', order: policy });
            memberStates.forEach((_, i) => s.request(`p${i}`));
            return s;
          };
          const incremental = build('alternate');
          const resorted = build('inscription');
          resorted.run({ type: 'floor.policy', order: 'alternate' });
          expect(resorted.waitingNames()).toEqual(incremental.waitingNames());
          // and it alternates as long as both constituencies remain
          const kinds = incremental
            .waitingNames()
            .map((name) => (name === 'last' ? lastIsMemberState : memberStates[Number(name.slice(1))]));
          const minority = Math.min(kinds.filter(Boolean).length, kinds.filter((k) => !k).length);
          for (let i = 1; i < 2 * minority; i++) expect(kinds[i]).not.toBe(kinds[i - 1]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
