import type { EngagementState, Standing } from '../../../server/domain/index.js';
import { streamUrl } from './earlyStream.js';
import { foldMessage, initialLiveData, type LiveData } from './foldMessage.js';
import { SseConnection, type ConnectionStatus, type SseOptions } from './SseConnection.js';

// One engagement's live copy: the SSE connection plus the folded state, as an external store for React
// (useSyncExternalStore) or for tests. Consumers read `snapshot()`; it changes identity on every change.

export interface LiveSnapshot {
  state: EngagementState | null;
  version: number;
  me: Standing | null;
  offsetMs: number;
  connection: ConnectionStatus;
  /** Why the connection is not live, in words for people. */
  connectionDetail: string | null;
}

export class LiveEngagement {
  private data: LiveData = initialLiveData();
  private current: LiveSnapshot = { ...this.data, connection: 'connecting', connectionDetail: null };
  private readonly listeners = new Set<() => void>();
  private readonly connection: SseConnection;

  constructor(
    readonly engagementId: string,
    options: Pick<SseOptions, 'getToken' | 'fetchImpl' | 'baseDelayMs' | 'maxDelayMs' | 'idleTimeoutMs' | 'random'> & { baseUrl?: string },
  ) {
    this.connection = new SseConnection({
      ...options,
      url: streamUrl(engagementId, options.baseUrl),
      onMessage: (message) => {
        const { data, verdict } = foldMessage(this.data, message, Date.now());
        if (data !== this.data) {
          this.data = data;
          this.publish();
        }
        return verdict;
      },
      onStatus: (connection, detail) => {
        this.current = { ...this.current, connection, connectionDetail: connection === 'live' ? null : (detail ?? null) };
        this.emit();
      },
    });
  }

  start(): this {
    this.connection.start();
    return this;
  }

  stop(): void {
    this.connection.stop();
  }

  /** Force a fresh snapshot (for example after a command reports a version we do not have yet). */
  resync(): void {
    this.connection.resync();
  }

  get lastEventId(): string | null {
    return this.connection.lastEventId;
  }

  snapshot = (): LiveSnapshot => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The server's clock now, as far as this client can tell. */
  serverNow = (): number => Date.now() + this.data.offsetMs;

  private publish() {
    this.current = { ...this.current, ...this.data };
    this.emit();
  }

  private emit() {
    for (const listener of this.listeners) listener();
  }
}
