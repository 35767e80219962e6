// Records an engagement's SSE stream as a test client sees it: every message's id, event name and data.
import { createParser } from 'eventsource-parser';

export interface Received {
  id: number;
  event: string;
  data: any;
}

export interface StreamRecorder {
  messages: Received[];
  /** Resolves when a message satisfies `predicate` (already received or later). */
  waitFor(predicate: (m: Received) => boolean, timeoutMs?: number): Promise<Received>;
  close(): void;
  closed: Promise<void>;
}

export async function recordStream(baseUrl: string, engagementId: string, token: string, lastEventId?: number): Promise<StreamRecorder> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/engagements/${engagementId}/stream`, {
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'text/event-stream',
      ...(lastEventId !== undefined ? { 'last-event-id': String(lastEventId) } : {}),
    },
    signal: controller.signal,
  });
  if (res.status !== 200) throw new Error(`stream answered ${res.status}: ${await res.text()}`);
  const messages: Received[] = [];
  const waiters: { predicate: (m: Received) => boolean; resolve: (m: Received) => void }[] = [];
  const parser = createParser({
    onEvent(message) {
      if (message.event === 'clock' || message.id === undefined) return;
      const received = { id: Number(message.id), event: message.event ?? 'message', data: JSON.parse(message.data) };
      messages.push(received);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(received)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(received);
        }
      }
    },
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const closed = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch {
      /* aborted or the server died: the test decides what that means */
    }
  })();
  return {
    messages,
    closed,
    close: () => controller.abort(),
    waitFor(predicate, timeoutMs = 15_000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolvePromise, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `no matching message within ${timeoutMs} ms; got ${JSON.stringify(messages.map((m) => [m.id, m.event, m.data?.type]))}`,
              ),
            ),
          timeoutMs,
        );
        waiters.push({
          predicate,
          resolve: (m) => {
            clearTimeout(timer);
            resolvePromise(m);
          },
        });
      });
    },
  };
}
