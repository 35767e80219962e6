// Benchmark 3 — write path: durable commands per second through Convene's whole write path (auth, zod,
// authorize, decide, append with fsync, evolve, publish) against a bare Express endpoint doing the same
// SQLite insert. Closed loop with a fixed concurrency; also the per-command latency.
import { join } from 'node:path';
import { Api, pool, setUpMeeting } from './lib/api.js';
import { newHistogram, summarize, type LatencySummary } from './lib/histogram.js';
import { forkPinned, nextMessage, ROOT, startConvene } from './lib/processes.js';

export interface WriteResult {
  commandsPerSecond: number;
  latency: LatencySummary;
}

async function hammer(api: Api, path: string, body: (i: number) => unknown, count: number, concurrency: number): Promise<WriteResult> {
  const histogram = newHistogram();
  const start = performance.now();
  await pool(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const t0 = performance.now();
      await api.ok('POST', path, body(i));
      histogram.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)));
    },
  );
  const seconds = (performance.now() - start) / 1000;
  return { commandsPerSecond: Math.round(count / seconds), latency: summarize(histogram) };
}

/** `env` selects the store: DATABASE_URL (with SESSION_SECRET) for PostgreSQL, else SQLite in a temp DATA_DIR. */
export async function writePathConvene(count: number, concurrency: number, env: Record<string, string> = {}): Promise<WriteResult> {
  const server = await startConvene(0, env);
  try {
    const meeting = await setUpMeeting(server.baseUrl, 1);
    const path = `/api/engagements/${meeting.engagementId}/commands`;
    const body = (i: number) => ({ type: 'note.add', questionId: meeting.questionId, text: `Note ${i}`, visibility: 'public' });
    await hammer(meeting.chair, path, body, Math.min(200, count), concurrency); // warm-up
    return await hammer(meeting.chair, path, body, count, concurrency);
  } finally {
    await server.stop();
  }
}

/**
 * Several instances on one PostgreSQL (`env` with DATABASE_URL): the same commands to ONE engagement, half
 * through each of two server processes at once. Every command is serialized across both (optimistic append:
 * a batch that lost the race to the other instance catches up from the log and is decided again), so this
 * is the cost of that choice beside `writePathConvene` on one instance.
 */
export async function writePathTwoInstances(count: number, concurrency: number, env: Record<string, string>): Promise<WriteResult> {
  const a = await startConvene(0, env);
  const b = await startConvene(1, env);
  try {
    const meeting = await setUpMeeting(a.baseUrl, 1);
    const path = `/api/engagements/${meeting.engagementId}/commands`;
    const body = (i: number) => ({ type: 'note.add', questionId: meeting.questionId, text: `Note ${i}`, visibility: 'public' });
    const onB = new Api(b.baseUrl, meeting.chair.token);
    const both = async (n: number) => {
      const start = performance.now();
      const [x, y] = await Promise.all([
        hammer(meeting.chair, path, body, n / 2, concurrency / 2),
        hammer(onB, path, body, n / 2, concurrency / 2),
      ]);
      const seconds = (performance.now() - start) / 1000;
      const latency = x.latency.p99 >= y.latency.p99 ? x.latency : y.latency;
      return { commandsPerSecond: Math.round(n / seconds), latency };
    };
    await both(Math.min(200, count)); // warm-up
    return await both(count);
  } finally {
    await a.stop();
    await b.stop();
  }
}

export async function writePathBaseline(count: number, concurrency: number): Promise<WriteResult> {
  const child = forkPinned(join(ROOT, 'test/bench/lib/bareExpressInsert.ts'), 0);
  try {
    const { port } = await nextMessage(child, 'listening');
    const api = new Api(`http://127.0.0.1:${port}`);
    const body = (i: number) => ({ type: 'note.add', questionId: 'q', text: `Note ${i}`, visibility: 'public' });
    await hammer(api, '/api/engagements/e/commands', body, Math.min(200, count), concurrency);
    return await hammer(api, '/api/engagements/e/commands', body, count, concurrency);
  } finally {
    child.send({ kind: 'stop' });
  }
}

export { setUpMeeting };
