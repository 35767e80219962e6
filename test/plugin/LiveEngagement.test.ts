import { afterEach, describe, expect, it } from 'vitest';
import { LiveEngagement, type LiveSnapshot } from '../../plugin/src/live/LiveEngagement.js';
import type { StoredEvent } from '../../server/domain/index.js';
import { chairView as view } from './chairView.js';
import { startSseServer } from './sseServer.js';

// The tab's live copy against a real (tiny) SSE server: docs/api.md "The live stream".

const questionAdded = (version: number): StoredEvent => ({
  type: 'question.added',
  at: '2026-11-28T10:00:00.000Z',
  version,
  question: { id: `q${version}`, text: `Question ${version}`, context: null, plannedMinutes: 10 },
  position: 0,
});

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

function until(live: LiveEngagement, predicate: (s: LiveSnapshot) => boolean, timeoutMs = 3000): Promise<LiveSnapshot> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const snap = live.snapshot();
      if (predicate(snap)) {
        unsubscribe();
        clearTimeout(timer);
        resolve(snap);
      }
    };
    const unsubscribe = live.subscribe(check);
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out; last: ${JSON.stringify({ v: live.snapshot().version, c: live.snapshot().connection })}`));
    }, timeoutMs);
    check();
  });
}

function connect(url: string, token = 'test-token') {
  const live = new LiveEngagement('e1', { baseUrl: url, getToken: async () => token, baseDelayMs: 20, maxDelayMs: 200 });
  cleanup.push(() => live.stop());
  return live.start();
}

describe('live stream client (fetch + eventsource-parser)', () => {
  it('given a snapshot then changes, when they arrive in order, then the copy is at the last version and the bearer was sent', async () => {
    const server = await startSseServer((req) => {
      req.send({ event: 'snapshot', id: 2, data: { ...view(2), serverNow: new Date().toISOString() } });
      req.send({ event: 'change', id: 3, data: questionAdded(3) });
      req.send({ event: 'change', id: 4, data: { type: 'hidden', version: 4 } });
    });
    cleanup.push(server.close);
    const live = connect(server.url);
    const snap = await until(live, (s) => s.version === 4);
    expect(snap.connection).toBe('live');
    expect(snap.state?.settings.title).toBe('Capacity-building');
    // The change was folded with the domain's own evolve; the hidden one only moved the version.
    expect(snap.state?.questions.map((q) => q.text)).toEqual(['Question 3']);
    expect(snap.me?.role).toBe('chair');
    expect(server.requests[0].authorization).toBe('Bearer test-token');
    expect(server.requests[0]['last-event-id']).toBeUndefined();
  });

  it('given the stream drops after version 3, when the client reconnects, then it resumes with Last-Event-ID: 3 and applies the replay', async () => {
    const server = await startSseServer((req, index) => {
      if (index === 0) {
        req.send({ event: 'snapshot', id: 2, data: { ...view(2), serverNow: new Date().toISOString() } });
        req.send({ event: 'change', id: 3, data: questionAdded(3) });
        setTimeout(() => req.end(), 20);
      } else {
        // Replays from the id the client sent; a duplicate (3) must be ignored, not applied twice.
        req.send({ event: 'change', id: 3, data: questionAdded(3) });
        req.send({ event: 'change', id: 4, data: questionAdded(4) });
      }
    });
    cleanup.push(server.close);
    const live = connect(server.url);
    const snap = await until(live, (s) => s.version === 4);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]['last-event-id']).toBe('3');
    expect(snap.state?.questions.map((q) => q.text).sort()).toEqual(['Question 3', 'Question 4']);
  });

  it('given a version gap (2 then 5), when the change arrives, then the client drops its position and reconnects for a snapshot', async () => {
    const server = await startSseServer((req, index) => {
      if (index === 0) {
        req.send({ event: 'snapshot', id: 2, data: { ...view(2), serverNow: new Date().toISOString() } });
        req.send({ event: 'change', id: 5, data: questionAdded(5) });
      } else {
        req.send({ event: 'snapshot', id: 5, data: { ...view(5), serverNow: new Date().toISOString() } });
      }
    });
    cleanup.push(server.close);
    const live = connect(server.url);
    const snap = await until(live, (s) => s.version === 5);
    expect(snap.connection).toBe('live');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]['last-event-id']).toBeUndefined();
  });

  it('given the server says retry: 300 and closes, when the client reconnects, then it waits at least 300 ms and shows "reconnecting" meanwhile', async () => {
    const times: number[] = [];
    const server = await startSseServer((req, index) => {
      times.push(Date.now());
      if (index === 0) {
        req.send({ retry: 300 });
        req.send({ event: 'snapshot', id: 1, data: { ...view(1), serverNow: new Date().toISOString() } });
        setTimeout(() => req.end(), 10);
      } else {
        req.send({ event: 'change', id: 2, data: questionAdded(2) });
      }
    });
    cleanup.push(server.close);
    const live = connect(server.url);
    await until(live, (s) => s.connection === 'reconnecting');
    await until(live, (s) => s.version === 2);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(300);
  });

  it('given a clock message, when it arrives, then serverNow() follows the server clock, not the local one', async () => {
    const ahead = 90_000;
    const server = await startSseServer((req) => {
      req.send({ event: 'snapshot', id: 1, data: { ...view(1), serverNow: new Date(Date.now() + ahead).toISOString() } });
      setTimeout(() => req.send({ event: 'clock', data: { serverNow: new Date(Date.now() - ahead).toISOString() } }), 30);
    });
    cleanup.push(server.close);
    const live = connect(server.url);
    await until(live, (s) => s.version === 1);
    expect(Math.abs(live.serverNow() - (Date.now() + ahead))).toBeLessThan(500);
    await until(live, (s) => s.offsetMs < 0);
    expect(Math.abs(live.serverNow() - (Date.now() - ahead))).toBeLessThan(500);
  });

  it('given a rejected token (401), when connecting, then the client stops with a failure it can show instead of retrying forever', async () => {
    const server = await startSseServer(() => undefined);
    cleanup.push(server.close);
    const live = connect(server.url, 'wrong');
    const snap = await until(live, (s) => s.connection === 'failed');
    expect(snap.connectionDetail).toBe('Sign in again.');
    await new Promise((r) => setTimeout(r, 150));
    expect(server.requests).toHaveLength(1);
  });
});
