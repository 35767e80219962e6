import { createParser } from 'eventsource-parser';

// A tiny fetch-based SSE reader for tests: bearer header, Last-Event-ID, every message kept in order.
// It tracks the last event id the way a browser's EventSource does (an `id:` persists until the next).

export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
  json<T = any>(): T;
}

export interface SseConnection {
  status: number;
  headers: Headers;
  /** Problem body when the status is not 200. */
  errorBody: string | null;
  messages: SseMessage[];
  comments: string[];
  retries: number[];
  lastEventId: string | null;
  /** Resolves with the first message (from the start) that matches, waiting up to `timeoutMs`. */
  waitFor(predicate: (m: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, options: { token?: string; lastEventId?: string | null } = {}): Promise<SseConnection> {
  const controller = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
  const response = await fetch(url, { headers, signal: controller.signal });

  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  const waiters = new Set<() => void>();
  let lastEventId: string | null = options.lastEventId ?? null;
  const notify = () => waiters.forEach((w) => w());

  const connection: SseConnection = {
    status: response.status,
    headers: response.headers,
    errorBody: null,
    messages,
    comments,
    retries,
    get lastEventId() {
      return lastEventId;
    },
    waitFor(predicate, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SSE: no matching message within ${timeoutMs} ms; got ${messages.map((m) => `${m.event}#${m.id}`).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    ended: Promise.resolve(),
    close: () => controller.abort(),
  };

  if (response.status !== 200 || !response.body) {
    connection.errorBody = await response.text();
    return connection;
  }

  const parser = createParser({
    onEvent(event) {
      if (event.id !== undefined) lastEventId = event.id;
      const data = event.data;
      messages.push({ id: event.id, event: event.event ?? 'message', data, json: () => JSON.parse(data) });
      notify();
    },
    onRetry(ms) {
      retries.push(ms);
    },
    onComment(comment) {
      comments.push(comment);
      notify();
    },
  });

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  connection.ended = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
    } catch {
      // Aborted by close(): the stream is over either way.
    }
  })();
  return connection;
}
