// The live stream of a process: who watches which process, and what each is sent. The engagement's hub
// (server/engagements/liveHub.ts) is tuned for a room of thousands under a burst of floor requests (paced
// passes, redactions shared per audience); a process is written at the pace of a secretariat and read by a
// few hundred, so this one redacts per subscriber (processAggregate.redact: PROCESS-VIEW-6), keeps a window of
// recent transitions for Last-Event-ID resumes and cuts off slow readers by the same rule. Same contract on
// the wire: a snapshot, then one change per committed event (null when this viewer may not see it).
import type { Clock } from '../clock.js';
import type { Viewer } from '../domain/context.js';
import { processAggregate } from '../domain/process/aggregate.js';
import type { ProcessEvent } from '../domain/process/events.js';
import type { ProcessState } from '../domain/process/state.js';
import type { CommitTransition } from '../engagements/groupCommit.js';
import type { ProcessStreamChange, ProcessStreamSink } from './ProcessService.js';

export type ProcessTransition = CommitTransition<ProcessState, ProcessEvent>;

interface Subscriber {
  processId: string;
  viewer: Viewer;
  sink: ProcessStreamSink;
  sentVersion: number;
  closed: boolean;
  snapshotBytes: number;
}

export interface ProcessHub {
  subscribe(processId: string, viewer: Viewer, lastEventId: string | null, sink: ProcessStreamSink): () => void;
  publish(processId: string, transitions: readonly ProcessTransition[]): void;
  close(): void;
}

export function createProcessHub(options: {
  clock: Clock;
  current: (processId: string) => { state: ProcessState; version: number } | undefined;
  maxBufferedBytes?: number;
  historyWindow?: number;
  random?: () => number;
  log: (message: string, error?: unknown) => void;
}): ProcessHub {
  const maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
  const historyWindow = options.historyWindow ?? 256;
  const random = options.random ?? Math.random;
  const jitter = (low: number, high: number) => Math.round(low + random() * (high - low));
  const subscribers = new Map<string, Set<Subscriber>>();
  const history = new Map<string, ProcessTransition[]>();

  const drop = (sub: Subscriber, retryMs: number, reason: string) => {
    if (sub.closed) return;
    sub.closed = true;
    subscribers.get(sub.processId)?.delete(sub);
    try {
      sub.sink.end(retryMs, reason);
    } catch (error) {
      options.log('ending a process stream failed', error);
    }
  };

  const snapshot = (sub: Subscriber) => {
    const now = options.current(sub.processId);
    if (!now) return;
    sub.sentVersion = now.version;
    sub.snapshotBytes = sub.sink.snapshot(processAggregate.viewFor(now.state, now.version, sub.viewer), options.clock.now().toISOString());
  };

  const deliver = (sub: Subscriber, transitions: readonly ProcessTransition[]) => {
    let items: ProcessStreamChange[] = [];
    const send = () => {
      if (items.length > 0) sub.sink.changes(items);
      items = [];
    };
    for (const { event, before, after } of transitions) {
      if (sub.closed) return;
      if (event.version <= sub.sentVersion) continue;
      const message = event.version === sub.sentVersion + 1 ? processAggregate.redact(event, before, after, sub.viewer) : 'resync';
      if (message === 'resync') {
        send();
        const view = processAggregate.viewFor(after, event.version, sub.viewer);
        sub.sentVersion = event.version;
        sub.snapshotBytes = sub.sink.snapshot(view, options.clock.now().toISOString());
      } else {
        sub.sentVersion = event.version;
        items.push({ version: event.version, event: message });
      }
    }
    send();
    if (!sub.closed && sub.sink.bufferedBytes() > maxBuffered + sub.snapshotBytes) drop(sub, jitter(1000, 5000), 'slow-reader');
  };

  const safely = (sub: Subscriber, run: () => void) => {
    try {
      run();
    } catch (error) {
      options.log('a process stream could not be written; ending it so that the client resyncs', error);
      drop(sub, jitter(500, 5000), 'error');
    }
  };

  return {
    subscribe(processId, viewer, lastEventId, sink) {
      const sub: Subscriber = { processId, viewer, sink, sentVersion: -1, closed: false, snapshotBytes: 0 };
      let set = subscribers.get(processId);
      if (!set) subscribers.set(processId, (set = new Set()));
      set.add(sub);
      safely(sub, () => {
        const from = lastEventId !== null && /^\d{1,10}$/.test(lastEventId) ? Number(lastEventId) : null;
        const window = history.get(processId) ?? [];
        const now = options.current(processId);
        // A resume within the window replays the changes after Last-Event-ID; anything else starts from a snapshot.
        const replayable =
          from !== null &&
          now !== undefined &&
          from <= now.version &&
          (from === now.version || (window[0]?.event.version ?? Infinity) <= from + 1);
        if (replayable) {
          sub.sentVersion = from;
          deliver(
            sub,
            window.filter((t) => t.event.version > from),
          );
        } else snapshot(sub);
      });
      return () => {
        sub.closed = true;
        subscribers.get(processId)?.delete(sub);
      };
    },

    publish(processId, transitions) {
      if (transitions.length === 0) return;
      let window = history.get(processId);
      if (!window) history.set(processId, (window = []));
      window.push(...transitions);
      if (window.length > historyWindow * 2) window.splice(0, window.length - historyWindow);
      for (const sub of [...(subscribers.get(processId) ?? [])]) safely(sub, () => deliver(sub, transitions));
    },

    close() {
      for (const set of subscribers.values()) for (const sub of [...set]) drop(sub, jitter(500, 5000), 'shutdown');
      subscribers.clear();
      history.clear();
    },
  };
}
