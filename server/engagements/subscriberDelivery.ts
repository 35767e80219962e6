// How the live hub writes to one subscriber (liveHub.ts): a snapshot, or committed transitions redacted for
// that subscriber (shared with their audience where the event does not name them), with the backpressure rule
// that cuts off a reader who does not keep up.
import type { Clock } from '../clock.js';
import type { DomainLimits, Membership, Viewer } from '../domain/context.js';
import type { StoredEvent } from '../domain/events.js';
import type { EngagementState } from '../domain/state.js';
import { membershipOf, redact, viewFor } from '../domain/view.js';
import type { StreamChange, StreamSink } from './EngagementService.js';
import type { Transition } from './liveHub.js';

export interface Subscriber {
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

export type Redacted = StoredEvent | null | 'resync';

/** The viewer was declined, or their role changed (LIMIT-5): not their approval, which only widens the view. */
export function lostStanding(before: EngagementState, after: EngagementState, viewer: Viewer): boolean {
  const was = membershipOf(before, viewer);
  const now = membershipOf(after, viewer);
  if (was.participantId === null) return false;
  return (now.status === 'declined' && was.status !== 'declined') || (was.status === 'approved' && now.role !== was.role);
}
/** Per committed event: the ids it names, and the redactions computed so far per audience. */
export type Shared = { names: Set<string>; results: Map<string, Redacted> };
/** The events one pass carries, with what is shared across its subscribers. */
export interface Batch {
  transitions: Transition[];
  shared: Shared[];
  /** Every id any event of the batch names: a subscriber named by none may get its audience's array. */
  names: Set<string>;
  /** Per audience, the one array of changes every unnamed subscriber of that audience gets (null: some event resyncs). */
  byAudience: Map<string, readonly StreamChange[] | null>;
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

export interface SubscriberDelivery {
  drop(sub: Subscriber, retryMs: number, reason: string): void;
  checkBackpressure(sub: Subscriber): void;
  setMembership(sub: Subscriber, me: Membership): void;
  sendSnapshot(sub: Subscriber, state: EngagementState, version: number): void;
  deliverEach(sub: Subscriber, transitions: readonly Transition[], shared: readonly (Shared | null)[]): void;
  deliverBatch(sub: Subscriber, batch: Batch): void;
  failed(sub: Subscriber, error: unknown): void;
  safely(sub: Subscriber, run: () => void): void;
  makeBatch(transitions: Transition[]): Batch;
}

export function createSubscriberDelivery(deps: {
  subscribers: Map<string, Set<Subscriber>>;
  clock: Clock;
  maxBuffered: number;
  jitter: (low: number, high: number) => number;
  log: (message: string, error?: unknown) => void;
  /** The server's limits, for what a snapshot says I may still add (LIMIT-3). */
  domainLimits?: DomainLimits;
}): SubscriberDelivery {
  const { subscribers, maxBuffered, jitter, log } = deps;
  const options = { clock: deps.clock };
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
    const view = viewFor(state, version, sub.viewer, deps.domainLimits);
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
      if (message === 'resync' && lostStanding(before, after, sub.viewer)) {
        // A declined participant, or one whose role changed, loses the stream at once: they reconnect and
        // are served as who they are now (the commands they had queued were refused by then, LIMIT-2).
        send();
        drop(sub, jitter(500, 2000), 'standing-changed');
      } else if (message === 'resync') {
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

  return { drop, checkBackpressure, setMembership, sendSnapshot, deliverEach, deliverBatch, failed, safely, makeBatch };
}
