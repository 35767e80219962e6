// Several instances on one PostgreSQL (docs/reliability.md): what this instance learns of the others' commits.
// The LISTEN feed (store/postgresCommitFeed.ts) watches every engagement in memory from its version in memory, so
// that this instance's own commits are never read back, and hands the others' commits to the commit stage
// (groupCommit.ts `heard`), which evolves them in and runs the afterCommit hooks marked `others` (the hub, the
// deadlines, the indexes). An engagement created on another instance is loaded when this one first hears of it:
// the feed's wake-up, a request naming it, or, after the LISTEN connection was lost, a look at the log's ids.
import type { Clock, TimerHandle } from '../clock.js';
import type { StoredEvent } from '../domain/events.js';
import type { EventStore } from '../store/EventStore.js';
import type { CommitFeed, CommitFeedOptions } from '../store/postgresCommitFeed.js';
import type { EngagementInMemory } from './groupCommit.js';

/** How long the LISTEN connection may be down before this instance's streams are ended with a retry hint. */
export const LISTEN_LOST_MS = 5000;

export type CommitFeedFactory = (handlers: Pick<CommitFeedOptions, 'deliver' | 'onUnwatched' | 'onStatus'>) => CommitFeed;

export interface OtherInstances {
  /** Resolves true once the engagement is in memory (loaded from the log if need be), false when it has no events. */
  lookUp(engagementId: string): Promise<boolean>;
  /**
   * The engagement of an invitation code's hash that this instance does not know (made on another one), loaded
   * and caught up so that the invitation is in its state; null when the log has none (or on SQLite).
   */
  invitationEngagement?: (codeHash: string) => Promise<string | null>;
  /**
   * Before a LiveKit webhook is read against the breakout-round index: the round's engagement loaded (found in the
   * log when this instance has not heard of the round) and caught up, so that a round started or ended on another
   * instance is seen as it is. Nothing on SQLite.
   */
  lookUpRound(roundId: string, known: string | null): Promise<void>;
  /** The engagement is at this version in memory: the feed delivers only what comes after. */
  watch(entry: EngagementInMemory): void;
  close(): Promise<void>;
}

export function createOtherInstances(deps: {
  store: EventStore;
  engagements: ReadonlyMap<string, EngagementInMemory>;
  /** Loads one engagement into memory; false when it has no events. */
  load: (engagementId: string) => Promise<boolean>;
  /** Arms the deadlines (and the attendance watch) of an engagement just loaded. */
  arm: (engagementId: string) => void;
  /** The commit stage: `heard` evolves in the others' commits, `sync` resolves once an engagement caught up with the log. */
  commit: {
    heard(entry: EngagementInMemory, events: readonly StoredEvent[]): void;
    sync(entry: EngagementInMemory): Promise<void>;
  };
  track: (work: Promise<unknown>) => void;
  closed: () => boolean;
  /** Ends every stream with a retry hint (the live hub's endAll). */
  endStreams: (reason: string) => void;
  clock: Clock;
  log: (message: string, error?: unknown) => void;
  commitFeed?: CommitFeedFactory;
}): OtherInstances {
  const { store, engagements, log } = deps;
  // One read per id at a time.
  const loading = new Map<string, Promise<boolean>>();
  const lookUp = (engagementId: string): Promise<boolean> => {
    const known = engagements.get(engagementId);
    if (known) return Promise.resolve(known.version > 0);
    // SQLite has one writer: what is not in memory does not exist.
    if (store.kind !== 'postgres' || deps.closed()) return Promise.resolve(false);
    let pending = loading.get(engagementId);
    if (!pending) {
      pending = deps
        .load(engagementId)
        .then((found) => {
          if (found) deps.arm(engagementId);
          return found;
        })
        .finally(() => loading.delete(engagementId));
      loading.set(engagementId, pending);
      deps.track(pending);
    }
    return pending;
  };

  /** After the LISTEN connection was lost, the engagements created meanwhile were announced to no one here. */
  const discover = async () => {
    try {
      for (const id of await store.engagementIds()) if (!engagements.has(id)) await lookUp(id);
    } catch (error) {
      log('could not look for engagements created on other instances', error);
    }
  };

  let lost = false;
  let lostTimer: TimerHandle | null = null;
  const feed =
    deps.commitFeed?.({
      deliver: (engagementId, events) => {
        const entry = engagements.get(engagementId);
        if (entry) deps.commit.heard(entry, events);
      },
      onUnwatched: (engagementId) => void lookUp(engagementId).catch((error) => log(`could not load ${engagementId}`, error)),
      onStatus: (status) => {
        if (status === 'reconnecting') {
          lost = true;
          // Down for longer than a blip: the streams say "reconnecting" (the client's banner) and come back,
          // perhaps through another instance, with their Last-Event-ID. Commands here still catch up first.
          lostTimer ??= deps.clock.setTimer(LISTEN_LOST_MS, () => deps.endStreams('reconnecting'));
          return;
        }
        lostTimer?.cancel();
        lostTimer = null;
        if (status === 'listening' && lost) {
          lost = false;
          void discover();
        }
      },
    }) ?? null;

  const findInvitation = store.engagementOfInvitation?.bind(store);
  const findRound = store.engagementOfBreakoutRound?.bind(store);
  return {
    lookUp,
    invitationEngagement: findInvitation
      ? async (codeHash) => {
          const id = await findInvitation(codeHash);
          if (!id || !(await lookUp(id))) return null;
          await deps.commit.sync(engagements.get(id)!);
          return id;
        }
      : undefined,
    async lookUpRound(roundId, known) {
      if (!findRound) return;
      const id = known ?? (await findRound(roundId));
      if (!id || !(await lookUp(id))) return;
      await deps.commit.sync(engagements.get(id)!);
    },
    watch: (entry) => feed?.watch(entry.id, entry.version),
    close: async () => {
      await feed?.close();
    },
  };
}
