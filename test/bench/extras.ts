// Benchmarks added as the other parts land (replay, summary formats, balanced assignment, the tab).
// Each prints its figures and baseline ratio, and returns its summary lines. Assignment and summary
// measure pure functions in this process; replay uses the real store; tab builds the plugin and drives
// headless Chromium against a server in this process.
import { balancedAssignment, type AssignmentPerson } from '../../server/domain/breakouts/balancedAssignment.js';
import { seededRandom } from '../../server/domain/breakouts/seededRandom.js';
import { CATEGORIES, REGIONS } from '../../server/domain/vocabulary.js';
import { SUMMARY_LANGUAGES } from '../../server/domain/vocabulary.js';
import { buildSummary } from '../../server/summary/buildSummary.js';
import { renderSummary, SUMMARY_FORMATS } from '../../server/summary/renderSummary.js';
import { fullDayEngagement } from '../summary/support/fullDayEngagement.js';
import { newHistogram, summarize } from './lib/histogram.js';
import { replayBenchmark } from './replay.js';
import { tabBenchmark } from './tab.js';
import { fuzzBenchmark } from './fuzz.js';
import { annexBenchmark } from './annex.js';
import { floodBenchmark } from './flood.js';
import { processBenchmark } from './processes.js';

export interface ExtraBenchmark {
  name: string;
  run(options: { quick: boolean; runs: number }): Promise<string[]>;
}

/** Times `fn` `repeats` times after `warmup` untimed calls; returns the latency summary (ms). */
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

const assignment: ExtraBenchmark = {
  name: 'assignment',
  async run({ quick }) {
    const random = seededRandom(2026);
    const rooms = Array.from({ length: 20 }, (_, i) => ({ roomId: `room-${i + 1}`, capacity: 55 }));
    const people: AssignmentPerson[] = Array.from({ length: 1000 }, (_, i) => ({
      participantId: `p-${i}`,
      category: CATEGORIES[Math.floor(random() * CATEGORIES.length)],
      region: REGIONS[Math.floor(random() * REGIONS.length)],
      // Preferences crowd into the first few themes, as they do in real meetings.
      preferences: random() < 0.7 ? [`room-${1 + Math.floor(random() * 5)}`, `room-${1 + Math.floor(random() * 20)}`] : [],
    }));
    const repeats = quick ? 10 : 30;
    let last = balancedAssignment(people, rooms, 1);
    const balanced = await time(() => (last = balancedAssignment(people, rooms, 1)), repeats);
    // Baseline: dealing the same people into the same rooms round-robin (no balance, no preferences).
    const dealt = await time(() => {
      const out: Record<string, string> = {};
      people.forEach((p, i) => (out[p.participantId] = rooms[i % rooms.length].roomId));
      return out;
    }, repeats);
    console.log(
      `balanced assignment 1,000 × 20: p50 ${balanced.p50} / p99 ${balanced.p99} / max ${balanced.max} ms; balanced ${last.balanced}; preferences honoured ${last.preferencesHonoured}/${last.preferencesStated}; max deviation category ${last.maxDeviation.category}, region ${last.maxDeviation.region}`,
    );
    console.log(`  baseline round-robin dealing: p50 ${dealt.p50} ms`);
    return [
      `balanced assignment 1,000 × 20: p50 ${balanced.p50} / p99 ${balanced.p99} ms (target ≤ 50 ms), ${last.preferencesHonoured}/${last.preferencesStated} preferences honoured; ${Math.round(balanced.p50 / Math.max(dealt.p50, 0.01))}x round-robin dealing`,
    ];
  },
};

const summary: ExtraBenchmark = {
  name: 'summary',
  async run({ quick }) {
    const { state } = fullDayEngagement();
    const repeats = quick ? 3 : 10;
    const built = buildSummary(state, { generatedAt: '2026-11-30T18:00:00.000Z' });
    const build = await time(() => buildSummary(state, { generatedAt: '2026-11-30T18:00:00.000Z' }), repeats);
    // Baseline: serializing the same state (the cost of touching every record once).
    const baseline = await time(() => JSON.stringify(state), repeats);
    console.log(
      `summary on the full day (300 interventions, 200 inputs): build p50 ${build.p50} ms; baseline JSON.stringify(state) p50 ${baseline.p50} ms`,
    );
    const lines = [
      `summary build: p50 ${build.p50} ms (${(build.p50 / Math.max(baseline.p50, 0.01)).toFixed(1)}x JSON.stringify of the state)`,
    ];
    // Every format in every language (LIFE-7): the record is built in each language, then rendered. The first
    // call of each is timed apart: the process's very first PDF also reads and decodes the fonts.
    const times = quick ? 3 : 10;
    for (const language of SUMMARY_LANGUAGES) {
      const inLanguage = language === 'en' ? built : buildSummary(state, { generatedAt: '2026-11-30T18:00:00.000Z', language });
      for (const format of SUMMARY_FORMATS) {
        let bytes = 0;
        // CPU time too (this process's, GC threads included): on a machine shared with other work, wall time
        // mostly measures the wait for a core.
        const cpu: number[] = [];
        const render = async () => {
          const c0 = process.cpuUsage();
          bytes = Buffer.byteLength((await renderSummary(inLanguage, format)).body as string | Buffer);
          const c = process.cpuUsage(c0);
          cpu.push((c.user + c.system) / 1000);
        };
        const t0 = performance.now();
        await render();
        const first = Math.round(performance.now() - t0);
        cpu.length = 0;
        const t = await time(render, times, 0);
        const cpuP50 = Math.round(cpu.sort((a, b) => a - b)[Math.floor(cpu.length / 2)]);
        console.log(
          `  ${language.padEnd(7)} ${format.padEnd(4)} p50 ${t.p50} / p99 ${t.p99} / max ${t.max} ms (n=${t.count}; first call ${first} ms; CPU p50 ${cpuP50} ms), ${(bytes / 1024).toFixed(0)} kB`,
        );
        lines.push(
          `summary ${language} ${format}: p50 ${t.p50} / p99 ${t.p99} ms (target ≤ 1,000 ms; first call ${first} ms; CPU p50 ${cpuP50} ms), ${(bytes / 1024).toFixed(0)} kB; ${(t.p50 / Math.max(baseline.p50, 0.01)).toFixed(1)}x baseline`,
        );
      }
    }
    return lines;
  },
};

export const extraBenchmarks: ExtraBenchmark[] = [
  assignment,
  summary,
  replayBenchmark,
  tabBenchmark,
  fuzzBenchmark,
  annexBenchmark,
  floodBenchmark,
  processBenchmark,
];
