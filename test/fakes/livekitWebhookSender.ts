// LiveKit's webhook notifier (livekit/protocol `webhook/resource_url_notifier.go`),
// with faults on demand. Events go out one after another in the
// order they happened; a retry re-sends the very same bytes and token, which is what `duplicate` does.
import { createHash } from 'node:crypto';
import type { WebhookEvent } from '@livekit/protocol';
import { SignJWT } from 'jose';
import { assertNever } from '../../server/domain/events.js';

export interface SentWebhook {
  id: string;
  event: string;
  /** The exact bytes posted (what the signature covers). */
  body: string;
  /** The `Authorization` header: a raw JWT, no `Bearer `. */
  authorization: string;
  /** HTTP status of the receiver's answer, or undefined when the POST failed. */
  status?: number;
  /** 1 for the first try; higher for retries (same bytes, same token). */
  attempt: number;
  error?: string;
  sentAtMs: number;
}

export interface DroppedWebhook {
  id: string;
  event: string;
  body: string;
}

type Fault =
  | { kind: 'duplicate' }
  | { kind: 'drop' }
  | { kind: 'delay'; ms: number }
  | { kind: 'reorder' }
  | { kind: 'backdate'; seconds: number };

/** LiveKit retries on connection errors, 429 and 5xx except 501 (4 times, 1–30 s backoff); off by default. */
export interface WebhookRetry {
  attempts: number;
  backoffMs: number;
}

interface Prepared {
  id: string;
  event: string;
  body: string;
  authorization: string;
}

export interface WebhookFaults {
  /** The next webhook is delivered twice: same bytes, same token (a retry after a lost answer). */
  duplicateNext(): void;
  /** The next webhook is held `ms` before it is posted; the webhooks after it do not wait for it. */
  delayNext(ms: number): void;
  /** The next webhook is never delivered (queue overflow, older than 30 s, or a lost request). */
  dropNext(): void;
  /** The next webhook is delivered after the one that follows it. */
  reorderNext(): void;
  /** The next webhook's `createdAt` lies `seconds` in the past (it waited in a queue); its token is fresh. */
  backdateNext(seconds: number): void;
}

/**
 * Go's protojson varies whitespace on purpose so that nobody relies on its exact bytes; a space after
 * each top-level colon gives bytes that differ from `JSON.stringify(JSON.parse(body))`, so a receiver
 * that hashes a re-serialization instead of the raw body fails here as it would in production.
 */
function protojsonLike(json: Record<string, unknown>): string {
  return `{${Object.entries(json)
    .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(',')}}`;
}

export class LiveKitWebhookSender {
  readonly faults: WebhookFaults;
  private readonly pendingFaults: Fault[] = [];
  private readonly sent: SentWebhook[] = [];
  private readonly dropped: DroppedWebhook[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** Delayed deliveries: their timer and how to let go of them when the double closes. */
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private chain: Promise<void> = Promise.resolve();
  private held: Promise<Prepared> | undefined;
  private closed = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly apiKey: string,
    private readonly apiSecret: string,
    private readonly nowMs: () => number,
    private readonly target: () => string | undefined,
    private readonly retry: WebhookRetry = { attempts: 0, backoffMs: 1_000 },
  ) {
    this.faults = {
      duplicateNext: () => void this.pendingFaults.push({ kind: 'duplicate' }),
      delayNext: (ms) => void this.pendingFaults.push({ kind: 'delay', ms }),
      dropNext: () => void this.pendingFaults.push({ kind: 'drop' }),
      reorderNext: () => void this.pendingFaults.push({ kind: 'reorder' }),
      backdateNext: (seconds) => void this.pendingFaults.push({ kind: 'backdate', seconds }),
    };
  }

