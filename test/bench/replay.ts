// Benchmark 4 — replay: load and fold an engagement's SQLite log, as a restart does, and the cost of a
// (re)connecting client's snapshot. The log is generated through the real rules (lib/largeEngagement.ts)
// and written with the real store, 1,000 events per transaction. Measured: the read (store.load), the fold
// (evolve over every event), the whole service start-up, and the snapshot (viewFor + JSON.stringify) for
// the Chair and for a stakeholder. Baseline: the same rows read with a bare better-sqlite3 SELECT +
// JSON.parse, no fold. Several log sizes are measured (prefixes of one generated log) so the growth of
// the fold with the log's size shows; the 50,000-event target is measured only when it fits the time
// budget (BENCH_REPLAY_EVENTS), otherwise extrapolated from the measured sizes and labelled so.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../server/clock.js';
import { evolve } from '../../server/domain/evolve.js';
import { emptyState } from '../../server/domain/state.js';
import { createEngagementService } from '../../server/engagements/createEngagementService.js';
import { openSqliteEventStore } from '../../server/store/sqliteEventStore.js';
import type { ExtraBenchmark } from './extras.js';
import { newHistogram, summarize, type LatencySummary } from './lib/histogram.js';
import { largeEngagement, type LargeEngagement } from './lib/largeEngagement.js';

const TARGET = 50_000;
const BATCH = 1_000;

interface SizeResult {
  events: number;
  baselineMs: number;
  readMs: number;
  foldMs: number;
  startupMs: number;
  /** A second start on the same file: from the state snapshot the first start wrote (only the tail is folded). */
  restartMs: number;
}

const since = (t0: number) => performance.now() - t0;
const round = (ms: number) => Math.round(ms * 10) / 10;
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(1) : 'n/a');

/** Writes the first `count` events of the log into a fresh SQLite file with the real store. */
function writeLog(dir: string, log: LargeEngagement, count: number): string {
  const file = join(dir, `events-${count}.sqlite`);
  const store = openSqliteEventStore(file);
  try {
    for (let from = 0; from < count; from += BATCH) {
      store.append(log.engagementId, from, log.events.slice(from, Math.min(from + BATCH, count)));
    }
  } finally {
    store.close();
  }
  return file;
}

/** Baseline: the same rows with a bare SELECT and JSON.parse, no fold (what reading the log costs at least). */
function bareRead(file: string, engagementId: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const t0 = performance.now();
    const rows = db.prepare('SELECT version, data FROM events WHERE engagement_id = ? ORDER BY version').all(engagementId) as { data: string }[];
    let parsed = 0;
    for (const row of rows) if (JSON.parse(row.data)) parsed += 1;
    if (parsed === 0) throw new Error('baseline read no rows');
    return since(t0);
  } finally {
    db.close();
  }
}

async function measureSize(file: string, log: LargeEngagement, count: number): Promise<SizeResult> {
  const baselineMs = bareRead(file, log.engagementId);

  const store = openSqliteEventStore(file);
  let t0 = performance.now();
  const stored = store.load(log.engagementId);
  const readMs = since(t0);
  t0 = performance.now();
  let state = emptyState();
  for (const event of stored) state = evolve(state, event);
  const foldMs = since(t0);
  store.close();
  if (stored.length !== count) throw new Error(`read ${stored.length} events, wrote ${count}`);

  t0 = performance.now();
  const service = createEngagementService({ store: openSqliteEventStore(file), clock: systemClock, log: () => {} });
  const startupMs = since(t0);
  await service.close();

  t0 = performance.now();
  const again = createEngagementService({ store: openSqliteEventStore(file), clock: systemClock, log: () => {} });
  const restartMs = since(t0);
  await again.close();
  return { events: count, baselineMs, readMs, foldMs, startupMs, restartMs };
}

async function measureSnapshots(file: string, log: LargeEngagement, repeats: number) {
  const service = createEngagementService({ store: openSqliteEventStore(file), clock: systemClock, log: () => {} });
  try {
    const out: Record<'chair' | 'stakeholder', { latency: LatencySummary; bytes: number }> = {} as never;
    for (const [who, userId] of [['chair', log.chairUserId], ['stakeholder', log.stakeholderUserId]] as const) {
      let bytes = 0;
      const snapshot = () => (bytes = Buffer.byteLength(JSON.stringify(service.get(log.engagementId, { userId }))));
      for (let i = 0; i < 3; i += 1) snapshot();
      const histogram = newHistogram();
      for (let i = 0; i < repeats; i += 1) {
        const t0 = performance.now();
        snapshot();
        histogram.recordValue(Math.max(1, Math.round(since(t0) * 1000)));
      }
      out[who] = { latency: summarize(histogram), bytes };
    }
    return out;
  } finally {
    await service.close();
  }
}

