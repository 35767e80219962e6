// Shared set-up of the LiveKit contract tests: the double, a raw-body webhook sink, the real SDK client
// and Convene's adapter, fresh for every test.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterEach, beforeEach } from 'vitest';
import { createLiveKitAdapter, type LiveKitAdapter } from '../../server/integrations/livekit.js';
import { startLiveKitDouble, type LiveKitDouble } from '../fakes/livekitServerDouble.js';

export const API_KEY = 'convene-test-key';
export const API_SECRET = 'convene-test-secret-that-is-long-enough-for-hs256';

export interface Received {
  body: string;
  authorization: string | undefined;
  contentType: string | undefined;
  atMs: number;
}

export interface WebhookSink {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** A webhook endpoint that keeps the raw bytes, as Convene's route must; it can answer 503 at first. */
export async function startWebhookSink(options: { failFirst?: number } = {}): Promise<WebhookSink> {
  const received: Received[] = [];
  let failures = options.failFirst ?? 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        body: Buffer.concat(chunks).toString('utf8'),
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        atMs: Date.now(),
      });
      if (failures > 0) {
        failures -= 1;
        res.writeHead(503).end();
      } else res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/livekit/webhook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

export const eventNames = (received: Received[]) => received.map((r) => (JSON.parse(r.body) as { event: string }).event);
export const eventIds = (received: Received[]) => received.map((r) => (JSON.parse(r.body) as { id: string }).id);

export interface LiveKitTestBed {
  double: LiveKitDouble;
  sink: WebhookSink;
  client: RoomServiceClient;
  adapter: LiveKitAdapter;
}

/** Registers beforeEach/afterEach; the returned object is filled anew for each test. */
export function useLiveKitTestBed(): LiveKitTestBed {
  const bed = {} as LiveKitTestBed;
  beforeEach(async () => {
    bed.sink = await startWebhookSink();
    bed.double = await startLiveKitDouble({ apiKey: API_KEY, apiSecret: API_SECRET, webhookUrl: bed.sink.url });
    bed.client = new RoomServiceClient(bed.double.url, API_KEY, API_SECRET);
    bed.adapter = createLiveKitAdapter({ url: bed.double.url, apiKey: API_KEY, apiSecret: API_SECRET });
  });
  afterEach(async () => {
    await bed.double.close();
    await bed.sink.close();
  });
  return bed;
}
