// The flood's load generator: its own process (pinned to the load generator's core by the runner), so that the
// flooder's own work is not counted in the Chair's latency measured by the runner. It runs `loops` closed
// loops of `input.submit` with `textBytes` of text as one participant, until told to stop, and reports what
// the server answered.
import { Agent, request } from 'node:http';

interface Start {
  kind: 'start';
  baseUrl: string;
  engagementId: string;
  token: string;
  loops: number;
  textBytes: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

function post(url: URL, token: string, body: string): Promise<number> {
  return new Promise((resolve) => {
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
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

let running = false;

process.on('message', async (message: Start | { kind: string }) => {
  if (message.kind === 'stop') {
    running = false;
    return;
  }
  if (message.kind !== 'start') return;
  const { baseUrl, engagementId, token, loops, textBytes } = message as Start;
  const url = new URL(`/api/engagements/${engagementId}/commands`, baseUrl);
  const text = 'Our written statement on capacity-building. '.repeat(Math.ceil(textBytes / 44)).slice(0, textBytes);
  const statuses = new Map<number, number>();
  running = true;
  process.send!({ kind: 'started' });
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: loops }, async (_, loop) => {
      for (let i = 0; running; i++) {
        const status = await post(url, token, JSON.stringify({ type: 'input.submit', title: `Flood ${loop}.${i}`, text }));
        sent++;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  process.send!({ kind: 'done', sent, perSecond: Math.round(sent / seconds), statuses: Object.fromEntries(statuses) });
  agent.destroy();
});
