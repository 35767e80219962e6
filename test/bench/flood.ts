// The flood (issue 14, LIMIT-1/2/3): the Chair's command latency with no flood, then while ONE participant
// floods with 64 parallel loops of `input.submit` with 20 KB texts. Target: p50 and p99 with the flood within
// 1.5x of without. Then the same flood with the limits turned off, to show what they buy (the issue measured
// 4 → 111 ms median). The Chair's commands are paced (one every 50 ms) from this process; the flooder runs
// in its own process on the load generator's core.
import { join } from 'node:path';
import type { ExtraBenchmark } from './extras.js';
import { type Api, setUpMeeting } from './lib/api.js';
import { fmt, newHistogram, summarize, type LatencySummary } from './lib/histogram.js';
import { forkPinned, nextMessage, ROOT, startConvene } from './lib/processes.js';

const LOOPS = 64;
const TEXT_BYTES = 20_000;
const PACE_MS = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Chair adds a note every PACE_MS for `seconds`; the latency of each, from its intended send time. Stops
 * issuing after three times the window (without the limits, each note can take seconds).
 */
async function chairLatency(chair: Api, engagementId: string, seconds: number): Promise<LatencySummary> {
  const histogram = newHistogram();
  const start = performance.now();
  const count = Math.round((seconds * 1000) / PACE_MS);
  for (let i = 0; i < count && performance.now() - start < seconds * 3000; i++) {
    const intended = start + i * PACE_MS;
    const wait = intended - performance.now();
    if (wait > 0) await sleep(wait);
    const { status } = await chair.call('POST', `/api/engagements/${engagementId}/commands`, {
      type: 'note.add',
      text: `Chair's note ${i}`,
      visibility: 'public',
    });
    if (status !== 200) throw new Error(`the Chair's command was answered ${status}`);
    // From the intended time: a command that waited behind the previous one counts its wait (no coordinated omission).
    histogram.recordValue(Math.max(1, Math.round((performance.now() - Math.min(intended, performance.now())) * 1000)));
  }
  return summarize(histogram);
}

interface FloodRun {
  calm: LatencySummary;
  flooded: LatencySummary;
  flooder: { sent: number; perSecond: number; statuses: Record<string, number> };
}

async function floodRun(seconds: number, env: Record<string, string>): Promise<FloodRun> {
  const server = await startConvene(0, env);
  try {
    const meeting = await setUpMeeting(server.baseUrl, 1);
    await chairLatency(meeting.chair, meeting.engagementId, 1); // warm-up
    const calm = await chairLatency(meeting.chair, meeting.engagementId, seconds);
    const flooder = forkPinned(join(ROOT, 'test/bench/lib/floodClient.ts'), 1);
    try {
      flooder.send({
        kind: 'start',
        baseUrl: server.baseUrl,
        engagementId: meeting.engagementId,
        token: meeting.memberTokens[0],
        loops: LOOPS,
        textBytes: TEXT_BYTES,
      });
      await nextMessage(flooder, 'started');
      await sleep(1000);
      const flooded = await chairLatency(meeting.chair, meeting.engagementId, seconds);
      const done = nextMessage(flooder, 'done');
      flooder.send({ kind: 'stop' });
      return { calm, flooded, flooder: await done };
    } finally {
      flooder.kill();
    }
  } finally {
    await server.stop();
  }
}

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');

export const floodBenchmark: ExtraBenchmark = {
  name: 'flood',
  async run({ quick, runs }) {
    const seconds = quick ? 4 : 10;
    const lines: string[] = [];
    let last: FloodRun | undefined;
    for (let run = 1; run <= runs; run++) {
      last = await floodRun(seconds, {});
      const { calm, flooded, flooder } = last;
      console.log(`flood: one participant, ${LOOPS} loops of input.submit (20,000 characters), run ${run}/${runs}`);
      console.log(`  the Chair, no flood  : ${fmt(calm)}`);
      console.log(`  the Chair, flooded   : ${fmt(flooded)}`);
      console.log(`  ratio p50 ${ratio(flooded.p50, calm.p50)}x, p99 ${ratio(flooded.p99, calm.p99)}x (target ≤ 1.5x)`);
      console.log(`  the flooder: ${flooder.sent} requests (${flooder.perSecond}/s), answers ${JSON.stringify(flooder.statuses)}`);
    }
    const { calm, flooded, flooder } = last!;
    lines.push(
      `flood (64 loops × 20,000-character input.submit by one participant): the Chair p50 ${calm.p50} → ${flooded.p50} ms (${ratio(flooded.p50, calm.p50)}x), p99 ${calm.p99} → ${flooded.p99} ms (${ratio(flooded.p99, calm.p99)}x; target ≤ 1.5x); flooder ${flooder.perSecond} requests/s, answers ${JSON.stringify(flooder.statuses)}`,
    );
    // The same flood with the limits out of the way (what the issue measured before them).
    const unlimited = await floodRun(seconds, {
      COMMAND_BURST: '1000000',
      COMMAND_RATE_PER_SECOND: '1000000',
      INPUTS_PER_PARTICIPANT: '1000000000',
    });
    console.log('flood without the limits (COMMAND_BURST, COMMAND_RATE_PER_SECOND, INPUTS_PER_PARTICIPANT huge):');
    console.log(`  the Chair, no flood  : ${fmt(unlimited.calm)}`);
    console.log(`  the Chair, flooded   : ${fmt(unlimited.flooded)}`);
    console.log(
      `  the flooder: ${unlimited.flooder.sent} requests (${unlimited.flooder.perSecond}/s), answers ${JSON.stringify(unlimited.flooder.statuses)}`,
    );
    lines.push(
      `flood without the limits: the Chair p50 ${unlimited.calm.p50} → ${unlimited.flooded.p50} ms (${ratio(unlimited.flooded.p50, unlimited.calm.p50)}x), p99 ${unlimited.calm.p99} → ${unlimited.flooded.p99} ms (${ratio(unlimited.flooded.p99, unlimited.calm.p99)}x)`,
    );
    return lines;
  },
};
