import { EventEmitter } from 'node:events';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { createSseSink } from '../../../server/http/sseStream.js';
import { FakeClock } from '../../support/fakeClock.js';

// SSE framing in isolation, against a recording stand-in for Node's ServerResponse (Node's, not
// Convene's): what goes on the wire, and how many writes it takes.

class RecordingResponse extends EventEmitter {
  writes: string[] = [];
  headers: Record<string, string> = {};
  statusCode = 0;
  ended = false;
  writableLength = 0;
  socket = { setNoDelay: () => undefined };
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  setHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  flushHeaders() {}
  write(chunk: string) {
    this.writes.push(chunk);
    return true;
  }
  end() {
    this.ended = true;
    this.emit('close');
  }
}

/** Until queued messages (snapshot, heartbeat, end) have left: they go on the next turn. */
const turn = () => new Promise((resolve) => setTimeout(resolve, 5));
const withdrawn = (v: number) => ({
  version: v,
  event: { type: 'floor.withdrawn' as const, at: '2026-11-28T09:00:00.000Z', requestId: `r${v}`, version: v },
});

function parse(text: string) {
  const events: EventSourceMessage[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  const parser = createParser({ onEvent: (e) => events.push(e), onComment: (c) => comments.push(c), onRetry: (r) => retries.push(r) });
  parser.feed(text);
  return { events, comments, retries };
}

describe('the SSE sink', () => {
  it('given a batch of 500 changes from the hub (a floor storm), then it leaves in ONE write, each change with its own id', async () => {
    const res = new RecordingResponse();
    const sink = createSseSink(res as unknown as Response, new FakeClock());
    sink.begin();
    await turn();
    const before = res.writes.length;
    sink.changes(Array.from({ length: 500 }, (_, i) => withdrawn(i + 1)));
    expect(res.writes.length - before).toBe(1);
    const { events } = parse(res.writes.join(''));
    expect(events.map((e) => e.id)).toEqual(Array.from({ length: 500 }, (_, i) => String(i + 1)));
    expect(events.every((e) => e.event === 'change')).toBe(true);
    expect(sink.bufferedBytes()).toBe(0);
    sink.discard();
  });

  it('given one batch handed to two streams, then both write the same bytes (the batch is framed once and shared)', async () => {
    const batch = [withdrawn(1), withdrawn(2)];
    const writes: string[] = [];
    for (let k = 0; k < 2; k += 1) {
      const res = new RecordingResponse();
      const sink = createSseSink(res as unknown as Response, new FakeClock());
      sink.begin();
      await turn();
      sink.changes(batch);
      writes.push(res.writes.at(-1)!);
      sink.discard();
    }
    expect(writes[0]).toBe(writes[1]);
    expect(parse(writes[0]).events.map((e) => e.id)).toEqual(['1', '2']);
  });

  it('given a snapshot still queued, when a batch arrives, then the snapshot goes first in the same write', async () => {
    const res = new RecordingResponse();
    const sink = createSseSink(res as unknown as Response, new FakeClock());
    sink.begin();
    sink.snapshot({ version: 3 } as never, '2026-11-28T09:00:00.000Z');
    sink.changes([withdrawn(4)]);
    expect(res.writes).toHaveLength(1);
    expect(parse(res.writes[0]).events.map((e) => `${e.event}:${e.id}`)).toEqual(['snapshot:3', 'change:4']);
    sink.discard();
  });

  it('given a change the viewer may not see, then it still advances the version as `hidden`', async () => {
    const res = new RecordingResponse();
    const sink = createSseSink(res as unknown as Response, new FakeClock());
    sink.begin();
    sink.changes([{ version: 7, event: null }]);
    await turn();
    const { events } = parse(res.writes.join(''));
    expect(events).toEqual([{ id: '7', event: 'change', data: '{"version":7,"type":"hidden"}' }]);
    sink.discard();
  });

  it('given an open stream, then a heartbeat comment and a clock message with serverNow arrive every interval', async () => {
    const res = new RecordingResponse();
    const clock = new FakeClock('2026-11-28T10:00:00.000Z');
    const sink = createSseSink(res as unknown as Response, clock, { heartbeatMs: 30 });
    sink.begin();
    // Timers on a loaded machine run late: wait for the first beat rather than a fixed time.
    for (let i = 0; i < 200 && !res.writes.join('').includes('event: clock'); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await turn();
    const { events, comments, retries } = parse(res.writes.join(''));
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(retries).toHaveLength(1);
    expect(comments.filter((c) => c.trim() === 'heartbeat').length).toBeGreaterThanOrEqual(1);
    expect(events.find((e) => e.event === 'clock')?.data).toBe('{"serverNow":"2026-11-28T10:00:00.000Z"}');
    sink.discard();
  });

  it('given end(retryMs), then the queued messages, then an `end` event with the reason and `retry:` go out and the response ends; close listeners run once (LIMIT-5)', async () => {
    const res = new RecordingResponse();
    const sink = createSseSink(res as unknown as Response, new FakeClock());
    let closed = 0;
    sink.onClose(() => closed++);
    sink.begin();
    sink.changes([{ version: 1, event: null }]);
    sink.end(2500, 'shutdown');
    const { events, retries } = parse(res.writes.join(''));
    expect(events.map((e) => e.id)).toEqual(['1', undefined]);
    expect(events.at(-1)).toMatchObject({ event: 'end', data: JSON.stringify({ reason: 'shutdown', retryMs: 2500 }) });
    expect(retries.at(-1)).toBe(2500);
    expect(res.ended).toBe(true);
    expect(closed).toBe(1);
    sink.changes([{ version: 2, event: null }]);
    await turn();
    expect(parse(res.writes.join('')).events).toHaveLength(2);
  });

  it('given the subscribe was refused, when discarded, then nothing is written (the refusal can still be a problem+json)', async () => {
    const res = new RecordingResponse();
    const sink = createSseSink(res as unknown as Response, new FakeClock());
    sink.changes([{ version: 1, event: null }]);
    sink.discard();
    await turn();
    expect(res.writes).toEqual([]);
    expect(res.statusCode).toBe(0);
  });
});
