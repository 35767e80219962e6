// The commits of other instances, for the engagements this instance has live subscribers for. One dedicated
// LISTEN connection per instance (never from the pool: a pooled connection cannot hold a LISTEN) hears the
// `<engagementId>:<version>` wake-ups that every append sends at commit (postgresEventStore.ts). The table is
// the truth, the notification only a hint: for a watched engagement the feed reads the events after the last
// version it delivered and hands them on in order, each once. When the LISTEN connection is lost (database
// restarted, backend terminated) notifications are lost with it, so after LISTENing again the feed re-reads
// every watched engagement from its last version: no gap, no duplicate.
import pg from 'pg';
import type { StoredEvent } from '../domain/events.js';
import type { EventStore } from './EventStore.js';
import { EVENTS_CHANNEL } from './postgresEventStore.js';

export type CommitFeedStatus = 'listening' | 'reconnecting' | 'closed';

export interface CommitFeedOptions {
  url: string;
  store: Pick<EventStore, 'load'>;
  /** The events after the last delivered version, contiguous, in order; never the same version twice. */
  deliver: (engagementId: string, events: StoredEvent[]) => void;
  /** A commit of an engagement nobody watches here (created on another instance): the caller may load and watch it. */
  onUnwatched?: (engagementId: string, version: number) => void;
  /** 'reconnecting' while the LISTEN connection is down (streams may say so), 'listening' once it is back. */
  onStatus?: (status: CommitFeedStatus) => void;
  log?: (message: string, error?: unknown) => void;
  /** First wait before reconnecting or re-reading after a failure (default 200 ms), doubled up to 5 s. */
  retryDelayMs?: number;
  applicationName?: string;
}

export interface CommitFeed {
  /** Resolves once the first LISTEN is in place (rejects if the database cannot be reached then). */
  readonly ready: Promise<void>;
  /** Deliver this engagement's commits after `afterVersion` (what the local subscribers already have). */
  watch(engagementId: string, afterVersion: number): void;
  unwatch(engagementId: string): void;
  /** The last version delivered (or given to watch) for a watched engagement. */
  lastVersion(engagementId: string): number | undefined;
  close(): Promise<void>;
}

interface Watched {
  last: number;
  reading: boolean;
  /** A wake-up came while reading: read again when done. */
  again: boolean;
}

const MAX_DELAY_MS = 5000;

export function createPostgresCommitFeed(options: CommitFeedOptions): CommitFeed {
  const log = options.log ?? ((message, error) => console.error(`[commit feed] ${message}`, error ?? ''));
  const baseDelay = options.retryDelayMs ?? 200;
  const watched = new Map<string, Watched>();
  let client: pg.Client | null = null;
  let closed = false;
  let status: CommitFeedStatus | null = null;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let failures = 0;

  const setStatus = (next: CommitFeedStatus) => {
    if (status === next) return;
    status = next;
    options.onStatus?.(next);
  };
  const delay = (attempt: number) => Math.min(MAX_DELAY_MS, baseDelay * 2 ** Math.min(attempt, 10));

  /** Reads and delivers one engagement's new events; one read at a time per engagement. */
  const read = async (engagementId: string, attempt = 0): Promise<void> => {
    const entry = watched.get(engagementId);
    if (!entry || closed) return;
    if (entry.reading) {
      entry.again = true;
      return;
    }
    entry.reading = true;
    entry.again = false;
    try {
      const events = await options.store.load(engagementId, entry.last);
      // Only the contiguous run after `last` (which watch may have raised meanwhile): the log's versions have
      // no holes, so a hole means a read raced a commit; the rest comes with the next read.
      const run: StoredEvent[] = [];
      for (const event of events) {
        if (event.version <= entry.last + run.length) continue;
        if (event.version !== entry.last + run.length + 1) break;
        run.push(event);
      }
      if (run.length > 0 && watched.get(engagementId) === entry) {
        entry.last = run.at(-1)!.version;
        options.deliver(engagementId, run);
      }
      entry.reading = false;
      if (entry.again) void read(engagementId);
    } catch (error) {
      entry.reading = false;
      log(`could not read the new events of ${engagementId}; trying again`, error);
      setTimeout(() => void read(engagementId, attempt + 1), delay(attempt)).unref();
    }
  };

  const onNotification = (message: pg.Notification) => {
    const payload = message.payload ?? '';
    const colon = payload.lastIndexOf(':');
    const engagementId = payload.slice(0, colon);
    const version = Number(payload.slice(colon + 1));
    const entry = watched.get(engagementId);
    if (!entry) options.onUnwatched?.(engagementId, version);
    else if (version > entry.last) void read(engagementId);
  };

  const scheduleReconnect = () => {
    if (closed || reconnectTimer) return;
    setStatus('reconnecting');
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      void connect().catch(() => scheduleReconnect());
    }, delay(failures++));
    reconnectTimer.unref();
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: options.url,
      application_name: options.applicationName ?? 'convene-listen',
      keepAlive: true,
    });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (client === next) client = null;
      next.removeAllListeners('notification');
      void next.end().catch(() => undefined);
      if (!closed) {
        log('the LISTEN connection was lost; reconnecting and catching up', error);
        scheduleReconnect();
      }
    };
    next.on('error', onLost);
    next.on('end', () => onLost());
    next.on('notification', onNotification);
    try {
      await next.connect();
      await next.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      lost = true;
      await next.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    failures = 0;
    setStatus('listening');
    // LISTEN first, then read: a commit after this read is heard, one before it is read.
    for (const engagementId of watched.keys()) void read(engagementId);
  };

  const ready = connect().catch((error) => {
    scheduleReconnect();
    throw error;
  });
  ready.catch(() => undefined);

  return {
    ready,
    watch(engagementId, afterVersion) {
      const entry = watched.get(engagementId);
      if (entry) {
        entry.last = Math.max(entry.last, afterVersion);
        return;
      }
      watched.set(engagementId, { last: afterVersion, reading: false, again: false });
      // A commit between the subscriber's read and this call would otherwise wait for the next wake-up.
      if (client) void read(engagementId);
    },
    unwatch(engagementId) {
      watched.delete(engagementId);
    },
    lastVersion(engagementId) {
      return watched.get(engagementId)?.last;
    },
    async close() {
      if (closed) return;
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      watched.clear();
      const current = client;
      client = null;
      setStatus('closed');
      await current?.end().catch(() => undefined);
    },
  };
}
