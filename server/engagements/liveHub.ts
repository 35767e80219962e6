// The live hub: who is watching which engagement, and what each of them is sent. It never builds a
// snapshot per event: committed events become `changes` per subscriber, redacted for that subscriber, so a
// message costs the same whatever the engagement's size. Replays come from memory (a window of recent
// transitions) or, further back, from a fold of the log.
//
// Delivery runs in paced passes (pacedPasses.ts): under a burst, events pile into fewer passes, one socket write
// per subscriber per pass, and a pass yields to I/O so that commands are not held behind a thousand writes.
import type { Clock } from '../clock.js';
import type { Membership, Viewer } from '../domain/context.js';
import type { StoredEvent } from '../domain/events.js';
import { evolve } from '../domain/evolve.js';
import { foldEvents } from '../domain/foldEvents.js';
import { emptyState, type EngagementState } from '../domain/state.js';
import { membershipOf, redact, viewFor } from '../domain/view.js';
import type { StreamChange, StreamSink } from './EngagementService.js';
import { createPacedPasses } from './pacedPasses.js';
import type { EventStore } from '../store/EventStore.js';

/** One committed event with the state on either side of it (what `redact` needs). */
export interface Transition {
  event: StoredEvent;
  before: EngagementState;
  after: EngagementState;
}

export interface LiveHubOptions {
  store: EventStore;
  clock: Clock;
  /** The engagement's state and version now (the service's memory). */
  current: (engagementId: string) => { state: EngagementState; version: number } | undefined;
  /** A stream whose unsent bytes pass this is ended ('slow-reader'); the client resumes with Last-Event-ID. */
  maxBufferedBytes?: number;
  /** Transitions kept in memory per engagement for cheap resumes. */
  historyWindow?: number;
  /** A resume further behind than this gets a snapshot instead of a replay. */
  maxReplay?: number;
  random?: () => number;
  log?: (message: string, error?: unknown) => void;
  /** A monotonic clock in ms for pacing passes (tests make the cost of a write visible with it). */
  monotonicNow?: () => number;
  /** A pass yields to I/O after this much work (ms). */
  sliceMs?: number;
}

interface Subscriber {
  engagementId: string;
  viewer: Viewer;
  sink: StreamSink;
  /** The version the client holds: nothing at or below it is sent again. */
  sentVersion: number;
  /** Who the viewer is, as of the last snapshot (changes only with an event naming them, which resyncs). */
  audience: Membership['audience'] | '';
  participantId: string | null;
  /** While a replay runs, live transitions wait here (subscribe-before-replay: no gap, no duplicate). */
  pending: Transition[] | null;
  closed: boolean;
  /** The size of the latest snapshot sent, allowed on top of the slow-reader limit. */
  snapshotBytes: number;
}

type Redacted = StoredEvent | null | 'resync';
/** Per committed event: the ids it names, and the redactions computed so far per audience. */
type Shared = { names: Set<string>; results: Map<string, Redacted> };
/** The events one pass carries, with what is shared across its subscribers. */
interface Batch {
  transitions: Transition[];
  shared: Shared[];
  /** Every id any event of the batch names: a subscriber named by none may get its audience's array. */
  names: Set<string>;
  /** Per audience, the one array of changes every unnamed subscriber of that audience gets (null: some event resyncs). */
  byAudience: Map<string, readonly StreamChange[] | null>;
}

export interface LiveHub {
  subscribe(engagementId: string, viewer: Viewer, lastEventId: string | null, sink: StreamSink): () => void;
  /** Called after the commit, in version order (at start-up too, to seed the resume window). */
  publish(engagementId: string, transitions: Transition[]): void;
  subscriberCount(engagementId?: string): number;
  /** Ends every stream with a jittered retry (500–5000 ms) so that reconnects after a restart spread out. */
  close(): void;
}

