import type { Response } from 'express';
import type { Clock } from '../clock.js';
import type { StoredEvent } from '../domain/events.js';
import type { EngagementView } from '../domain/view.js';
import type { StreamSink } from '../engagements/EngagementService.js';

// SSE framing of the live stream (API.md "The live stream", notes §2.1). Every message carries
// `id: <version>` so that a reconnect with Last-Event-ID resumes exactly. Writes are COALESCED: messages
// queue and leave in one `res.write` per event-loop turn, each keeping its own id; a burst of 500 floor
// requests then costs about one socket write per subscriber instead of 500 (notes §3.3a).

export const HEARTBEAT_MS = 15_000;

// One scheduled flush for every stream with pending messages, rather than one per stream. And at most one
// flush per FLUSH_INTERVAL_MS: an event that comes alone goes out on the next turn (no added latency at a
// meeting's pace), but a burst (everyone asks for the floor when a question opens) is written as one chunk per
// stream per interval instead of one write per event per stream — the cost of fan-out is the number of writes,
// not the bytes (notes §3.3a: 500 requests × 1,000 streams written one by one kept a server at ~97% CPU).
export const FLUSH_INTERVAL_MS = 25;
const pendingFlushes = new Set<() => void>();
let flushTurnScheduled = false;
let lastFlushAt = -Infinity;
function scheduleFlush(flush: () => void): void {
  pendingFlushes.add(flush);
  if (flushTurnScheduled) return;
  flushTurnScheduled = true;
  const runAll = () => {
    flushTurnScheduled = false;
    lastFlushAt = performance.now();
    const due = [...pendingFlushes];
    pendingFlushes.clear();
    for (const run of due) run();
  };
  const wait = lastFlushAt + FLUSH_INTERVAL_MS - performance.now();
  if (wait <= 0) setImmediate(runAll);
  else setTimeout(runAll, wait);
}

/** A reconnect delay spread over 1–5 s, so that mass reconnects after a deploy do not arrive together. */
export const jitteredRetryMs = (min = 1_000, max = 5_000): number => Math.floor(min + Math.random() * (max - min));

export interface SseSink extends StreamSink {
  /** Sends the response head; until then messages only queue (so a refused subscribe can still render a problem). */
  begin(): void;
  /** Drops everything without writing: the subscribe was refused. */
  discard(): void;
  /** Called once when the stream is over, whoever ended it. */
  onClose(listener: () => void): void;
  readonly closed: boolean;
}

/**
 * A change's frame, built once per event object: the hub hands the same (redacted) object to every subscriber
 * who may see it alike, so a change to N subscribers costs one serialization, not N (notes §3.3a: the cost of
 * fan-out is per write, so nothing else should be per subscriber).
 */
const changeFrames = new WeakMap<object, { text: string; bytes: number }>();

function changeFrame(version: number, event: StoredEvent | null): { text: string; bytes: number } {
  if (event) {
    const cached = changeFrames.get(event);
    if (cached) return cached;
  }
  const data = event ? { ...event, version } : { version, type: 'hidden' };
  const text = `id: ${version}\nevent: change\ndata: ${JSON.stringify(data)}\n\n`;
  const frame = { text, bytes: Buffer.byteLength(text) };
  if (event) changeFrames.set(event, frame);
  return frame;
}

export function createSseSink(res: Response, clock: Clock, options: { heartbeatMs?: number } = {}): SseSink {
  let queue: string[] = [];
  let queuedBytes = 0;
  let begun = false;
  let closed = false;
  let flushScheduled = false;
  const listeners: (() => void)[] = [];

  const enqueue = (message: string, bytes = Buffer.byteLength(message)) => {
    if (closed) return;
    queue.push(message);
    queuedBytes += bytes;
    if (begun && !flushScheduled) {
      flushScheduled = true;
      scheduleFlush(flush);
    }
  };

  const flush = () => {
    flushScheduled = false;
    if (closed || !begun || queue.length === 0) return;
    const chunk = queue.join('');
    queue = [];
    queuedBytes = 0;
    res.write(chunk);
  };

  const writeHead = () => {
    if (begun) return;
    begun = true;
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('X-Accel-Buffering', 'no');
    res.setHeader('Connection', 'keep-alive');
    res.flushHeaders();
    res.socket?.setNoDelay(true);
  };

  const cleanup = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    pendingFlushes.delete(flush);
    queue = [];
    queuedBytes = 0;
    for (const listener of listeners.splice(0)) listener();
  };

  // Heartbeats go out on their own next turn, outside the burst window: a thousand streams' heartbeats
  // must not hold back the changes of everyone else.
  const heartbeat = setInterval(() => {
    if (closed) return;
    const text = `: heartbeat\n\nevent: clock\ndata: ${JSON.stringify({ serverNow: clock.now().toISOString() })}\n\n`;
    queue.push(text);
    queuedBytes += Buffer.byteLength(text);
    if (begun && !flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();

  res.on('close', cleanup);

  return {
    get closed() {
      return closed;
    },
    begin() {
      if (closed) return;
      writeHead();
      // The retry hint goes first, ahead of anything the subscribe queued.
      const retry = `retry: ${jitteredRetryMs()}\n\n`;
      queue.unshift(retry);
      queuedBytes += Buffer.byteLength(retry);
      flushScheduled = true;
      scheduleFlush(flush);
    },
    discard() {
      cleanup();
    },
    onClose(listener) {
      if (closed) listener();
      else listeners.push(listener);
    },
    snapshot(view: EngagementView, serverNow: string) {
      enqueue(`id: ${view.version}\nevent: snapshot\ndata: ${JSON.stringify({ ...view, serverNow })}\n\n`);
    },
    change(version: number, event: StoredEvent | null) {
      const frame = changeFrame(version, event);
      enqueue(frame.text, frame.bytes);
    },
    end(retryMs: number, reason: string) {
      void reason;
      if (closed) return;
      writeHead();
      enqueue(`retry: ${Math.max(0, Math.floor(retryMs))}\n\n`);
      flush();
      res.end();
      cleanup();
    },
    bufferedBytes() {
      return queuedBytes + (res.writableLength ?? 0);
    },
  };
}
