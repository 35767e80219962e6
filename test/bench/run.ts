// `npm run bench`: every benchmark prints its figures and a ratio against a baseline run in the same
// invocation, then one summary line each. Not part of `npm test` (figures, not assertions).
//   BENCH_QUICK=1         shorter windows and one repeat (a smoke run)
//   BENCH_ONLY=fanout,…   run only the named benchmarks
//   BENCH_RUNS=3          repeats of each measured point (the spread is printed)
//   BENCH_FANOUT_SIZES=100,1000,5000   subscriber counts of the fan-out benchmark
//   BENCH_STORM_STREAMS=1000   streams open during the floor storm (0: the command path alone)
//   BENCH_DATABASE_URL=postgres://…   also run the write path with the log in PostgreSQL, and the
//                          'instances' benchmark (fan-out from A to subscribers on B; two instances' write path)
//   BENCH_INSTANCES_SUBSCRIBERS=1000   subscribers of the 'instances' benchmark
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fanoutBaseline, fanoutConvene, type FanoutOptions } from './fanout.js';
import { fmt } from './lib/histogram.js';
import { pinned } from './lib/processes.js';
import { floorStorm } from './storm.js';
import { writePathBaseline, writePathConvene, writePathTwoInstances } from './writePath.js';
import { extraBenchmarks } from './extras.js';
import { freshBenchDatabase } from './lib/freshBenchDatabase.js';

const quick = process.env.BENCH_QUICK === '1';
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const runs = Number(process.env.BENCH_RUNS ?? (quick ? 1 : 3));
const summaries: string[] = [];
const wanted = (name: string) => only.length === 0 || only.includes(name);
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function machine(): string {
  let ulimit = '?';
  try {
    ulimit = execFileSync('bash', ['-c', 'ulimit -n']).toString().trim();
  } catch {
    /* not fatal */
  }
  return `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, ulimit -n ${ulimit}, ${pinned ? 'server on CPU 0 and load generator on CPU 1 (taskset)' : 'NOT pinned (taskset missing)'}, loopback, no TLS`;
}

async function fanout() {
  const sizes = (process.env.BENCH_FANOUT_SIZES ?? (quick ? '100,1000' : '100,1000,5000')).split(',').map(Number);
  const base: Omit<FanoutOptions, 'subscribers'> = {
    warmupSeconds: quick ? 2 : 3,
    measureSeconds: quick ? 8 : 30,
    ratePerSecond: 10,
    probes: 50,
    stallShare: 0,
  };
  const rss: Record<number, { convene: number; baseline: number }> = {};
  for (const subscribers of sizes) {
    for (let run = 1; run <= runs; run += 1) {
      const convene = await fanoutConvene({ ...base, subscribers });
      const baseline = await fanoutBaseline({ ...base, subscribers }, convene.sampleData);
      rss[subscribers] = { convene: convene.serverRssBytes, baseline: baseline.serverRssBytes };
      console.log(`fan-out ${subscribers} subscribers, run ${run}/${runs}`);
      console.log(
        `  Convene : ${fmt(convene.latency)}; ${convene.bytesPerMessage} bytes/message; server RSS ${mb(convene.serverRssBytes)}`,
      );
      console.log(`  baseline: ${fmt(baseline.latency)}; server RSS ${mb(baseline.serverRssBytes)}`);
      console.log(
        `  ratio p99 ${ratio(convene.latency.p99, baseline.latency.p99)}x, p50 ${ratio(convene.latency.p50, baseline.latency.p50)}x`,
      );
      if (run === runs) {
        summaries.push(
          `fan-out ${subscribers}: p50 ${convene.latency.p50} / p99 ${convene.latency.p99} ms vs baseline ${baseline.latency.p50} / ${baseline.latency.p99} ms → p99 ratio ${ratio(convene.latency.p99, baseline.latency.p99)}x (target ≤ 1.5x at 1,000)`,
        );
      }
    }
  }
  // Benchmark 5 — memory per idle subscriber, from the RSS slope between the smallest and largest run.
  const [lo, hi] = [sizes[0], sizes[sizes.length - 1]];
  const perConvene = (rss[hi].convene - rss[lo].convene) / (hi - lo);
  const perBaseline = (rss[hi].baseline - rss[lo].baseline) / (hi - lo);
  console.log(`memory per subscriber: Convene ${(perConvene / 1024).toFixed(1)} KB, baseline ${(perBaseline / 1024).toFixed(1)} KB`);
  summaries.push(
    `memory per subscriber: ${(perConvene / 1024).toFixed(1)} KB vs baseline ${(perBaseline / 1024).toFixed(1)} KB → ${ratio(perConvene, perBaseline)}x`,
  );

  // Stalled readers: 10% of 1,000 stop reading; the others' p99 must not move by more than 20%.
  const stalled = await fanoutConvene({ ...base, subscribers: 1000, stallShare: 0.1 });
  const clean = await fanoutConvene({ ...base, subscribers: 1000, stallShare: 0 });
  console.log(
    `fan-out 1,000 with 10% stalled readers: ${fmt(stalled.latency)}; RSS ${mb(stalled.serverRssBytes)}; streams ended by the server ${stalled.streamsEndedByServer}`,
  );
  console.log(`fan-out 1,000 without stalled readers:  ${fmt(clean.latency)}; RSS ${mb(clean.serverRssBytes)}`);
  summaries.push(
    `stalled readers (10% of 1,000): others' p99 ${stalled.latency.p99} ms vs ${clean.latency.p99} ms clean → ${ratio(stalled.latency.p99, clean.latency.p99)}x (target ≤ 1.2x); RSS ${mb(stalled.serverRssBytes)} vs ${mb(clean.serverRssBytes)}`,
  );
}

