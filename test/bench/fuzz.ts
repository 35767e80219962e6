// The fault suite's command fuzzing at bench size: at least 10,000 generated commands (CI runs 1,000).
// It runs the same test file with FUZZ_RUNS raised, and reports whether the properties held and how long
// it took; the baseline is the same file at CI size, run in the same invocation.
import { spawnSync } from 'node:child_process';
import type { ExtraBenchmark } from './extras.js';
import { ROOT } from './lib/processes.js';

function runFuzz(runs: number): { ok: boolean; seconds: number; summary: string } {
  const start = performance.now();
  const result = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'test/faults/commandFuzz.test.ts'], {
    cwd: ROOT,
    env: { ...process.env, FUZZ_RUNS: String(runs) },
    encoding: 'utf8',
  });
  const seconds = (performance.now() - start) / 1000;
  const output = `${result.stdout}${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  const summary = /Tests\s+(.*)/.exec(output)?.[1]?.trim() ?? 'no summary';
  return { ok: result.status === 0, seconds, summary };
}

export const fuzzBenchmark: ExtraBenchmark = {
  name: 'fuzz',
  async run({ quick }) {
    const runs = quick ? 2_000 : 10_000;
    const baseline = runFuzz(1_000);
    const big = runFuzz(runs);
    console.log(`command fuzz, ${runs} generated commands: ${big.ok ? 'held' : 'FAILED'} (${big.summary}) in ${big.seconds.toFixed(0)} s`);
    console.log(`  baseline, 1,000 commands (the CI size): ${baseline.ok ? 'held' : 'FAILED'} in ${baseline.seconds.toFixed(0)} s`);
    return [
      `command fuzz: ${runs} generated commands ${big.ok ? 'never got a 5xx and never changed the version on an error' : 'FAILED'} (${big.seconds.toFixed(0)} s; ${(big.seconds / Math.max(baseline.seconds, 0.01)).toFixed(1)}x the 1,000-command CI run)`,
    ];
  },
};
