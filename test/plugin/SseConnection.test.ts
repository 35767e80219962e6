import { describe, expect, it } from 'vitest';
import { SseConnection } from '../../plugin/src/live/SseConnection.js';

// Reconnect timing of the live stream (docs/api.md: the server's `retry:` hint; mass reconnects spread out).

describe('reconnect back-off', () => {
  it('given repeated failures, the delay doubles from the base (or the server retry) with up to 50 % jitter, capped', () => {
    const connection = new SseConnection({
      url: 'x',
      getToken: async () => null,
      onMessage: () => 'ok',
      baseDelayMs: 1000,
      maxDelayMs: 8000,
      random: () => 1,
    });
    const internals = connection as unknown as { attempt: number };
    expect(connection.nextDelay()).toBe(1500);
    internals.attempt = 2;
    expect(connection.nextDelay()).toBe(6000);
    internals.attempt = 10;
    expect(connection.nextDelay()).toBe(12000);
    const low = new SseConnection({ url: 'x', getToken: async () => null, onMessage: () => 'ok', random: () => 0, maxDelayMs: 1000 });
    low.retryMs = 3000;
    // The server's retry wins over our own cap: never reconnect sooner than asked.
    expect(low.nextDelay()).toBe(3000);
  });
});
