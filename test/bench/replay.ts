// Benchmark 4 — replay: load and fold an engagement's SQLite log, as a restart does, and the cost of a
// (re)connecting client's snapshot. The log is generated through the real rules (lib/largeEngagement.ts)
// and written with the real store, 1,000 events per transaction. Measured: the read (store.load), the fold
// (foldEvents over every event, as start-up does; for logs up to 10,000 events also `evolve` one event at
// a time, the fold start-up used before foldEvents.ts, for the ratio), the whole service start-up, the size of
// the state snapshot it stores, and the snapshot (viewFor + JSON.stringify) for the Chair and for a stakeholder. Baseline: the same rows read with a bare better-sqlite3 SELECT +
// JSON.parse, no fold. Several log sizes are measured (prefixes of one generated log) so the growth of
// the fold with the log's size shows; the 50,000-event target is measured only when it fits the time
// budget (BENCH_REPLAY_EVENTS), otherwise extrapolated from the measured sizes and labelled so.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../server/clock.js';
import { evolve } from '../../server/domain/evolve.js';
import { foldEvents } from '../../server/domain/foldEvents.js';
import { emptyState } from '../../server/domain/state.js';
import { createEngagementService } from '../../server/engagements/createEngagementService.js';
import { openSqliteEventStore } from '../../server/store/sqliteEventStore.js';
import type { ExtraBenchmark } from './extras.js';
import { newHistogram, summarize, type LatencySummary } from './lib/histogram.js';
import { largeEngagement, type LargeEngagement } from './lib/largeEngagement.js';

const TARGET = 50_000;
const BATCH = 1_000;
/** Event-by-event folding grows with the square of the log: measured for the ratio only up to here. */
const EVENT_BY_EVENT_MAX = 10_000;

interface SizeResult {
  events: number;
  baselineMs: number;
  readMs: number;
  foldMs: number;
  /** The same log folded with `evolve` one event at a time (logs up to EVENT_BY_EVENT_MAX), or null. */
  eventByEventMs: number | null;
  /** The stored state snapshot (JSON of the state) at this size. */
  stateBytes: number;
  startupMs: number;
  /** A second start on the same file: from the state snapshot the first start wrote (only the tail is folded). */
  restartMs: number;
}

const since = (t0: number) => performance.now() - t0;
const round = (ms: number) => Math.round(ms * 10) / 10;
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(1) : 'n/a');
/** The exponent k of time ∝ n^k through the points [n, time] (least squares on log-log). */
function growth(points: [number, number][]): number {
  const xs = points.map(([n]) => Math.log(n));
  const ys = points.map(([, t]) => Math.log(Math.max(t, 0.01)));
  const mx = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const my = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  const sxy = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i] - my), 0);
  const sxx = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  return sxx > 0 ? sxy / sxx : NaN;
}

/** Writes the first `count` events of the log into a fresh SQLite file with the real store. */
async function writeLog(dir: string, log: LargeEngagement, count: number): Promise<string> {
  const file = join(dir, `events-${count}.sqlite`);
  const store = openSqliteEventStore(file);
  try {
    for (let from = 0; from < count; from += BATCH) {
      await store.append(log.engagementId, from, log.events.slice(from, Math.min(from + BATCH, count)));
    }
  } finally {
    await store.close();
  }
  return file;
}

/** Baseline: the same rows with a bare SELECT and JSON.parse, no fold (what reading the log costs at least). */
function bareRead(file: string, engagementId: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const t0 = performance.now();
    const rows = db.prepare('SELECT version, data FROM events WHERE engagement_id = ? ORDER BY version').all(engagementId) as {
      data: string;
    }[];
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
  const stored = await store.load(log.engagementId);
  const readMs = since(t0);
  t0 = performance.now();
  const state = foldEvents(emptyState(), stored);
  const foldMs = since(t0);
  await store.close();
  if (stored.length !== count) throw new Error(`read ${stored.length} events, wrote ${count}`);
  let eventByEventMs: number | null = null;
  if (count <= EVENT_BY_EVENT_MAX) {
    t0 = performance.now();
    let one = emptyState();
    for (const event of stored) one = evolve(one, event);
    eventByEventMs = since(t0);
    if (JSON.stringify(one) !== JSON.stringify(state)) throw new Error(`foldEvents and evolve disagree at ${count} events`);
  }
  const stateBytes = Buffer.byteLength(JSON.stringify(state));
  if (count === log.events.length && JSON.stringify(state) !== JSON.stringify(log.state))
    throw new Error('the replayed state differs from the generated one');

  t0 = performance.now();
  const service = await createEngagementService({ store: openSqliteEventStore(file), clock: systemClock, log: () => {} });
  const startupMs = since(t0);
  await service.close();

  t0 = performance.now();
  const again = await createEngagementService({ store: openSqliteEventStore(file), clock: systemClock, log: () => {} });
  const restartMs = since(t0);
  await again.close();
  return { events: count, baselineMs, readMs, foldMs, eventByEventMs, stateBytes, startupMs, restartMs };
}

