// The live hub: who is watching which engagement, and what each of them is sent. It never builds a
// snapshot per event: a committed event becomes one `change` per subscriber, redacted for that subscriber,
// so a message costs the same whatever the engagement's size. Replays come from memory (a window of
// recent transitions) or, further back, from a fold of the log.
import type { Clock } from '../clock.js';
import type { Membership, Viewer } from '../domain/context.js';
import type { StoredEvent } from '../domain/events.js';
import { evolve } from '../domain/evolve.js';
import { emptyState, type EngagementState } from '../domain/state.js';
import { membershipOf, redact, viewFor } from '../domain/view.js';
import type { StreamSink } from './EngagementService.js';
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
}

type Redacted = StoredEvent | null | 'resync';
/** Per committed event: the ids it names, and the redactions computed so far per audience. */
type Shared = { names: Set<string>; results: Map<string, Redacted> };

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
const sharedKey = (sub: Subscriber, names: Set<string>): string | null =>
  names.has(sub.viewer.userId) || (sub.participantId !== null && names.has(sub.participantId)) ? null : sub.audience;

export function createLiveHub(options: LiveHubOptions): LiveHub {
  const maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
  const historyWindow = options.historyWindow ?? 512;
  const maxReplay = options.maxReplay ?? 1000;
  const random = options.random ?? Math.random;
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

  /** Bounded memory: a reader that does not keep up is cut off; it resumes from its Last-Event-ID. */
  const checkBackpressure = (sub: Subscriber) => {
    if (!sub.closed && sub.sink.bufferedBytes() > maxBuffered) drop(sub, jitter(1000, 5000), 'slow-reader');
  };

  const setMembership = (sub: Subscriber, me: Membership) => {
    sub.audience = me.audience;
    sub.participantId = me.participantId;
  };

  const sendSnapshot = (sub: Subscriber, state: EngagementState, version: number) => {
    const view = viewFor(state, version, sub.viewer);
    setMembership(sub, view.me);
    sub.sentVersion = version;
    sub.sink.snapshot(view, options.clock.now().toISOString());
  };

  const deliver = (sub: Subscriber, transition: Transition, shared: Shared | null) => {
    const { event, before, after } = transition;
    if (sub.closed || event.version <= sub.sentVersion) return;
    if (event.version !== sub.sentVersion + 1) {
      // Cannot happen with a contiguous log; if it ever does, a snapshot is always correct.
      sendSnapshot(sub, after, event.version);
      return;
    }
    const key = shared ? sharedKey(sub, shared.names) : null;
    let message = key === null ? undefined : shared!.results.get(key);
    if (message === undefined) {
      message = redact(event, before, after, sub.viewer);
      if (key !== null) shared!.results.set(key, message);
    }
    if (message === 'resync') sendSnapshot(sub, after, event.version);
    else {
      sub.sentVersion = event.version;
      sub.sink.change(event.version, message);
    }
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

  /** The hot path of a burst: no closure per delivery. */
  const deliverSafely = (sub: Subscriber, transition: Transition, shared: Shared | null) => {
    try {
      deliver(sub, transition, shared);
      checkBackpressure(sub);
    } catch (error) {
      failed(sub, error);
    }
  };

  /** The transitions after `after` up to `head`, from memory when the window covers them, else from the log. */
  const transitionsAfter = (engagementId: string, after: number, head: number): Transition[] => {
    if (after >= head) return [];
    const window = history.get(engagementId) ?? [];
    if (window.length > 0 && window[0].event.version <= after + 1 && window[window.length - 1].event.version === head) {
      return window.filter((t) => t.event.version > after);
    }
    let state = emptyState();
    const out: Transition[] = [];
    for (const event of options.store.load(engagementId)) {
      if (event.version > head) break;
      const next = evolve(state, event);
      if (event.version > after) out.push({ event, before: state, after: next });
      state = next;
    }
    return out;
  };

  const replayOrSnapshot = (sub: Subscriber, lastEventId: string | null) => {
    const now = options.current(sub.engagementId);
    if (!now) {
      drop(sub, jitter(500, 5000), 'not-found');
      return;
    }
    const n = lastEventId !== null && /^\d{1,15}$/.test(lastEventId.trim()) ? Number(lastEventId.trim()) : NaN;
    // A cursor from the future (another epoch, a rebuilt log), garbage, or too far behind: a snapshot, not an error.
    if (!Number.isSafeInteger(n) || n > now.version || now.version - n > maxReplay) {
      sendSnapshot(sub, now.state, now.version);
      return;
    }
    let replay: Transition[];
    try {
      replay = transitionsAfter(sub.engagementId, n, now.version);
    } catch (error) {
      log('the log could not be read for a resume; sending a snapshot instead', error);
      sendSnapshot(sub, now.state, now.version);
      return;
    }
    sub.sentVersion = n;
    for (const transition of replay) {
      deliver(sub, transition, null);
      if (sub.closed) return;
    }
  };

  return {
    subscribe(engagementId, viewer, lastEventId, sink) {
      const sub: Subscriber = { engagementId, viewer, sink, sentVersion: -1, audience: '', participantId: null, pending: [], closed: false };
      let set = subscribers.get(engagementId);
      if (!set) subscribers.set(engagementId, (set = new Set()));
      set.add(sub);
      safely(sub, () => {
        replayOrSnapshot(sub, lastEventId);
        if (sub.audience === '') {
          const now = options.current(engagementId);
          if (now) setMembership(sub, membershipOf(now.state, viewer));
        }
      });
      const queued = sub.pending ?? [];
      sub.pending = null;
      for (const transition of queued) deliverSafely(sub, transition, null);
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
      const set = subscribers.get(engagementId);
      if (!set || set.size === 0) return;
      for (const transition of transitions) {
        const shared = { names: namesIn(transition.event), results: new Map<string, Redacted>() };
        // Deleting from a Set while iterating it is safe: a dropped subscriber is simply not visited.
        for (const sub of set) {
          if (sub.pending) sub.pending.push(transition);
          else deliverSafely(sub, transition, shared);
        }
      }
    },

    subscriberCount(engagementId) {
      if (engagementId !== undefined) return subscribers.get(engagementId)?.size ?? 0;
      let total = 0;
      for (const set of subscribers.values()) total += set.size;
      return total;
    },

    close() {
      for (const set of subscribers.values()) for (const sub of [...set]) drop(sub, jitter(500, 5000), 'shutdown');
      subscribers.clear();
      history.clear();
    },
  };
}
