import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A tiny SSE server on port 0 for the plugin's stream client: each connection is handed to `onConnect`,
// which writes frames by hand, so tests control exactly what the client receives.

export interface SseRequest {
  headers: IncomingMessage['headers'];
  res: ServerResponse;
  send(frame: { event?: string; id?: number | string; data?: unknown; retry?: number }): void;
  comment(text: string): void;
  end(): void;
}

export async function startSseServer(onConnect: (req: SseRequest, index: number) => void) {
  const requests: IncomingMessage['headers'][] = [];
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    requests.push(req.headers);
    if (req.headers.authorization !== 'Bearer test-token') {
      res.writeHead(401, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ status: 401, code: 'UNAUTHENTICATED', detail: 'Sign in again.' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.flushHeaders();
    open.add(res);
    res.on('close', () => open.delete(res));
    onConnect(
      {
        headers: req.headers,
        res,
        send(frame) {
          let text = '';
          if (frame.retry !== undefined) text += `retry: ${frame.retry}\n`;
          if (frame.event) text += `event: ${frame.event}\n`;
          if (frame.id !== undefined) text += `id: ${frame.id}\n`;
          if (frame.data !== undefined) text += `data: ${JSON.stringify(frame.data)}\n`;
          res.write(`${text}\n`);
        },
        comment(text) {
          res.write(`: ${text}\n\n`);
        },
        end() {
          res.end();
        },
      },
      requests.length - 1,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
