// The load generator: one process (pinned to its own core by the runner) that opens C streams and measures
// receipt latency on P probe connections spread evenly through the connection order (probes at
// the front of the fan-out order flatter the result ~7x). Bulk connections only drain bytes. A share of
// connections can "stall" (stop reading) to check that slow readers do not slow the others.
//
// Latency = receipt time − the event's `at` stamp (the server's clock at the command; same host clock).
import { request, Agent, type IncomingMessage } from 'node:http';
import { newHistogram, encode } from './histogram.js';

interface Start {
  kind: 'start';
  url: string;
  tokens: string[];
  probes: number;
  stallShare: number;
}

const histogram = newHistogram();
let measuring = false;
let bytes = 0;
let messages = 0;
let ended = 0;
const responses: IncomingMessage[] = [];
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

function open(url: string, token: string, probe: boolean, stall: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { agent, headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
        responses.push(res);
        res.setEncoding('utf8');
        // A connection counts as open once its whole snapshot has arrived (or, for a server that sends none,
        // its first frame): measuring while the server still pushes a thousand snapshots would measure the
        // connect storm, not the fan-out.
        let head = '';
        let opened = false;
        let snapshotAt = -1;
        const watchOpen = (chunk: string) => {
          if (opened) return;
          // Only the new bytes are searched: a snapshot of an engagement of thousands is megabytes in many chunks,
          // and searching the whole head again per chunk made connecting 5,000 streams quadratic in the client.
          const from = Math.max(0, head.length - 16);
          head += chunk;
          if (snapshotAt < 0) snapshotAt = head.indexOf('event: snapshot', from);
          const done = snapshotAt >= 0 ? head.indexOf('\n\n', Math.max(snapshotAt, from)) >= 0 : head.includes(': connected');
          if (done) {
            opened = true;
            head = '';
            if (stall) res.pause(); // from here on this reader stops reading: the server's buffers fill
            resolve();
          }
        };
        res.on('data', watchOpen);
        if (!stall) {
          let buffer = '';
          res.on('data', (chunk: string) => {
            bytes += chunk.length;
            if (!probe) return;
            buffer += chunk;
            let cut: number;
            while ((cut = buffer.indexOf('\n\n')) >= 0) {
              const frame = buffer.slice(0, cut);
              buffer = buffer.slice(cut + 2);
              if (!frame.includes('event: change')) continue;
              messages += 1;
              const at = /"at":"([^"]+)"/.exec(frame)?.[1];
              if (measuring && at) {
                const now = performance.timeOrigin + performance.now();
                histogram.recordValue(Math.max(1, Math.round((now - Date.parse(at)) * 1000)));
              }
            }
          });
        }
        res.on('end', () => (ended += 1));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

process.on('message', async (message: Start | { kind: string }) => {
  if (message.kind === 'start') {
    const { url, tokens, probes, stallShare } = message as Start;
    const count = tokens.length;
    const every = Math.max(1, Math.floor(count / probes));
    const stallEvery = stallShare > 0 ? Math.round(1 / stallShare) : 0;
    for (let i = 0; i < count; i += 1) {
      const probe = i % every === every - 1;
      const stall = !probe && stallEvery > 0 && i % stallEvery === 0;
      await open(url, tokens[i], probe, stall);
    }
    process.send?.({ kind: 'ready', open: responses.length });
  } else if (message.kind === 'measure') {
    histogram.reset();
    measuring = true;
  } else if (message.kind === 'report') {
    measuring = false;
    process.send?.({ kind: 'report', histogram: encode(histogram), bytes, messages, ended });
  } else if (message.kind === 'stop') {
    for (const res of responses) res.destroy();
    process.exit(0);
  }
});