  /** Queues one event; faults registered before it apply to it, first registered first. */
  emit(event: WebhookEvent): void {
    if (this.closed) return;
    const fault = this.pendingFaults.shift();
    if (fault?.kind === 'backdate') event.createdAt -= BigInt(fault.seconds);
    const prepared = this.prepare(event);
    const previouslyHeld = this.held;
    this.held = undefined;
    switch (fault?.kind) {
      case undefined:
      case 'backdate':
        this.enqueue(prepared, 1);
        break;
      case 'duplicate':
        this.enqueue(prepared, 2);
        break;
      case 'drop':
        this.track(prepared.then((p) => void this.dropped.push({ id: p.id, event: p.event, body: p.body })));
        break;
      case 'delay':
        this.track(
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              this.timers.delete(timer);
              resolve(prepared.then((p) => this.post(p)));
            }, fault.ms);
            this.timers.set(timer, resolve);
          }),
        );
        break;
      case 'reorder':
        this.held = prepared;
        break;
      default:
        assertNever(fault);
    }
    if (previouslyHeld) this.enqueue(previouslyHeld, 1);
  }

  /** Resolves once every queued, delayed or held webhook has been posted (or dropped). */
  async settle(): Promise<void> {
    if (this.held) {
      this.enqueue(this.held, 1);
      this.held = undefined;
    }
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Posts an already-sent webhook again, byte for byte with its original token (a replay). */
  async resend(id: string): Promise<void> {
    const original = this.sent.find((w) => w.id === id);
    if (!original) throw new Error(`no webhook ${id} was sent`);
    const replay = this.post(original);
    this.track(replay);
    await replay;
  }

  sentWebhooks(): SentWebhook[] {
    return [...this.sent];
  }

  droppedWebhooks(): DroppedWebhook[] {
    return [...this.dropped];
  }

  /** Stops sending: pending timers are cleared, posts in flight are aborted and awaited. */
  async close(): Promise<void> {
    this.closed = true;
    for (const [timer, release] of this.timers) {
      clearTimeout(timer);
      release();
    }
    this.timers.clear();
    this.held = undefined;
    this.abort.abort();
    await Promise.all([...this.inFlight]);
  }

  private enqueue(prepared: Promise<Prepared>, times: number): void {
    const delivery = this.chain.then(async () => {
      const p = await prepared;
      for (let i = 0; i < times; i += 1) await this.post(p);
    });
    this.chain = delivery;
    this.track(delivery);
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch(() => undefined);
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  // The token is made once per event, as the Go notifier does: iat = nbf = now, exp = now + 5 min,
  // claim `sha256` = base64 (standard, padded) of SHA-256 of the exact body bytes; no sub, no grant.
  private async prepare(event: WebhookEvent): Promise<Prepared> {
    const body = protojsonLike(event.toJson() as Record<string, unknown>);
    const nowSeconds = Math.floor(this.nowMs() / 1000);
    const authorization = await new SignJWT({ sha256: createHash('sha256').update(body, 'utf8').digest('base64') })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(this.apiKey)
      .setIssuedAt(nowSeconds)
      .setNotBefore(nowSeconds)
      .setExpirationTime(nowSeconds + 5 * 60)
      .sign(new TextEncoder().encode(this.apiSecret));
    return { id: event.id, event: event.event, body, authorization };
  }

  private async post(p: Prepared): Promise<void> {
    for (let attempt = 1; attempt <= 1 + this.retry.attempts; attempt += 1) {
      const url = this.target();
      if (this.closed || !url) return;
      const { id, event, body, authorization } = p;
      const record: SentWebhook = { id, event, body, authorization, attempt, sentAtMs: Date.now() };
      this.sent.push(record);
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/webhook+json',
            Authorization: p.authorization,
            'User-Agent': 'LiveKit',
          },
          body: p.body,
          signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(5_000)]),
        });
        record.status = response.status;
        await response.arrayBuffer();
      } catch (error) {
        record.error = (error as Error).message;
      }
      const status = record.status;
      const retryable = status === undefined || status === 429 || (status >= 500 && status !== 501);
      if (!retryable || attempt > this.retry.attempts) return;
      await this.sleep(this.retry.backoffMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.abort.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
  }
}
