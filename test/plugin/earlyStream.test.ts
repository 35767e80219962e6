import { afterEach, describe, expect, it } from 'vitest';
import { earlyHeadingOf, earlyHeadingPending } from '../../plugin/src/live/earlyHeading.js';
import { closeEarlyStream, openStreamEarly, streamUrl, withEarlyStream } from '../../plugin/src/live/earlyStream.js';
import { LiveEngagement, type LiveSnapshot } from '../../plugin/src/live/LiveEngagement.js';
import { chairView as view } from './chairView.js';
import { startSseServer } from './sseServer.js';

// Issue 3: the entry asks for the stream before the meeting page's code has loaded, and the page's live copy
// adopts that response instead of asking again. Against a real (tiny) SSE server, with the real fetch.

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  closeEarlyStream();
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

const waitFor = async (predicate: () => boolean, timeoutMs = 3000) => {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

function live(baseUrl: string, engagementId = 'e1', fetchImpl = withEarlyStream()) {
  const copy = new LiveEngagement(engagementId, {
    baseUrl,
    getToken: async () => 'test-token',
    fetchImpl,
    baseDelayMs: 20,
    maxDelayMs: 200,
  });
  cleanup.push(() => copy.stop());
  return copy;
}

const stateOf = (copy: LiveEngagement) =>
  new Promise<LiveSnapshot>((resolve) => {
    const check = () => copy.snapshot().state && resolve(copy.snapshot());
    copy.subscribe(check);
    check();
  });

describe('the stream asked for early, before the meeting page loads', () => {
  it('given the stream opened by the entry and its snapshot already sent, when the live copy starts, then it adopts that response: one request, the title at once', async () => {
    const server = await startSseServer((req) =>
      req.send({ event: 'snapshot', id: 2, data: { ...view(2), serverNow: new Date().toISOString() } }),
    );
    cleanup.push(server.close);
    openStreamEarly('e1', 'test-token', { baseUrl: server.url });
    await waitFor(() => server.requests.length === 1);
    const snap = await stateOf(live(server.url).start());
    expect(snap.state?.settings.title).toBe('Capacity-building');
    expect(snap.connection).toBe('live');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].authorization).toBe('Bearer test-token');
    expect(server.requests[0].accept).toBe('text/event-stream');
  });

  it("given the early stream's snapshot, then its title and theme are known before any live copy starts, and the live copy still gets the whole stream", async () => {
    const server = await startSseServer((req) => {
      req.send({ retry: 2000 });
      req.send({
        event: 'snapshot',
        id: 2,
        data: { ...view(2), settings: { ...view(2).settings, theme: 'Cyber capacity' }, serverNow: new Date().toISOString() },
      });
      req.send({ event: 'change', id: 3, data: { type: 'hidden', version: 3 } });
    });
    cleanup.push(server.close);
    openStreamEarly('e1', 'test-token', { baseUrl: server.url });
    expect(earlyHeadingOf('e1')).toBeNull();
    expect(earlyHeadingPending('e1')).toBe(true);
    await waitFor(() => earlyHeadingOf('e1') !== null);
    expect(earlyHeadingPending('e1')).toBe(false);
    expect(earlyHeadingOf('e1')).toEqual({ engagementId: 'e1', title: 'Capacity-building', theme: 'Cyber capacity', staff: true });
    expect(earlyHeadingOf('e2')).toBeNull();
    const copy = live(server.url).start();
    await waitFor(() => copy.snapshot().version === 3);
    expect(copy.snapshot().state?.settings.theme).toBe('Cyber capacity');
    expect(server.requests).toHaveLength(1);
  });

  it('given the early stream is refused (401), then no heading is published and the page stops waiting for one', async () => {
    const server = await startSseServer(() => undefined);
    cleanup.push(server.close);
    openStreamEarly('e1', 'wrong-token', { baseUrl: server.url });
    expect(earlyHeadingPending('e1')).toBe(true);
    await waitFor(() => !earlyHeadingPending('e1'));
    expect(server.requests).toHaveLength(1);
    expect(earlyHeadingOf('e1')).toBeNull();
  });

  it('given an early stream for another engagement, when the live copy starts, then it asks for its own stream', async () => {
    const server = await startSseServer((req) =>
      req.send({ event: 'snapshot', id: 2, data: { ...view(2), serverNow: new Date().toISOString() } }),
    );
    cleanup.push(server.close);
    openStreamEarly('other', 'test-token', { baseUrl: server.url });
    await stateOf(live(server.url).start());
    expect(server.requests).toHaveLength(2);
  });

  it('given the adopter stops, then the early request is aborted with it', async () => {
    let closed = false;
    const server = await startSseServer((req) => {
      req.res.on('close', () => (closed = true));
      req.send({ event: 'snapshot', id: 2, data: { ...view(2), serverNow: new Date().toISOString() } });
    });
    cleanup.push(server.close);
    openStreamEarly('e1', 'test-token', { baseUrl: server.url });
    const copy = live(server.url).start();
    await stateOf(copy);
    copy.stop();
    await waitFor(() => closed);
    expect(server.requests).toHaveLength(1);
  });

  it('given an early stream nobody adopts, when it is closed, then the server sees the connection end', async () => {
    let closed = false;
    const server = await startSseServer((req) => req.res.on('close', () => (closed = true)));
    cleanup.push(server.close);
    openStreamEarly('e1', 'test-token', { baseUrl: server.url });
    await waitFor(() => server.requests.length === 1);
    closeEarlyStream();
    await waitFor(() => closed);
  });

  it('given a resume (Last-Event-ID) or another token, then the early response is not adopted: a resume must not receive a snapshot it did not ask for', async () => {
    const calls: string[] = [];
    const recording = (async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return new Response('');
    }) as typeof fetch;
    const url = streamUrl('e1', 'http://convene.test');
    openStreamEarly('e1', 'test-token', { baseUrl: 'http://convene.test', fetchImpl: recording });
    const adopting = withEarlyStream(recording);
    await adopting(url, { headers: { authorization: 'Bearer test-token', 'last-event-id': '7' } });
    await adopting(url, { headers: { authorization: 'Bearer someone-else' } });
    expect(calls).toEqual([url, url, url]);
    await adopting(url, { headers: { authorization: 'Bearer test-token' } });
    expect(calls).toHaveLength(3);
  });
});