export const replayBenchmark: ExtraBenchmark = {
  name: 'replay',
  async run({ quick }) {
    const requested = Number(process.env.BENCH_REPLAY_EVENTS ?? 0);
    // The fold's cost grows faster than the log (see the printed exponent), so the default sizes keep
    // the run within minutes on a loaded 2-core machine; BENCH_REPLAY_EVENTS=50000 measures the target.
    const sizes = requested > 0 ? [...new Set([Math.min(2_000, requested), Math.round(requested / 2), requested])] : quick ? [2_000, 5_000] : [2_000, 5_000, 10_000];
    const largest = sizes[sizes.length - 1];
    const dir = mkdtempSync(join(tmpdir(), 'convene-replay-'));
    try {
      let t0 = performance.now();
      const log = largeEngagement(largest);
      const mix = Object.entries(log.mix).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([type, n]) => `${type} ${n}`).join(', ');
      console.log(`replay: generated ${log.events.length} events through authorize/decide/evolve in ${(since(t0) / 1000).toFixed(1)} s (${Object.keys(log.state.participants).length} participants, ${Object.keys(log.state.requests).length} floor requests); mix: ${mix}, …`);
      const results: SizeResult[] = [];
      for (const count of sizes) {
        t0 = performance.now();
        const file = writeLog(dir, log, count);
        const writeMs = since(t0);
        const r = await measureSize(file, log, count);
        results.push(r);
        console.log(`  ${count} events (written in ${(writeMs / 1000).toFixed(1)} s, ${BATCH}/transaction): read ${round(r.readMs)} ms + fold ${round(r.foldMs)} ms; service start-up ${round(r.startupMs)} ms, restart from its state snapshot ${round(r.restartMs)} ms; baseline bare SELECT + JSON.parse ${round(r.baselineMs)} ms → start-up ${ratio(r.startupMs, r.baselineMs)}x, read ${ratio(r.readMs, r.baselineMs)}x`);
      }
      const [a, b] = [results[results.length - 2], results[results.length - 1]];
      const exponent = Math.log(b.foldMs / a.foldMs) / Math.log(b.events / a.events);
      const measuredTarget = results.find((r) => r.events >= TARGET);
      const extrapolatedS = (b.startupMs * (TARGET / b.events) ** exponent) / 1000;
      console.log(`  fold growth between ${a.events} and ${b.events} events: time ∝ n^${exponent.toFixed(2)} (1.0 = linear)`);

      const file = join(dir, `events-${largest}.sqlite`);
      const snaps = await measureSnapshots(file, log, quick ? 20 : 100);
      for (const who of ['chair', 'stakeholder'] as const) {
        const s = snaps[who];
        console.log(`  snapshot for a ${who} at ${largest} events (viewFor + JSON.stringify): p50 ${s.latency.p50} / p99 ${s.latency.p99} / max ${s.latency.max} ms (n=${s.latency.count}), ${(s.bytes / 1024).toFixed(0)} kB`);
      }
      const lines = [
        `replay ${b.events} events: first start-up ${round(b.startupMs)} ms (read ${round(b.readMs)} + fold ${round(b.foldMs)} ms), restart from a snapshot ${round(b.restartMs)} ms vs bare SELECT + JSON.parse ${round(b.baselineMs)} ms → ${ratio(b.startupMs, b.baselineMs)}x; fold ∝ n^${exponent.toFixed(2)}`,
        measuredTarget
          ? `replay ${TARGET} events: start-up ${round(measuredTarget.startupMs)} ms (measured)`
          : `replay ${TARGET} events: NOT MEASURED (set BENCH_REPLAY_EVENTS=${TARGET}); extrapolated start-up ≈ ${extrapolatedS.toFixed(0)} s at n^${exponent.toFixed(2)}`,
        `snapshot at ${largest} events: chair p50 ${snaps.chair.latency.p50} / p99 ${snaps.chair.latency.p99} ms, ${(snaps.chair.bytes / 1024).toFixed(0)} kB; stakeholder p50 ${snaps.stakeholder.latency.p50} / p99 ${snaps.stakeholder.latency.p99} ms, ${(snaps.stakeholder.bytes / 1024).toFixed(0)} kB`,
      ];
      return lines;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
