import { createParser, type EventSourceMessage } from 'eventsource-parser';

// A fetch-based EventSource: unlike the browser's, it can send `Authorization` (docs/api.md: bearer, never a
// cookie, never a token in a URL). It resumes with `Last-Event-ID`, backs off with jitter, honours the
// server's `retry:`, and treats a silent socket (no byte, not even the ≤15 s heartbeat) as dead.

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'failed' | 'closed';

/** What the consumer says about a message: keep going, or drop the position and ask for a snapshot. */
export type MessageVerdict = 'ok' | 'resync';

export interface SseOptions {
  url: string;
  getToken: () => Promise<string | null>;
  onMessage: (message: EventSourceMessage) => MessageVerdict;
  onStatus?: (status: ConnectionStatus, detail?: string) => void;
  fetchImpl?: typeof fetch;
  random?: () => number;
  /** First reconnect delay when the server gave no `retry:`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** No byte for this long → reconnect. The server sends a heartbeat at least every 15 s. */
  idleTimeoutMs?: number;
}

/** Statuses after which retrying cannot help: the caller must sign in again or lacks access. */
const FATAL = new Set([401, 403, 404, 410]);

export class SseConnection {
  /** The id of the last message applied: where a reconnect resumes. */
  lastEventId: string | null = null;
  /** Reconnect delay the server asked for with `retry:`. */
  retryMs: number | null = null;
  private attempt = 0;
  private stopped = false;
  private wantSnapshot = false;
  private controller: AbortController | null = null;
  private wake: (() => void) | null = null;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: SseOptions) {
    this.fetchImpl = options.fetchImpl ?? ((...args) => fetch(...args));
  }

  start(): void {
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.controller?.abort();
    this.wake?.();
    this.options.onStatus?.('closed');
  }

  /** Forget the position and reconnect at once: the next message will be a snapshot. */
  resync(): void {
    this.wantSnapshot = true;
    this.lastEventId = null;
    this.controller?.abort();
    this.wake?.();
  }

  /** Delay before reconnect attempt `attempt` (0-based): the server's retry, doubled per failure, with jitter. */
  nextDelay(): number {
    const base = this.retryMs ?? this.options.baseDelayMs ?? 1000;
    const max = this.options.maxDelayMs ?? 30_000;
    // Never sooner than the server asked (`retry:`), even when that is above our own cap.
    const ceiling = Math.max(base, Math.min(max, base * 2 ** this.attempt));
    const random = this.options.random ?? Math.random;
    return Math.round(ceiling * (1 + 0.5 * random()));
  }

  private status(status: ConnectionStatus, detail?: string) {
    if (!this.stopped) this.options.onStatus?.(status, detail);
  }

  private async run(): Promise<void> {
    let first = true;
    while (!this.stopped) {
      this.status(first ? 'connecting' : 'reconnecting');
      first = false;
      const outcome = await this.connectOnce();
      if (this.stopped) return;
      if (outcome.fatal) {
        this.status('failed', outcome.detail);
        return;
      }
      this.status('reconnecting', outcome.detail);
      if (this.wantSnapshot) continue;
      const delay = this.nextDelay();
      this.attempt += 1;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private async connectOnce(): Promise<{ fatal: boolean; detail?: string }> {
    const controller = new AbortController();
    this.controller = controller;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const idleMs = this.options.idleTimeoutMs ?? 45_000;
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => controller.abort(), idleMs);
    };
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream', 'cache-control': 'no-cache' };
      const token = await this.options.getToken();
      if (token) headers.authorization = `Bearer ${token}`;
      if (this.wantSnapshot) this.lastEventId = null;
      this.wantSnapshot = false;
      if (this.lastEventId) headers['last-event-id'] = this.lastEventId;
      touch();
      const response = await this.fetchImpl(this.options.url, { headers, signal: controller.signal, cache: 'no-store' });
      if (!response.ok || !response.body) {
        const detail = await response.text().catch(() => '');
        let message = `The live stream answered ${response.status}.`;
        try {
          message = (JSON.parse(detail) as { detail?: string }).detail ?? message;
        } catch {
          /* not problem+json: keep the status line */
        }
        return { fatal: FATAL.has(response.status), detail: message };
      }
      this.status('live');
      const parser = createParser({
        onEvent: (message) => {
          if (controller.signal.aborted) return;
          const verdict = this.options.onMessage(message);
          if (verdict === 'resync') {
            this.wantSnapshot = true;
            this.lastEventId = null;
            controller.abort();
            return;
          }
          // A message applied: the connection is healthy again, and this is where to resume.
          this.attempt = 0;
          if (message.id) this.lastEventId = message.id;
        },
        onRetry: (ms) => {
          this.retryMs = ms;
        },
      });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        touch();
        parser.feed(decoder.decode(value, { stream: true }));
      }
      return { fatal: false, detail: 'The live stream ended.' };
    } catch (error) {
      return {
        fatal: false,
        detail: controller.signal.aborted ? 'The live stream went quiet.' : String((error as Error)?.message ?? error),
      };
    } finally {
      clearTimeout(idle);
      controller.abort();
    }
  }
}