async function storm() {
  const participants = 500;
  const streams = Number(process.env.BENCH_STORM_STREAMS ?? 1000);
  for (let run = 1; run <= runs; run += 1) {
    const result = await floorStorm(participants, streams);
    const baseline = await writePathBaseline(participants, 64);
    console.log(`floor storm ${participants} requests in 1 s with ${streams} streams, run ${run}/${runs}`);
    console.log(
      `  Convene : ${fmt(result.latency)}; accepted ${result.accepted}, refused ${result.rejected}; list ${result.listLength} entries, ${result.distinctParticipants} distinct; versions contiguous: ${result.contiguousVersions}`,
    );
    console.log(`  baseline (bare Express + the same SQLite insert, same 500 POSTs): ${fmt(baseline.latency)}`);
    if (run === runs) {
      const lost = participants - result.listLength;
      summaries.push(
        `floor storm: p50 ${result.latency.p50} / p99 ${result.latency.p99} ms (target p99 ≤ 100 ms), ${lost} lost, ${result.listLength - result.distinctParticipants} duplicated; baseline p99 ${baseline.latency.p99} ms → ${ratio(result.latency.p99, baseline.latency.p99)}x`,
      );
    }
  }
}

async function writePath() {
  const count = quick ? 1000 : 5000;
  for (let run = 1; run <= runs; run += 1) {
    const convene = await writePathConvene(count, 16);
    const baseline = await writePathBaseline(count, 16);
    console.log(`write path ${count} commands, concurrency 16, run ${run}/${runs}`);
    console.log(`  Convene : ${convene.commandsPerSecond} commands/s; ${fmt(convene.latency)}`);
    console.log(`  baseline: ${baseline.commandsPerSecond} inserts/s; ${fmt(baseline.latency)}`);
    if (run === runs) {
      summaries.push(
        `write path: ${convene.commandsPerSecond} durable commands/s vs ${baseline.commandsPerSecond} bare inserts/s → ${ratio(convene.commandsPerSecond, baseline.commandsPerSecond)}x of baseline throughput`,
      );
    }
    // The same load with the log in PostgreSQL (BENCH_DATABASE_URL: a server with its default fsync, e.g.
    // PG_CLUSTER_DURABLE=1 scripts/pg-test-cluster.sh start), beside SQLite; each run on a fresh database.
    if (process.env.BENCH_DATABASE_URL) {
      const databaseUrl = await freshBenchDatabase(process.env.BENCH_DATABASE_URL);
      const postgres = await writePathConvene(count, 16, {
        DATABASE_URL: databaseUrl,
        SESSION_SECRET: 'bench-session-secret-'.padEnd(40, 'x'),
      });
      console.log(`  PostgreSQL: ${postgres.commandsPerSecond} commands/s; ${fmt(postgres.latency)}`);
      // Two instances on one database, one engagement, half the commands through each.
      const pgEnv = {
        DATABASE_URL: await freshBenchDatabase(process.env.BENCH_DATABASE_URL),
        SESSION_SECRET: 'bench-session-secret-'.padEnd(40, 'x'),
      };
      const two = await writePathTwoInstances(count, 16, pgEnv);
      console.log(`  PostgreSQL, two instances: ${two.commandsPerSecond} commands/s; ${fmt(two.latency)} (the slower half)`);
      if (run === runs) {
        summaries.push(
          `write path on PostgreSQL: ${postgres.commandsPerSecond} commands/s vs ${convene.commandsPerSecond} on SQLite → ${ratio(postgres.commandsPerSecond, convene.commandsPerSecond)}x`,
          `write path, two instances on one PostgreSQL, one engagement: ${two.commandsPerSecond} commands/s vs ${postgres.commandsPerSecond} on one instance → ${ratio(two.commandsPerSecond, postgres.commandsPerSecond)}x`,
        );
      }
    } else if (run === runs) {
      summaries.push('write path on PostgreSQL: not run (set BENCH_DATABASE_URL)');
    }
  }
}

