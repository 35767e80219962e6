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
