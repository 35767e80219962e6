// Benchmark 1 — fan-out. N subscribers on one engagement; a chair command every 100 ms; latency from the
// command's server timestamp to receipt at probe clients spread across the fan-out order. Baseline: a bare
// node:http SSE broadcaster sending the same bytes at the same rate, run in the same invocation.
import type { ChildProcess } from 'node:child_process';
import { Api, setUpMeeting } from './lib/api.js';
import { decode, summarize, type LatencySummary } from './lib/histogram.js';
import { forkPinned, nextMessage, readRss, startConvene, ROOT } from './lib/processes.js';
import { join } from 'node:path';

export interface FanoutOptions {
  subscribers: number;
  warmupSeconds: number;
  measureSeconds: number;
  ratePerSecond: number;
  probes: number;
  stallShare: number;
}

export interface FanoutResult {
  latency: LatencySummary;
  bytesPerMessage: number;
  serverRssBytes: number;
  streamsEndedByServer: number;
}

const NOTE_TEXT = 'Several participants stressed that capacity-building should be demand-driven and sustainable.';

function startClient(): ChildProcess {
  return forkPinned(join(ROOT, 'test/bench/lib/sseLoadClient.ts'), 1);
}

async function drive(send: () => void, ratePerSecond: number, seconds: number): Promise<void> {
  const interval = 1000 / ratePerSecond;
  const start = performance.now();
  const total = Math.round(seconds * ratePerSecond);
  for (let i = 0; i < total; i += 1) {
    const intended = start + i * interval;
    const wait = intended - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    send();
  }
}

async function collect(client: ChildProcess): Promise<{ latency: LatencySummary; bytes: number; messages: number; ended: number }> {
  client.send({ kind: 'report' });
  const report = await nextMessage(client, 'report');
  return { latency: summarize(decode(report.histogram)), bytes: report.bytes, messages: report.messages, ended: report.ended };
}

/**
 * One Convene run: returns the latency and a captured change message (for the baseline's payload). `env`
 * selects the store (DATABASE_URL for PostgreSQL); `acrossInstances` (with DATABASE_URL) starts a second
 * instance on the same database and puts every subscriber on it while the commands go to the first: the
 * latency then includes the NOTIFY, the second instance's read of the new events and its fan-out.
 */
export async function fanoutConvene(
  options: FanoutOptions,
  env: Record<string, string> = {},
  acrossInstances = false,
): Promise<FanoutResult & { sampleData: string }> {
  const server = await startConvene(0, env, { memoryDisk: true });
  const streaming = acrossInstances ? await startConvene(0, env, { memoryDisk: true }) : server;
  const client = startClient();
  try {
    const meeting = await setUpMeeting(server.baseUrl, options.subscribers);
    const url = `${streaming.baseUrl}/api/engagements/${meeting.engagementId}/stream`;
    client.send({ kind: 'start', url, tokens: meeting.memberTokens, probes: options.probes, stallShare: options.stallShare });
    await nextMessage(client, 'ready');
    const sample = await captureOneChange(streaming.baseUrl, meeting.memberTokens[0], meeting.engagementId, () =>
      meeting.chair.command(meeting.engagementId, {
        type: 'note.add',
        questionId: meeting.questionId,
        text: NOTE_TEXT,
        visibility: 'public',
      }),
    );
    const send = () =>
      void meeting.chair
        .command(meeting.engagementId, { type: 'note.add', questionId: meeting.questionId, text: NOTE_TEXT, visibility: 'public' })
        .catch((error) => console.error('command failed', error.message));
    await drive(send, options.ratePerSecond, options.warmupSeconds);
    client.send({ kind: 'measure' });
    await drive(send, options.ratePerSecond, options.measureSeconds);
    await new Promise((r) => setTimeout(r, 1000));
    const rss = streaming.rss();
    const report = await collect(client);
    return {
      latency: report.latency,
      bytesPerMessage: Buffer.byteLength(sample.frame),
      serverRssBytes: rss,
      streamsEndedByServer: report.ended,
      sampleData: sample.data,
    };
  } finally {
    client.send({ kind: 'stop' });
    await server.stop();
    if (streaming !== server) await streaming.stop();
  }
}

/** The baseline with the same bytes: Convene's captured change message, re-stamped at each broadcast. */
export async function fanoutBaseline(options: FanoutOptions, sampleData: string): Promise<FanoutResult> {
  const broadcaster = forkPinned(join(ROOT, 'test/bench/lib/bareBroadcaster.ts'), 0);
  const client = startClient();
  try {
    const { port } = await nextMessage(broadcaster, 'listening');
    const tokens = Array.from({ length: options.subscribers }, () => '');
    client.send({ kind: 'start', url: `http://127.0.0.1:${port}/`, tokens, probes: options.probes, stallShare: options.stallShare });
    await nextMessage(client, 'ready');
    const template = sampleData.replace(/"at":"[^"]+"/, '"at":"__AT__"');
    const send = () => broadcaster.send({ kind: 'broadcast', data: template });
    await drive(send, options.ratePerSecond, options.warmupSeconds);
    client.send({ kind: 'measure' });
    await drive(send, options.ratePerSecond, options.measureSeconds);
    await new Promise((r) => setTimeout(r, 1000));
    const rss = readRss(broadcaster.pid!);
    const report = await collect(client);
    return { latency: report.latency, bytesPerMessage: 0, serverRssBytes: rss, streamsEndedByServer: report.ended };
  } finally {
    client.send({ kind: 'stop' });
    broadcaster.send({ kind: 'stop' });
  }
}

/** Reads one `change` frame from a stream while `trigger` issues a command. */
async function captureOneChange(baseUrl: string, token: string, engagementId: string, trigger: () => Promise<unknown>) {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/engagements/${engagementId}/stream`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let triggered = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('stream ended before a change arrived');
    buffer += decoder.decode(value, { stream: true });
    if (!triggered && buffer.includes('event: snapshot')) {
      triggered = true;
      await trigger();
    }
    const frames = buffer.split('\n\n');
    const change = frames.find((f) => f.includes('event: change') && f.includes('note.added'));
    if (change) {
      controller.abort();
      const data = change
        .split('\n')
        .find((l) => l.startsWith('data: '))!
        .slice(6);
      return { frame: `${change}\n\n`, data };
    }
  }
}

export { Api };
