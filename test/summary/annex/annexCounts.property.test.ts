import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAnnex } from '../../../server/summary/annex/buildAnnex.js';
import { renderAnnexText } from '../../../server/summary/annex/renderAnnex.js';
import { parseCsv } from '../support/parseCsv.js';
import { generateYear } from './support/generateYear.js';

// ANNEX-4 over many generated years (seeds and sizes drawn by fast-check), not only the one of
// annexYear.test.ts: the annex's counts equal the generator's ledger, and the CSV holds one record each.

describe('annex counts (ANNEX-4, property)', () => {
  it('ANNEX-4: given random years of 1–60 proposals, then the counts by status and by theme equal the ledger, and the CSV has one record per proposal', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 4 }),
        (seed, proposals, engagements) => {
          const papers = Math.floor(proposals / 3);
          const { state, ledger } = generateYear({ seed, proposals, papers, engagements });
          const annex = buildAnnex(state, { generatedAt: '2026-12-07T12:00:00.000Z' });
          expect(annex.counts.total).toBe(proposals);
          expect(annex.counts.byStatus).toEqual(ledger.byStatus);
          expect(Object.fromEntries(annex.counts.byTheme.map((t) => [t.theme, t.byStatus]))).toEqual(Object.fromEntries(ledger.byTheme));
          expect(annex.counts.byTheme.reduce((sum, t) => sum + t.total, 0)).toBe(proposals);
          expect(annex.counts.papersPublished).toBe(ledger.papersPublished);
          const records = parseCsv(renderAnnexText(annex, 'csv').body.slice(1)).filter((r) => r.length > 1);
          expect(records).toHaveLength(proposals + 1);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
