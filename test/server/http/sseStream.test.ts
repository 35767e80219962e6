import { EventEmitter } from 'node:events';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { createSseSink, FLUSH_INTERVAL_MS } from '../../../server/http/sseStream.js';
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

/** Until the next flush: a flush follows the previous one by at least FLUSH_INTERVAL_MS. */
const turn = () => new Promise((resolve) => setTimeout(resolve, FLUSH_INTERVAL_MS + 5));
const nextTick = () => new Promise((resolve) => setImmediate(resolve));

function parse(text: string) {
  const events: EventSourceMessage[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  const parser = createParser({ onEvent: (e) => events.push(e), onComment: (c) => comments.push(c), onRetry: (r) => retries.push(r) });
  parser.feed(text);
  return { events, comments, retries };
}

describe('the SSE sink', () => {
  it('given 500 changes committed in one turn (a floor storm), then they leave in ONE write, each with its own id', async () => {
    const res = new RecordingResponse();
    const sink = createSseSink(res as unknown as Response, new FakeClock());
    sink.begin();
    await turn();
    const before = res.writes.length;
    for (let v = 1; v <= 500; v++) sink.change(v, { type: 'floor.withdrawn', at: '2026-11-28T09:00:00.000Z', requestId: `r${v}`, version: v });
    expect(sink.bufferedBytes()).toBeGreaterThan(500 * 50);
    await turn();
    expect(res.writes.length - before).toBe(1);
    const { events } = parse(res.writes.join(''));
    expect(events.map((e) => e.id)).toEqual(Array.from({ length: 500 }, (_, i) => String(i + 1)));
    expect(events.every((e) => e.event === 'change')).toBe(true);
    expect(sink.bufferedBytes()).toBe(0);
    sink.discard();
  });

  it('given changes arriving one per event-loop turn (a storm spread over time), then one flush interval carries them in one write', async () => {
    const res = new RecordingResponse();
    const sink = createSseSink(res as unknown as Response, new FakeClock());
    sink.begin();
    await turn();
    const before = res.writes.length;
    sink.change(1, { type: 'floor.withdrawn', at: '2026-11-28T09:00:00.000Z', requestId: 'r1', version: 1 });
    await nextTick(); // an event that comes alone goes out at once
    expect(res.writes.length - before).toBe(1);
    for (let v = 2; v <= 40; v++) {
      sink.change(v, { type: 'floor.withdrawn', at: '2026-11-28T09:00:00.000Z', requestId: `r${v}`, version: v });
      await nextTick();
    }
    await turn();
    // 39 changes in 39 turns, all within one interval after the first flush: one more write, not 39.
    expect(res.writes.length - before).toBe(2);
    expect(parse(res.writes.slice(before).join('')).events.map((e) => e.id)).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 1)));
    sink.discard();
  });

  it('given a change the viewer may not see, then it still advances the version as `hidden`', async () => {
    const res = new RecordingResponse();
    const sink = createSseSink(res as unknown as Response, new FakeClock());
    sink.begin();
    sink.change(7, null);
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

  it('given end(retryMs), then the queued messages, then `retry:` go out and the response ends; close listeners run once', async () => {
    const res = new RecordingResponse();
    const sink = createSseSink(res as unknown as Response, new FakeClock());
    let closed = 0;
    sink.onClose(() => closed++);
    sink.begin();
    sink.change(1, null);
    sink.end(2500, 'shutdown');
    const { events, retries } = parse(res.writes.join(''));
    expect(events.map((e) => e.id)).toEqual(['1']);
    expect(retries.at(-1)).toBe(2500);
    expect(res.ended).toBe(true);
    expect(closed).toBe(1);
    sink.change(2, null);
    await turn();
    expect(parse(res.writes.join('')).events).toHaveLength(1);
  });

  it('given the subscribe was refused, when discarded, then nothing is written (the refusal can still be a problem+json)', async () => {
    const res = new RecordingResponse();
    const sink = createSseSink(res as unknown as Response, new FakeClock());
    sink.change(1, null);
    sink.discard();
    await turn();
    expect(res.writes).toEqual([]);
    expect(res.statusCode).toBe(0);
  });
});