/**
 * Several instances on one PostgreSQL (BENCH_DATABASE_URL): commands on A, every subscriber on B, against the
 * same run on one instance of the same database, each on a fresh database.
 */
async function instances() {
  if (!process.env.BENCH_DATABASE_URL) {
    summaries.push('fan-out across instances: not run (set BENCH_DATABASE_URL)');
    return;
  }
  const subscribers = Number(process.env.BENCH_INSTANCES_SUBSCRIBERS ?? 1000);
  const options: FanoutOptions = {
    subscribers,
    warmupSeconds: quick ? 2 : 3,
    measureSeconds: quick ? 8 : 30,
    ratePerSecond: 10,
    probes: 50,
    stallShare: 0,
  };
  const env = async () => ({
    DATABASE_URL: await freshBenchDatabase(process.env.BENCH_DATABASE_URL!),
    SESSION_SECRET: 'bench-session-secret-'.padEnd(40, 'x'),
  });
  for (let run = 1; run <= runs; run += 1) {
    const one = await fanoutConvene(options, await env());
    const across = await fanoutConvene(options, await env(), true);
    console.log(`fan-out on PostgreSQL, ${subscribers} subscribers, run ${run}/${runs}`);
    console.log(`  one instance          : ${fmt(one.latency)}`);
    console.log(`  commands on A, streams on B: ${fmt(across.latency)}; B's RSS ${mb(across.serverRssBytes)}`);
    if (run === runs) {
      summaries.push(
        `fan-out across instances (${subscribers} subscribers on B, commands on A): p50 ${across.latency.p50} / p99 ${across.latency.p99} ms vs one instance ${one.latency.p50} / ${one.latency.p99} ms → p99 ratio ${ratio(across.latency.p99, one.latency.p99)}x`,
      );
    }
  }
}

async function main() {
  console.log(`Convene benchmarks — ${new Date().toISOString()} — ${machine()}`);
  if (wanted('fanout')) await fanout();
  if (wanted('storm')) await storm();
  if (wanted('write')) await writePath();
  if (wanted('instances')) await instances();
  for (const bench of extraBenchmarks) {
    if (wanted(bench.name)) summaries.push(...(await bench.run({ quick, runs })));
  }
  console.log('\nSummary');
  for (const line of summaries) console.log(`- ${line}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