async function measureSnapshots(file: string, log: LargeEngagement, repeats: number) {
  const service = await createEngagementService({ store: openSqliteEventStore(file), clock: systemClock, log: () => {} });
  try {
    const out: Record<'chair' | 'stakeholder', { latency: LatencySummary; bytes: number }> = {} as never;
    for (const [who, userId] of [
      ['chair', log.chairUserId],
      ['stakeholder', log.stakeholderUserId],
    ] as const) {
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
    // BENCH_REPLAY_EVENTS=50000 measures the target (and 2,000 / 5,000 / 10,000 and half the target on the way).
    const sizes =
      requested > 0
        ? [...new Set([2_000, 5_000, 10_000, Math.round(requested / 2), requested].filter((n) => n <= requested))].sort((a, b) => a - b)
        : quick
          ? [2_000, 5_000]
          : [2_000, 5_000, 10_000];
    const largest = sizes[sizes.length - 1];
    const dir = mkdtempSync(join(tmpdir(), 'convene-replay-'));
    try {
      let t0 = performance.now();
      const log = largeEngagement(largest);
      const mix = Object.entries(log.mix)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([type, n]) => `${type} ${n}`)
        .join(', ');
      console.log(
        `replay: generated ${log.events.length} events through authorize/decide/evolve in ${(since(t0) / 1000).toFixed(1)} s (${Object.keys(log.state.participants).length} participants, ${Object.keys(log.state.requests).length} floor requests); mix: ${mix}, …`,
      );
      const results: SizeResult[] = [];
      for (const count of sizes) {
        t0 = performance.now();
        const file = await writeLog(dir, log, count);
        const writeMs = since(t0);
        const r = await measureSize(file, log, count);
        results.push(r);
        const byEvent =
          r.eventByEventMs === null
            ? ''
            : ` (evolve one event at a time: ${round(r.eventByEventMs)} ms, ${ratio(r.eventByEventMs, r.foldMs)}x)`;
        console.log(
          `  ${count} events (written in ${(writeMs / 1000).toFixed(1)} s, ${BATCH}/transaction): read ${round(r.readMs)} ms + foldEvents ${round(r.foldMs)} ms${byEvent}; state snapshot ${(r.stateBytes / 1024 / 1024).toFixed(1)} MB; service start-up ${round(r.startupMs)} ms, restart from its state snapshot ${round(r.restartMs)} ms; baseline bare SELECT + JSON.parse ${round(r.baselineMs)} ms → start-up ${ratio(r.startupMs, r.baselineMs)}x, read ${ratio(r.readMs, r.baselineMs)}x`,
        );
      }
      const b = results[results.length - 1];
      // Fitted over every size but the smallest (mostly JIT warm-up): one noisy point on a shared machine
      // then moves the exponent less than a ratio of the last two does.
      const fitted = results.length > 2 ? results.slice(1) : results;
      const exponent = growth(fitted.map((r) => [r.events, r.foldMs]));
      const startupExponent = growth(fitted.map((r) => [r.events, r.startupMs]));
      const measuredTarget = results.find((r) => r.events >= TARGET);
      const extrapolatedS = (b.startupMs * (TARGET / b.events) ** startupExponent) / 1000;
      console.log(
        `  growth from ${fitted[0].events} to ${b.events} events (least squares on log-log): fold ∝ n^${exponent.toFixed(2)}, start-up ∝ n^${startupExponent.toFixed(2)} (1.0 = linear)`,
      );

      const file = join(dir, `events-${largest}.sqlite`);
      const snaps = await measureSnapshots(file, log, quick ? 20 : 100);
      for (const who of ['chair', 'stakeholder'] as const) {
        const s = snaps[who];
        console.log(
          `  snapshot for a ${who} at ${largest} events (viewFor + JSON.stringify): p50 ${s.latency.p50} / p99 ${s.latency.p99} / max ${s.latency.max} ms (n=${s.latency.count}), ${(s.bytes / 1024).toFixed(0)} kB`,
        );
      }
      const lines = [
        `replay ${b.events} events: first start-up ${round(b.startupMs)} ms (read ${round(b.readMs)} + fold ${round(b.foldMs)} ms), restart from a snapshot ${round(b.restartMs)} ms vs bare SELECT + JSON.parse ${round(b.baselineMs)} ms → ${ratio(b.startupMs, b.baselineMs)}x; fold ∝ n^${exponent.toFixed(2)}, start-up ∝ n^${startupExponent.toFixed(2)}`,
        measuredTarget
          ? `replay ${TARGET} events: start-up ${round(measuredTarget.startupMs)} ms (measured), state snapshot ${(measuredTarget.stateBytes / 1024 / 1024).toFixed(1)} MB`
          : `replay ${TARGET} events: NOT MEASURED (set BENCH_REPLAY_EVENTS=${TARGET}); extrapolated start-up ≈ ${extrapolatedS.toFixed(0)} s at n^${startupExponent.toFixed(2)}`,
        `replay start-up by size: ${results.map((r) => `${r.events}: ${round(r.startupMs)} ms (fold ${round(r.foldMs)} ms${r.eventByEventMs === null ? '' : `, event by event ${round(r.eventByEventMs)} ms`})`).join('; ')}`,
        `snapshot at ${largest} events: chair p50 ${snaps.chair.latency.p50} / p99 ${snaps.chair.latency.p99} ms, ${(snaps.chair.bytes / 1024).toFixed(0)} kB; stakeholder p50 ${snaps.stakeholder.latency.p50} / p99 ${snaps.stakeholder.latency.p99} ms, ${(snaps.stakeholder.bytes / 1024).toFixed(0)} kB`,
      ];
      return lines;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
