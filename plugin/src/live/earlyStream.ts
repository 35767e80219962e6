// On a first load of `/e/:id` the page waits for two things: its code and the stream's snapshot. Asking for
// the stream while the code still loads takes the second off the critical path (issue 3): the entry sends
// the request before React mounts (`openStreamEarly`), and the first connection to that URL adopts the
// response instead of asking again (`withEarlyStream`). A copy of the body is read for the snapshot's
// heading alone (earlyHeading.ts), so the page can show the engagement's title before its code has loaded.
// Nothing here imports the fold (and with it zod), so the entry stays small.

import { expectEarlyHeading, readEarlyHeading, settleEarlyHeading } from './earlyHeading.js';

/** An early stream nobody adopted (the page went elsewhere) is closed after this long. */
export const UNCLAIMED_MS = 10_000;

interface Early {
  url: string;
  token: string;
  response: Promise<Response>;
  controller: AbortController;
  timer: ReturnType<typeof setTimeout>;
}

let early: Early | null = null;

/** Where an engagement's live stream is (docs/api.md `GET /api/engagements/:id/stream`). */
export const streamUrl = (engagementId: string, baseUrl = ''): string =>
  `${baseUrl}/api/engagements/${encodeURIComponent(engagementId)}/stream`;

/** Sends the stream request now, with the headers SseConnection sends on a first connect. */
export function openStreamEarly(engagementId: string, token: string, options: { baseUrl?: string; fetchImpl?: typeof fetch } = {}): void {
  closeEarlyStream();
  expectEarlyHeading(engagementId);
  const fetchImpl = options.fetchImpl ?? ((...args) => fetch(...args));
  const url = streamUrl(engagementId, options.baseUrl);
  const controller = new AbortController();
  const response = fetchImpl(url, {
    headers: { accept: 'text/event-stream', 'cache-control': 'no-cache', authorization: `Bearer ${token}` },
    signal: controller.signal,
    cache: 'no-store',
  }).then((res) => {
    if (!res.ok || !res.body) {
      settleEarlyHeading(engagementId);
      return res;
    }
    const [peek, keep] = res.body.tee();
    void readEarlyHeading(engagementId, peek);
    return new Response(keep, { status: res.status, statusText: res.statusText, headers: res.headers });
  });
  // The adopter sees a failure when it awaits; until then it is not an unhandled rejection.
  response.catch(() => settleEarlyHeading(engagementId));
  const timer = setTimeout(() => {
    if (early?.controller === controller) closeEarlyStream();
  }, UNCLAIMED_MS);
  early = { url, token, response, controller, timer };
}

/** Closes an early stream nobody adopted. */
export function closeEarlyStream(): void {
  if (!early) return;
  clearTimeout(early.timer);
  early.controller.abort();
  early = null;
}

function headerOf(headers: HeadersInit | undefined, name: string): string | null {
  return headers ? new Headers(headers).get(name) : null;
}

/**
 * A fetch for SseConnection that adopts the early stream, once: only for the same URL and token, and only
 * for a first connect (a resume carries `Last-Event-ID` and must not receive a snapshot it did not ask for).
 * The adopter's signal then aborts the early request.
 */
export function withEarlyStream(fetchImpl: typeof fetch = (...args) => fetch(...args)): typeof fetch {
  return (input, init) => {
    const candidate = early;
    const adoptable =
      candidate !== null &&
      String(input) === candidate.url &&
      headerOf(init?.headers, 'authorization') === `Bearer ${candidate.token}` &&
      headerOf(init?.headers, 'last-event-id') === null;
    if (!adoptable) return fetchImpl(input, init);
    clearTimeout(candidate.timer);
    early = null;
    const signal = init?.signal;
    if (signal?.aborted) candidate.controller.abort();
    else signal?.addEventListener('abort', () => candidate.controller.abort(), { once: true });
    return candidate.response;
  };
}
