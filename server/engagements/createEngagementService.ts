// The one write path (docs/write-path.md): per engagement, commands run one at a time against
// the latest state: idempotency → expected version → authorize → decide → evolve (tentatively) → append
// with the command row in one transaction → swap the state in → publish after the commit → re-arm the
// deadline. Any error leaves the state, the version and the log as they were. Commands that arrive
// together are group-committed: same order and answers as one by one, one fsync for the lot.
import { randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../appError.js';
import type { Clock } from '../clock.js';
import { isInternalCommand, type Command, type CommandOf } from '../domain/commands.js';
import type { Actor } from '../domain/context.js';
import type { EngagementEvent, StoredEvent } from '../domain/events.js';
import { evolve } from '../domain/evolve.js';
import { pendingDeadlines } from '../domain/floor/nextDeadline.js';
import { previewReplan } from '../domain/floor/timeBudget.js';
import { authorize } from '../domain/policies.js';
import { emptyState, type EngagementState } from '../domain/state.js';
import { membershipOf, viewFor } from '../domain/view.js';
import { publishedVersionFor, summaryAccessOf } from '../domain/summaryReview/visibility.js';
import type { EventStore } from '../store/EventStore.js';
import { sha256Hex } from './commandFingerprint.js';
import { createDeadlineScheduler } from './deadlineScheduler.js';
import type { CommandResult, EngagementService, RedeemedInvitation } from './EngagementService.js';
import { asAppError, createGroupCommit, engagementNotFound, type Entry } from './groupCommit.js';
import { createLiveHub } from './liveHub.js';
import { createEngagementIndexes } from './engagementIndexes.js';
import { loadEngagement } from './loadEngagement.js';
import { createStateSnapshots } from './stateSnapshots.js';
import { applyMediaAfterCommit, openMediaBeforeAppend, type BreakoutMediaAdapter } from './breakoutMedia.js';
import { createAttendanceReconciler } from './attendanceReconciler.js';
import { decide } from '../domain/decide.js';

export interface EngagementServiceLimits {
  /** A stream with more unsent bytes than this is ended as a slow reader (default 1 MiB). */
  maxBufferedBytes?: number;
  /** Default lifetime of an invitation (default 14 days). */
  invitationDays?: number;
  /** Recent transitions kept in memory per engagement for resumes (default 512). */
  historyWindow?: number;
  /** A resume further behind than this many events gets a snapshot (default 1000). */
  maxReplay?: number;
  /**
   * A state snapshot is stored when an engagement has moved this many events past its last one (default
   * 200; 0: never), so that a start-up folds at most about this many events per engagement. Measured at
   * 20,000 events: a snapshot costs ~45 ms (3.3 MB of JSON), folding the 200 events after it ~1.4 s.
   */
  snapshotEvery?: number;
}

export interface EngagementServiceDeps {
  store: EventStore;
  clock: Clock;
  newId?: () => string;
  limits?: EngagementServiceLimits;
  random?: () => number;
  log?: (message: string, error?: unknown) => void;
  /** The monotonic clock (ms) that paces live delivery (liveHub); tests freeze it to deliver at once. */
  monotonicNow?: () => number;
  /**
   * Called after every commit, after the hub published it, with the stored events and the new state; also
   * for commands the server issues itself (deadlines). For side effects outside the log (LiveKit rooms):
   * they must not throw (a throw is logged) and must not block (start async work and return).
   */
  onCommitted?: (engagementId: string, events: StoredEvent[], state: EngagementState) => void;
  /**
   * LiveKit, when configured: a round's rooms are opened before `breakouts.started` is appended (so LiveKit
   * being down leaves no half-started round, BREAKOUT-21) and closed, told of broadcasts and warned after
   * the commit. Null or absent: rounds run without media.
   */
  media?: BreakoutMediaAdapter | null;
  /** With `media`: check a running round's attendance against LiveKit this often (BREAKOUT-28). Absent or 0: never. */
  reconcileAttendanceEveryMs?: number;
}

/** The service plus what tests and operations need to watch it. */
export interface LocalEngagementService extends EngagementService {
  /** Resolves when every command queued so far (including fired deadlines) has finished. */
  whenIdle(): Promise<void>;
  subscriberCount(engagementId?: string): number;
}

/** INV-4: unknown, expired, used and revoked codes all get these words, so a code cannot be probed. */
const INVITATION_REFUSED = "This invitation code is not valid. Ask the Chair's team for a new invitation.";
const CODE_BYTES = 24;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Builds the service and loads every engagement from the store; resolves once it can take commands. */
export async function createEngagementService(deps: EngagementServiceDeps): Promise<LocalEngagementService> {
  const { store, clock } = deps;
  const newId = deps.newId ?? randomUUID;
  const log = deps.log ?? ((message, error) => console.error(`[engagements] ${message}`, error ?? ''));
  const limits = deps.limits ?? {};
  const entries = new Map<string, Entry>();
  const { byCodeHash, byUser, index } = createEngagementIndexes();
  const inFlight = new Set<Promise<unknown>>();
  /** Work outside a command (snapshot writes, attendance checks) that a graceful shutdown waits for. */
  const track = (work: Promise<unknown>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  let closing = false;
  let closed: Promise<void> | null = null;

  const current = (id: string) => {
    const entry = entries.get(id);
    return entry && entry.version > 0 ? { state: entry.state, version: entry.version } : undefined;
  };

  const hub = createLiveHub({
    store,
    clock,
    current,
    maxBufferedBytes: limits.maxBufferedBytes,
    historyWindow: limits.historyWindow,
    maxReplay: limits.maxReplay,
    random: deps.random,
    log,
    monotonicNow: deps.monotonicNow,
  });

  const scheduler = createDeadlineScheduler({
    clock,
    deadlines: pendingDeadlines,
    current,
    fire: (id, command, expectedVersion) => enqueue(id, { kind: 'system' }, command, { expectedVersion }, true),
    log,
  });

  const snapshots = createStateSnapshots({ store, every: limits.snapshotEvery ?? 200, log, track });

  // Start-up: each engagement from its state snapshot and the events after it (loadEngagement.ts).
  const seed = limits.historyWindow ?? 512;
  for (const engagementId of await store.engagementIds()) {
    const { entry, recent, baseVersion, rejected } = await loadEngagement(store, engagementId, seed);
    if (rejected) log(`the state snapshot of ${engagementId} was set aside (${rejected}); folding its whole log`);
    entries.set(engagementId, entry);
    index(entry, null);
    hub.publish(engagementId, recent);
    await snapshots.loaded(entry, baseVersion, Boolean(rejected));
  }

  const media = deps.media ?? null;
  const reconciler =
    media && (deps.reconcileAttendanceEveryMs ?? 0) > 0
      ? createAttendanceReconciler({
          clock,
          adapter: media,
          everyMs: deps.reconcileAttendanceEveryMs!,
          current,
          log,
          record: (id, command, commandId) => enqueue(id, { kind: 'system' }, command, { commandId }, true),
          track,
        })
      : null;
  const groupCommit = createGroupCommit({
    store,
    clock,
    newId,
    log,
    // A failure to publish, re-arm or notify is a bug to log, not a reason to report the commands as
    // failed: they are committed, and clients resync from the log.
    afterCommit(entry, transitions, events) {
      index(entry, events);
      if (transitions.length === 0) return;
      snapshots.afterCommit(entry);
      try {
        hub.publish(entry.id, transitions);
        scheduler.rearm(entry.id);
        reconciler?.watch(entry.id);
        deps.onCommitted?.(entry.id, transitions.map((t) => t.event), entry.state);
        if (media) {
          const committed = transitions.map((t) => t.event);
          void applyMediaAfterCommit(media, committed, entry.state).then(
            (problems) => problems.forEach((problem) => log(`LiveKit after version ${entry.version} of ${entry.id}: ${problem}`)),
            (error) => log(`LiveKit after version ${entry.version} of ${entry.id} failed`, error),
          );
        }
      } catch (error) {
        log(`after committing version ${entry.version} of ${entry.id}, publishing, re-arming or onCommitted failed`, error);
      }
    },
  });

  function enqueue(
    id: string,
    actor: Actor,
    command: Command,
    options: { commandId?: string; expectedVersion?: number },
    allowInternal: boolean,
    creating = false,
  ): Promise<CommandResult> {
    if (closing) {
      return Promise.reject(new AppError('STORAGE_UNAVAILABLE', 'The server is restarting and records no changes right now. Try again in a few seconds.'));
    }
    if (isInternalCommand(command.type) && !allowInternal && actor.kind !== 'system') {
      return Promise.reject(
        new AppError('FORBIDDEN', `${command.type} is issued by the server itself or through its own endpoint, not as a command.`),
      );
    }
    let entry = entries.get(id);
    if (!entry) {
      if (!creating) return Promise.reject(engagementNotFound());
      entry = { id, state: emptyState(), version: 0, queue: [], scheduled: false };
      entries.set(id, entry);
    }
    const target = entry;
    const task = groupCommit.submit(target, { actor, command, options });
    const tracked = task.finally(() => {
      inFlight.delete(tracked);
      // A creation that failed leaves no empty engagement behind.
      if (creating && target.version === 0 && target.queue.length === 0 && entries.get(id) === target) entries.delete(id);
    });
    inFlight.add(tracked);
    tracked.catch(() => undefined);
    return task;
  }

  const entryOf = (id: string): Entry => {
    const entry = entries.get(id);
    if (!entry || entry.version === 0) throw engagementNotFound();
    return entry;
  };

  // Overdue deadlines (a restart after a speaker's time ran out) fire at once.
  for (const id of entries.keys()) scheduler.rearm(id);
  if (reconciler) for (const id of entries.keys()) reconciler.watch(id);

  return {
    async create(user, input) {
      const id = newId();
      const command: CommandOf<'engagement.create'> = { type: 'engagement.create', engagementId: id, ...definedOnly(input) } as CommandOf<'engagement.create'>;
      await enqueue(id, { kind: 'user', userId: user.userId, displayName: user.displayName }, command, {}, true, true);
      const entry = entryOf(id);
      return viewFor(entry.state, entry.version, { userId: user.userId });
    },

    publishSummary(engagementId, user, input, options) {
      return enqueue(engagementId, { kind: 'user', userId: user.userId, displayName: user.displayName }, { type: 'summary.publish', ...input }, options ?? {}, true);
    },

    publishedSummary(engagementId, viewer, version) {
      const entry = entryOf(engagementId);
      return publishedVersionFor(entry.state.summaryReview, membershipOf(entry.state, viewer), version);
    },

    draftSummarySource(engagementId, viewer) {
      const entry = entryOf(engagementId);
      const me = membershipOf(entry.state, viewer);
      if (!summaryAccessOf(entry.state.summaryReview, me).draft) {
        throw new AppError('FORBIDDEN', 'The draft summary is for the Chair, the secretariat and, while it is circulated, its reviewers.');
      }
      const chair = Object.values(entry.state.participants).find((p) => p.role === 'chair' && p.status === 'approved' && p.userId);
      return { ...viewFor(entry.state, entry.version, { userId: chair?.userId ?? viewer.userId }), me };
    },

    list(user) {
      const ids = byUser.get(user.userId) ?? new Set<string>();
      return [...ids].flatMap((id) => {
        const entry = entries.get(id);
        if (!entry || entry.version === 0) return [];
        const me = membershipOf(entry.state, { userId: user.userId });
        const { title, scheduledStart } = entry.state.settings;
        return [{ id, title, status: entry.state.status, role: me.role, scheduledStart }];
      });
    },

    get(engagementId, viewer) {
      const entry = entryOf(engagementId);
      return viewFor(entry.state, entry.version, viewer);
    },

    async execute(engagementId, actor, command, options = {}) {
      if (command.type !== 'breakouts.start' || !media) return enqueue(engagementId, actor, command, options, false);
      // BREAKOUT-21: open the rooms first. A dry run of the same decision names them (room names come from the
      // round id, so the real decision names the same rooms); a refusal here opens nothing, and a refusal of
      // the real command (someone acted in between) closes what was opened.
      const entry = entryOf(engagementId);
      const now = clock.now().toISOString();
      let after = entry.state;
      let dryRun: EngagementEvent[];
      try {
        authorize(entry.state, actor, command);
        dryRun = decide(entry.state, command, { now, actor, newId });
      } catch (error) {
        throw asAppError(error);
      }
      for (const event of dryRun) after = evolve(after, { ...event, version: 0 } as StoredEvent);
      const opened = await openMediaBeforeAppend(media, dryRun, after, now);
      try {
        return await enqueue(engagementId, actor, command, options, false);
      } catch (error) {
        await opened.rollback();
        throw error;
      }
    },

    async createInvitation(engagementId, user, input) {
      const code = randomBytes(CODE_BYTES).toString('base64url');
      const expiresAt = input.expiresAt ?? new Date(clock.now().getTime() + (limits.invitationDays ?? 14) * DAY_MS).toISOString();
      const command = { type: 'invitation.create', ...definedOnly(input), codeHash: sha256Hex(code), expiresAt } as CommandOf<'invitation.create'>;
      const result = await enqueue(engagementId, { kind: 'user', userId: user.userId, displayName: user.displayName }, command, {}, true);
      const created = result.events.find((e) => e.type === 'invitation.created');
      if (!created || created.type !== 'invitation.created') throw new AppError('INTERNAL', 'The invitation was not recorded.');
      return { invitationId: created.invitationId, code, expiresAt };
    },

    async redeemInvitation(code, displayName) {
      const refused = () => new AppError('UNAUTHENTICATED', INVITATION_REFUSED);
      const codeHash = sha256Hex(code);
      const engagementId = byCodeHash.get(codeHash);
      const entry = engagementId ? entries.get(engagementId) : undefined;
      const invitation = entry ? Object.values(entry.state.invitations).find((inv) => inv.codeHash === codeHash) : undefined;
      if (!entry || !invitation) throw refused();
      const name = (invitation.profile.displayName || displayName?.trim() || 'Guest').slice(0, 120);
      const userId = `inv:${invitation.id}`;
      let result: CommandResult;
      try {
        result = await enqueue(entry.id, { kind: 'system' }, { type: 'invitation.redeem', invitationId: invitation.id, userId, displayName: name }, {}, true);
      } catch (error) {
        if (error instanceof AppError && (error.code === 'RULE_VIOLATION' || error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) throw refused();
        throw error;
      }
      const redeemed = result.events.find((e) => e.type === 'invitation.redeemed');
      if (!redeemed || redeemed.type !== 'invitation.redeemed') throw refused();
      const answer: RedeemedInvitation = {
        engagementId: entry.id,
        role: redeemed.participant.role,
        participantId: redeemed.participant.id,
        user: { userId, displayName: redeemed.participant.displayName },
      };
      return answer;
    },

    replanPreview(engagementId, viewer, strategy, minSeconds, questionId) {
      const entry = entryOf(engagementId);
      try {
        // Who may re-plan may preview: the same policy as `time.replan`.
        authorize(entry.state, { kind: 'user', userId: viewer.userId, displayName: '' }, { type: 'time.replan', strategy, minSeconds, questionId });
        return previewReplan(entry.state, clock.now().toISOString(), strategy, minSeconds, questionId ?? entry.state.openQuestionId);
      } catch (error) {
        throw asAppError(error);
      }
    },

    subscribe(engagementId, viewer, lastEventId, sink) {
      entryOf(engagementId);
      if (closing) {
        sink.end(500 + Math.round((deps.random ?? Math.random)() * 4500), 'shutdown');
        return () => undefined;
      }
      return hub.subscribe(engagementId, viewer, lastEventId, sink);
    },

    /** Ends every stream (jittered retry), drains the queued commands, stops the timers, closes the store. */
    close() {
      if (closed) return closed;
      closing = true;
      hub.close();
      reconciler?.stop();
      closed = (async () => {
        while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
        scheduler.stop();
        await store.close();
      })();
      return closed;
    },

    async whenIdle() {
      // Settling a command can queue another (a fired deadline), so loop until nothing is left.
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },

    subscriberCount: (engagementId) => hub.subscriberCount(engagementId),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
