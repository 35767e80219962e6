import { evolve } from '../domain/evolve.js';
import { foldEvents } from '../domain/foldEvents.js';
import { emptyState, type EngagementState } from '../domain/state.js';
import type { EventStore } from '../store/EventStore.js';
import type { Transition } from './liveHub.js';
import type { Subscriber, SubscriberDelivery } from './subscriberDelivery.js';

export function createResumeFromCursor(deps: {
  store: EventStore;
  current: (engagementId: string) => { state: EngagementState; version: number } | undefined;
  history: Map<string, Transition[]>;
  maxReplay: number;
  delivery: SubscriberDelivery;
  jitter: (low: number, high: number) => number;
  log: (message: string, error?: unknown) => void;
}): (sub: Subscriber, lastEventId: string | null) => Promise<void> | undefined {
  const { history, maxReplay, jitter, log } = deps;
  const { drop, sendSnapshot, deliverEach } = deps.delivery;
  const options = { store: deps.store, current: deps.current };
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

  return replayOrSnapshot;
}
