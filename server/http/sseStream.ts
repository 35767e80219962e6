import type { Response } from 'express';
import type { Clock } from '../clock.js';
import type { EngagementView } from '../domain/view.js';
import type { StreamChange, StreamSink } from '../engagements/EngagementService.js';

// SSE framing of the live stream (docs/api.md "The live stream"). Every message carries
// `id: <version>` so that a reconnect with Last-Event-ID resumes exactly. The hub paces changes into batches
// (server/engagements/liveHub.ts) and hands each batch over at once: it leaves in ONE write, each change
// keeping its own id — the cost of fan-out is the number of socket writes, not the bytes (docs/performance.md).
// Other messages (the snapshot, heartbeats, the end) queue and leave on the next turn.

export const HEARTBEAT_MS = 15_000;

// One scheduled turn flushes every stream with queued messages, rather than one callback per stream.
const pendingFlushes = new Set<() => void>();
let flushTurnScheduled = false;
function scheduleFlush(flush: () => void): void {
  pendingFlushes.add(flush);
  if (flushTurnScheduled) return;
  flushTurnScheduled = true;
  setImmediate(() => {
    flushTurnScheduled = false;
    const due = [...pendingFlushes];
    pendingFlushes.clear();
    for (const run of due) run();
  });
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
 * Frames built once per object: the hub hands the same (redacted) event object, and the same batch array,
 * to every subscriber who may see them alike, so N subscribers cost one serialization, not N.
 */
const changeFrames = new WeakMap<object, string>();
interface BatchFrame {
  text: string;
  bytes: number;
  /** The frame as one HTTP/1.1 chunk, encoded once: the bytes every stream that gets this batch alone is sent. */
  chunk?: Buffer;
}
const batchFrames = new WeakMap<readonly StreamChange[], BatchFrame>();

function changeFrame({ version, event }: StreamChange): string {
  if (event) {
    const cached = changeFrames.get(event);
    if (cached) return cached;
  }
  const data = event ? { ...event, version } : { version, type: 'hidden' };
  const text = `id: ${version}\nevent: change\ndata: ${JSON.stringify(data)}\n\n`;
  if (event) changeFrames.set(event, text);
  return text;
}

function batchFrame(batch: readonly StreamChange[]): BatchFrame {
  let frame = batchFrames.get(batch);
  if (!frame) {
    const text = batch.length === 1 ? changeFrame(batch[0]) : batch.map(changeFrame).join('');
    frame = { text, bytes: Buffer.byteLength(text) };
    batchFrames.set(batch, frame);
  }
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

  /**
   * Straight to the socket, framed as the HTTP/1.1 chunk Node would frame it, when that is possible.
   * `res.write` corks the socket and writes on the next tick: a pass over a thousand streams would then do all
   * its writes after the hub's slice had ended, hiding their cost from its pacing and its 4 ms slices
   * (liveHub.ts). Node's response has nothing of its own queued once the head is flushed, so the order on the
   * wire is kept, and `res.end()` still writes the last chunk.
   */
  const directSocket = () => {
    const socket = res.socket;
    return res.chunkedEncoding === true && res.headersSent && socket && socket.writable && typeof socket.write === 'function'
      ? socket
      : null;
  };

  const flush = () => {
    flushScheduled = false;
    if (closed || !begun || queue.length === 0) return;
    const chunk = queue.length === 1 ? queue[0] : queue.join('');
    queue = [];
    queuedBytes = 0;
    const socket = directSocket();
    if (socket) socket.write(`${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n`);
    else res.write(chunk);
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

  // Heartbeats go out on their own next turn, not through the shared flush: a thousand streams' heartbeats
  // must not hold back anything else.
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
      const text = `id: ${view.version}\nevent: snapshot\ndata: ${JSON.stringify({ ...view, serverNow })}\n\n`;
      const bytes = Buffer.byteLength(text);
      enqueue(text, bytes);
      return bytes;
    },
    changes(batch: readonly StreamChange[]) {
      if (closed || batch.length === 0) return;
      const frame = batchFrame(batch);
      // Written now, in the hub's pass: the pass is what paces and batches, so waiting here would only add a turn.
      const socket = begun && queue.length === 0 ? directSocket() : null;
      if (socket) {
        // The common case in a burst: this batch alone, sent as the chunk encoded once for all its streams.
        frame.chunk ??= Buffer.from(`${frame.bytes.toString(16)}\r\n${frame.text}\r\n`);
        socket.write(frame.chunk);
        return;
      }
      queue.push(frame.text);
      queuedBytes += frame.bytes;
      flush();
    },
    end(retryMs: number, reason: string) {
      if (closed) return;
      writeHead();
      const retry = Math.max(0, Math.floor(retryMs));
      // The last message says why and when to come back (docs/api.md "The live stream"); `retry:` sets the delay.
      enqueue(`event: end\ndata: ${JSON.stringify({ reason, retryMs: retry })}\nretry: ${retry}\n\n`);
      flush();
      res.end();
      cleanup();
    },
    bufferedBytes() {
      return queuedBytes + (res.writableLength ?? 0);
    },
  };
}
