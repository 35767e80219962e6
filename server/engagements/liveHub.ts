// The live hub: who is watching which engagement, and what each of them is sent. It never builds a
// snapshot per event: committed events become `changes` per subscriber, redacted for that subscriber, so a
// message costs the same whatever the engagement's size. Replays come from memory (a window of recent
// transitions) or, further back, from a fold of the log.
//
// Delivery runs in paced passes (pacedPasses.ts): under a burst, events pile into fewer passes, one socket write
// per subscriber per pass, and a pass yields to I/O so that commands are not held behind a thousand writes.
import type { Clock } from '../clock.js';
import type { DomainLimits, Viewer } from '../domain/context.js';
import type { StoredEvent } from '../domain/events.js';
import { membershipOf } from '../domain/view.js';
import type { EngagementState } from '../domain/state.js';
import type { StreamSink } from './EngagementService.js';
import { createPacedPasses } from './pacedPasses.js';
import { createResumeFromCursor } from './resumeFromCursor.js';
import { createSubscriberDelivery, type Batch, type Subscriber } from './subscriberDelivery.js';
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
  /** Given each replay that reads the log, so that whenIdle and a graceful shutdown wait for it. */
  track?: (work: Promise<unknown>) => void;
  /** The server's limits, for what a snapshot says a viewer may still add (LIMIT-3). */
  domainLimits?: DomainLimits;
  /** LIMIT-5: how many streams this viewer may hold open on this engagement (default: no limit). */
  maxStreamsFor?: (engagementId: string, viewer: Viewer) => number;
}

/**
 * LIMIT-5: the retry hint of a stream ended because its owner opened one too many: long, so that a person with
 * more tabs than the limit churns one reconnect a minute, not a storm.
 */
export const TOO_MANY_STREAMS_RETRY_MS = 60_000;

export interface LiveHub {
  subscribe(engagementId: string, viewer: Viewer, lastEventId: string | null, sink: StreamSink): () => void;
  /** Called after the commit, in version order (at start-up too, to seed the resume window). */
  publish(engagementId: string, transitions: Transition[]): void;
  subscriberCount(engagementId?: string): number;
  /**
   * Ends every stream with a jittered retry (500–5000 ms), keeping the hub open: the clients show that they are
   * reconnecting and resume with their Last-Event-ID (several instances: this one has lost its LISTEN connection).
   */
  endAll(reason: string): void;
  /** Ends every stream with a jittered retry (500–5000 ms) so that reconnects after a restart spread out. */
  close(): void;
}

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
  const delivery = createSubscriberDelivery({
    subscribers,
    clock: options.clock,
    maxBuffered,
    jitter,
    log,
    domainLimits: options.domainLimits,
  });
  const { drop, checkBackpressure, setMembership, deliverEach, deliverBatch, failed, safely, makeBatch } = delivery;
  const replayOrSnapshot = createResumeFromCursor({
    store: options.store,
    current: options.current,
    history,
    maxReplay,
    delivery,
    jitter,
    log,
  });

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

  return {
    subscribe(engagementId, viewer, lastEventId, sink) {
      const sub: Subscriber = {
        engagementId,
        viewer,
        sink,
        sentVersion: -1,
        audience: '',
        participantId: null,
        pending: [],
        closed: false,
        snapshotBytes: 0,
      };
      let set = subscribers.get(engagementId);
      if (!set) subscribers.set(engagementId, (set = new Set()));
      // LIMIT-5: one stream more than allowed ends the oldest (a Set keeps the order they opened in).
      const limit = options.maxStreamsFor?.(engagementId, viewer) ?? Number.POSITIVE_INFINITY;
      const mine = [...set].filter((s) => s.viewer.userId === viewer.userId);
      for (const oldest of mine.slice(0, Math.max(0, mine.length - limit + 1))) drop(oldest, TOO_MANY_STREAMS_RETRY_MS, 'too-many-streams');
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
      if (reading) {
        const caughtUpAfterReading = reading.catch((error) => failed(sub, error)).then(() => safely(sub, caughtUp));
        options.track?.(caughtUpAfterReading);
      } else safely(sub, caughtUp);
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

    endAll(reason) {
      for (const set of subscribers.values()) for (const sub of [...set]) drop(sub, jitter(500, 5000), reason);
    },

    close() {
      for (const set of subscribers.values()) for (const sub of [...set]) drop(sub, jitter(500, 5000), 'shutdown');
      passes.close();
      subscribers.clear();
      history.clear();
    },
  };
}
