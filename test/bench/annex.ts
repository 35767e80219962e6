// The progress-report annex for a generated year (5 engagements, 300 proposals, 120 concept papers): build
// and each format, timed (target ≤ 1 s per format). Pure functions in this process, like the summary's
// benchmark in extras.ts; the baseline is JSON.stringify of the same process state.
import { buildAnnex } from '../../server/summary/annex/buildAnnex.js';
import { ANNEX_FORMATS, renderAnnex } from '../../server/summary/annex/renderAnnex.js';
import { generateYear } from '../summary/annex/support/generateYear.js';
import type { ExtraBenchmark } from './extras.js';
import { newHistogram, summarize } from './lib/histogram.js';

async function time(fn: () => unknown, repeats: number, warmup = 2) {
  for (let i = 0; i < warmup; i += 1) await fn();
  const histogram = newHistogram();
  for (let i = 0; i < repeats; i += 1) {
    const t0 = performance.now();
    await fn();
    histogram.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)));
  }
  return summarize(histogram);
}

export const annexBenchmark: ExtraBenchmark = {
  name: 'annex',
  async run({ quick }) {
    const repeats = quick ? 3 : 10;
    const t0 = performance.now();
    const { state, events } = generateYear();
    console.log(`annex: generated a year through the process's rules (${events} events) in ${(performance.now() - t0).toFixed(0)} ms`);
    const generatedAt = '2026-12-07T12:00:00.000Z';
    const built = buildAnnex(state, { generatedAt });
    const baseline = await time(() => JSON.stringify(state), repeats);
    const build = await time(() => buildAnnex(state, { generatedAt }), repeats);
    console.log(
      `annex for a year (300 proposals, 120 papers): build p50 ${build.p50} / max ${build.max} ms; baseline JSON.stringify(state) p50 ${baseline.p50} ms`,
    );
    const lines = [
      `annex build: p50 ${build.p50} / max ${build.max} ms (${(build.p50 / Math.max(baseline.p50, 0.01)).toFixed(1)}x JSON.stringify of the state)`,
    ];
    for (const format of ANNEX_FORMATS) {
      let bytes = 0;
      const t = await time(async () => (bytes = Buffer.byteLength((await renderAnnex(built, format)).body)), repeats, 1);
      console.log(`  ${format.padEnd(4)} p50 ${t.p50} / max ${t.max} ms, ${(bytes / 1024).toFixed(0)} kB`);
      lines.push(
        `annex ${format}: p50 ${t.p50} / max ${t.max} ms (target ≤ 1,000 ms), ${(bytes / 1024).toFixed(0)} kB; ${(t.p50 / Math.max(baseline.p50, 0.01)).toFixed(1)}x baseline`,
      );
    }
    return lines;
  },
};
