// The floor storm's load generator: its own process, pinned to the load generator's core by the runner, so
// that neither the orchestrating process nor the stream readers' work is counted as the server's latency
// It sends P `floor.request` commands at evenly spread intended times over one second and
// records each one's latency from its INTENDED send time (no coordinated omission), over keep-alive HTTP.
import { Agent, request } from 'node:http';
import { encode, newHistogram } from './histogram.js';

interface Start {
  kind: 'start';
  baseUrl: string;
  engagementId: string;
  questionId: string;
  tokens: string[];
  windowMs: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

function post(url: URL, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

process.on('message', async (message: Start | { kind: string }) => {
  if (message.kind !== 'start') return;
  const { baseUrl, engagementId, questionId, tokens, windowMs } = message as Start;
  const url = new URL(`/api/engagements/${engagementId}/commands`, baseUrl);
  const histogram = newHistogram();
  const statuses: number[] = [];
  const spacing = windowMs / tokens.length;
  const start = performance.now() + 50;
  await Promise.all(
    tokens.map(async (token, i) => {
      const intended = start + i * spacing;
      const wait = intended - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const status = await post(url, token, JSON.stringify({ type: 'floor.request', questionId, commandId: `storm-${i}` }));
      histogram.recordValue(Math.max(1, Math.round((performance.now() - intended) * 1000)));
      statuses.push(status);
    }),
  );
  process.send?.({
    kind: 'done',
    histogram: encode(histogram),
    accepted: statuses.filter((s) => s === 200).length,
    rejected: statuses.filter((s) => s !== 200).length,
  });
});
