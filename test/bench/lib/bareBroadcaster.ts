// The baseline: a bare node:http SSE broadcaster with no framework, no auth and no domain. It writes each
// message it is handed (over IPC) to every open response, as a naive server does, so that
// Convene's fan-out is compared with the cost of the same bytes on the same machine at the same moment.
import { createServer, type ServerResponse } from 'node:http';

const clients = new Set<ServerResponse>();
let version = 0;

const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  res.write(': connected\n\n');
  clients.add(res);
  req.on('close', () => clients.delete(res));
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ kind: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});

process.on('message', (message: { kind: string; data?: string }) => {
  if (message.kind === 'broadcast' && message.data !== undefined) {
    version += 1;
    // Stamp at the moment the broadcast begins, in the same field Convene's events use.
    const data = message.data.replace('__AT__', new Date(performance.timeOrigin + performance.now()).toISOString());
    const frame = `id: ${version}\nevent: change\ndata: ${data}\n\n`;
    for (const res of clients) res.write(frame);
  } else if (message.kind === 'stats') {
    process.send?.({ kind: 'stats', clients: clients.size, rss: process.memoryUsage().rss });
  } else if (message.kind === 'stop') {
    for (const res of clients) res.end();
    server.close();
    process.exit(0);
  }
});