// Sharing redactions. VIEW rules make an event's redaction depend on the viewer's audience and on whether
// the event names the viewer (their participant id or sign-in id: their own request's note, their own
// objection, their own approval or registration, which may change their audience and give 'resync').
// So viewers of one audience whom the event does not name get the same result, computed once: a burst of
// floor requests costs a handful of `redact` calls per event, not one per subscriber.
/** Every string anywhere in the event: the ids it names. */
function namesIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) namesIn(item, into);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) namesIn(item, into);
  return into;
}
const isNamed = (sub: Subscriber, names: Set<string>): boolean =>
  names.has(sub.viewer.userId) || (sub.participantId !== null && names.has(sub.participantId));
const sharedKey = (sub: Subscriber, names: Set<string>): string | null => (isNamed(sub, names) ? null : sub.audience);

export function createLiveHub(options: LiveHubOptions): LiveHub {
  const maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
  const historyWindow = options.historyWindow ?? 512;
  const maxReplay = options.maxReplay ?? 1000;
  const random = options.random ?? Math.random;
  const monotonicNow = options.monotonicNow ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? 4;
  const log = options.log ?? ((message, error) => console.error(`[liveHub] ${message}`, error ?? ''));
  const subscribers = new Map<string, Set<Subscriber>>();
  const history = new Map<string, Transition[]>();
  const jitter = (low: number, high: number) => Math.round(low + random() * (high - low));

  const drop = (sub: Subscriber, retryMs: number, reason: string) => {
    if (sub.closed) return;
    sub.closed = true;
    subscribers.get(sub.engagementId)?.delete(sub);
    try {
      sub.sink.end(retryMs, reason);
    } catch (error) {
      log('ending a stream failed', error);
    }
  };

  /**
   * Bounded memory: a reader that does not keep up is cut off; it resumes from its Last-Event-ID. The latest
   * snapshot does not count: an engagement of thousands has a snapshot of megabytes, and cutting a client off
   * for its own snapshot would have it reconnect for ever.
   */
  const checkBackpressure = (sub: Subscriber) => {
    if (!sub.closed && sub.sink.bufferedBytes() > maxBuffered + sub.snapshotBytes) drop(sub, jitter(1000, 5000), 'slow-reader');
  };

  const setMembership = (sub: Subscriber, me: Membership) => {
    sub.audience = me.audience;
    sub.participantId = me.participantId;
  };

  const sendSnapshot = (sub: Subscriber, state: EngagementState, version: number) => {
    const view = viewFor(state, version, sub.viewer);
    setMembership(sub, view.me);
    sub.sentVersion = version;
    sub.snapshotBytes = sub.sink.snapshot(view, options.clock.now().toISOString());
  };

  /**
   * Transitions to one subscriber, one by one: each redacted for them (shared with their audience when the
   * event does not name them), a snapshot where their view changed shape. Changes go out in one `changes`.
   */
  const deliverEach = (sub: Subscriber, transitions: readonly Transition[], shared: readonly (Shared | null)[]) => {
    let items: StreamChange[] = [];
    const send = () => {
      if (items.length > 0) sub.sink.changes(items);
      items = [];
    };
    for (let i = 0; i < transitions.length && !sub.closed; i += 1) {
      const { event, before, after } = transitions[i];
      if (event.version <= sub.sentVersion) continue;
      if (event.version !== sub.sentVersion + 1) {
        // Cannot happen with a contiguous log; if it ever does, a snapshot is always correct.
        send();
        sendSnapshot(sub, after, event.version);
        continue;
      }
      const share = shared[i];
      const key = share ? sharedKey(sub, share.names) : null;
      let message = key === null ? undefined : share!.results.get(key);
      if (message === undefined) {
        message = redact(event, before, after, sub.viewer);
        if (key !== null) share!.results.set(key, message);
      }
      if (message === 'resync') {
        send();
        sendSnapshot(sub, after, event.version);
      } else {
        sub.sentVersion = event.version;
        items.push({ version: event.version, event: message });
      }
    }
    if (!sub.closed) send();
  };

  /** The array every unnamed subscriber of this audience gets for the batch; null when an event makes them resync. */
  const audienceChanges = (batch: Batch, sub: Subscriber): readonly StreamChange[] | null => {
    const cached = batch.byAudience.get(sub.audience);
    if (cached !== undefined) return cached;
    const items: StreamChange[] = [];
    let result: readonly StreamChange[] | null = items;
    for (let i = 0; i < batch.transitions.length; i += 1) {
      const { event, before, after } = batch.transitions[i];
      const results = batch.shared[i].results;
      let message = results.get(sub.audience);
      if (message === undefined) {
        message = redact(event, before, after, sub.viewer);
        results.set(sub.audience, message);
      }
      if (message === 'resync') {
        result = null;
        break;
      }
      items.push({ version: event.version, event: message });
    }
    batch.byAudience.set(sub.audience, result);
    return result;
  };

  /** One pass's events to one subscriber: its audience's shared array when it can, else one by one. */
  const deliverBatch = (sub: Subscriber, batch: Batch) => {
    const first = batch.transitions[0].event.version;
    const last = batch.transitions[batch.transitions.length - 1].event.version;
    if (sub.closed || sub.sentVersion >= last) return;
    if (sub.sentVersion === first - 1 && !isNamed(sub, batch.names)) {
      const items = audienceChanges(batch, sub);
      if (items !== null) {
        sub.sentVersion = last;
        sub.sink.changes(items);
        return;
      }
    }
    deliverEach(sub, batch.transitions, batch.shared);
  };

  const failed = (sub: Subscriber, error: unknown) => {
    log('a stream could not be written; ending it so that the client resyncs', error);
    drop(sub, jitter(500, 5000), 'error');
  };

  const safely = (sub: Subscriber, run: () => void) => {
    try {
      run();
      checkBackpressure(sub);
    } catch (error) {
      failed(sub, error);
    }
  };

  const makeBatch = (transitions: Transition[]): Batch => {
    const shared = transitions.map((t) => ({ names: namesIn(t.event), results: new Map<string, Redacted>() }));
    const names = new Set<string>();
    for (const share of shared) for (const name of share.names) names.add(name);
    return { transitions, shared, names, byAudience: new Map() };
  };

  // A snapshot of who is subscribed when a pass starts; a newer subscriber started from a snapshot that
  // includes the pass's events, so its version check skips them.
  const passes = createPacedPasses<Transition, Subscriber, Batch>({
    monotonicNow,
    sliceMs,
    recipients: (engagementId) => [...(subscribers.get(engagementId) ?? [])],
    prepare: makeBatch,
    deliver(sub, batch) {
      if (sub.pending) {
        sub.pending.push(...batch.transitions);
        return;
      }
      try {
        deliverBatch(sub, batch);
        checkBackpressure(sub);
      } catch (error) {
        failed(sub, error);
      }
    },
  });

  /** The transitions after `after` up to `head` from memory, or null when the window does not cover them. */
  const fromMemory = (engagementId: string, after: number, head: number): Transition[] | null => {
    if (after >= head) return [];
    const window = history.get(engagementId) ?? [];
    if (window.length > 0 && window[0].event.version <= after + 1 && window[window.length - 1].event.version === head) {
      return window.filter((t) => t.event.version > after);
    }
    return null;
  };

  /** The transitions after `after` up to `head`, folded from the log (a resume older than the window). */
  const fromLog = async (engagementId: string, after: number, head: number): Promise<Transition[]> => {
    const events = (await options.store.load(engagementId)).filter((event) => event.version <= head);
    // Linear up to the cursor (foldEvents.ts); after it each event's both sides are needed for `redact`.
    const cursor = events.findIndex((event) => event.version > after);
    const from = cursor < 0 ? events.length : cursor;
    let state = foldEvents(emptyState(), events.slice(0, from));
    const out: Transition[] = [];
    for (const event of events.slice(from)) {
      const next = evolve(state, event);
      out.push({ event, before: state, after: next });
      state = next;
    }
    return out;
  };

  /**
   * A snapshot, or a replay from memory, at once; a replay older than the window once the log is read (the
   * returned promise; live transitions wait in `pending` meanwhile, so nothing is missed or sent twice).
   */
  const replayOrSnapshot = (sub: Subscriber, lastEventId: string | null): Promise<void> | undefined => {
    const now = options.current(sub.engagementId);
    if (!now) {
      drop(sub, jitter(500, 5000), 'not-found');
      return undefined;
    }
    const n = lastEventId !== null && /^\d{1,15}$/.test(lastEventId.trim()) ? Number(lastEventId.trim()) : NaN;
    // A cursor from the future (another epoch, a rebuilt log), garbage, or too far behind: a snapshot, not an error.
    if (!Number.isSafeInteger(n) || n > now.version || now.version - n > maxReplay) {
      sendSnapshot(sub, now.state, now.version);
      return undefined;
    }
    const recent = fromMemory(sub.engagementId, n, now.version);
    if (recent) {
      sub.sentVersion = n;
      deliverEach(sub, recent, []);
      return undefined;
    }
    return fromLog(sub.engagementId, n, now.version).then(
      (replay) => {
        if (sub.closed) return;
        sub.sentVersion = n;
        deliverEach(sub, replay, []);
      },
      (error) => {
        log('the log could not be read for a resume; sending a snapshot instead', error);
        if (!sub.closed) sendSnapshot(sub, now.state, now.version);
      },
    );
  };

  return {
    subscribe(engagementId, viewer, lastEventId, sink) {
      const sub: Subscriber = { engagementId, viewer, sink, sentVersion: -1, audience: '', participantId: null, pending: [], closed: false, snapshotBytes: 0 };
      let set = subscribers.get(engagementId);
      if (!set) subscribers.set(engagementId, (set = new Set()));
      set.add(sub);
      /** After the snapshot or the replay: who the viewer is, then what was published meanwhile. */
      const caughtUp = () => {
        if (sub.closed) return;
        if (sub.audience === '') {
          const now = options.current(engagementId);
          if (now) setMembership(sub, membershipOf(now.state, viewer));
        }
        const queued = sub.pending ?? [];
        sub.pending = null;
        if (queued.length > 0) deliverEach(sub, queued, []);
      };
      let reading: Promise<void> | undefined;
      try {
        reading = replayOrSnapshot(sub, lastEventId);
      } catch (error) {
        failed(sub, error);
      }
      if (reading) void reading.catch((error) => failed(sub, error)).then(() => safely(sub, caughtUp));
      else safely(sub, caughtUp);
      return () => {
        sub.closed = true;
        subscribers.get(engagementId)?.delete(sub);
      };
    },

    publish(engagementId, transitions) {
      if (transitions.length === 0) return;
      let window = history.get(engagementId);
      if (!window) history.set(engagementId, (window = []));
      window.push(...transitions);
      // Trimmed in batches so that a publish stays O(1) amortized.
      if (window.length > historyWindow * 2) window.splice(0, window.length - historyWindow);
      // Nobody to tell: whoever subscribes later starts from a snapshot or the history window.
      if ((subscribers.get(engagementId)?.size ?? 0) === 0) return;
      passes.add(engagementId, transitions);
    },

    subscriberCount(engagementId) {
      if (engagementId !== undefined) return subscribers.get(engagementId)?.size ?? 0;
      let total = 0;
      for (const set of subscribers.values()) total += set.size;
      return total;
    },

    close() {
      for (const set of subscribers.values()) for (const sub of [...set]) drop(sub, jitter(500, 5000), 'shutdown');
      passes.close();
      subscribers.clear();
      history.clear();
    },
  };
}
