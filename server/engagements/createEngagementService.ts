// The engagement service: the one write path (docs/write-path.md) and the reads beside it, composed here from
// named parts. A command goes prepare (optional, per command type: prepareStage.ts) → commit (authorize →
// decide → evolve → append, group-committed per engagement: groupCommit.ts) → afterCommit (registered hooks:
// afterCommitHooks.ts). No command has a pipeline of its own. Any refusal leaves the state, the version and
// the log as they were; nothing is published before the append resolved.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { CommandOf } from '../domain/commands.js';
import type { StoredEvent } from '../domain/events.js';
import { pendingDeadlines } from '../domain/floor/nextDeadline.js';
import type { EngagementState } from '../domain/state.js';
import { membershipOf, viewFor } from '../domain/view.js';
import type { Viewer } from '../domain/context.js';
import type { EventStore } from '../store/EventStore.js';
import { runAfterCommitHooks, type AfterCommitHook } from './afterCommitHooks.js';
import { createAttendanceReconciler } from './attendanceReconciler.js';
import { applyMediaAfterCommit, type BreakoutMediaAdapter } from './breakoutMedia.js';
import { createCommandIntake } from './commandIntake.js';
import { createCommandRateLimit } from './commandRateLimit.js';
import { createDeadlineScheduler } from './deadlineScheduler.js';
import { createEngagementIndexes } from './engagementIndexes.js';
import { createEngagementQueries, existingEngagement } from './engagementQueries.js';
import type { EngagementService } from './EngagementService.js';
import { createGroupCommit, type EngagementInMemory } from './groupCommit.js';
import { createInvitationFlows, definedOnly } from './invitationFlows.js';
import { createLiveHub } from './liveHub.js';
import { loadEngagement } from './loadEngagement.js';
import { createOtherInstances, type CommitFeedFactory } from './otherInstances.js';
import { openRoomsBeforeStart } from './openRoomsBeforeStart.js';
import { prepareThenCommit, type PrepareSteps } from './prepareStage.js';
import { createStateSnapshots } from './stateSnapshots.js';

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

/** What one participant may use of an engagement (LIMIT-*); absent: unlimited. */
export interface ParticipantLimits {
  /** LIMIT-1: commands at once (the bucket's size) and per second (its refill), per participant per engagement. */
  commandBurst: number;
  commandRatePerSecond: number;
  /** LIMIT-3: written inputs per participant per engagement (staff unlimited). */
  inputsPerParticipant: number;
  /** LIMIT-5: open streams per person per engagement: participants (and the public), staff. */
  streamsPerParticipant: number;
  streamsPerStaff: number;
}

export interface EngagementServiceDeps {
  store: EventStore;
  clock: Clock;
  newId?: () => string;
  limits?: EngagementServiceLimits;
  participantLimits?: ParticipantLimits;
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
  /** Several instances: the attendance check runs only while this resolves true (a lease held by one instance at a time). */
  reconcileOnlyWhen?: () => Promise<boolean>;
  /**
   * Several instances on one PostgreSQL: the LISTEN feed of the other instances' commits
   * (store/postgresCommitFeed.ts), built with the service's handlers. Every engagement in memory is watched,
   * so that its state, its streams and its deadlines follow what the others commit; an engagement the feed
   * announces that this instance does not know (created elsewhere) is loaded.
   */
  commitFeed?: CommitFeedFactory;
}

/** The service plus what tests and operations need to watch it (whether it is idle, who is subscribed). */
export interface ObservableEngagementService extends EngagementService {
  /** Resolves when every command queued so far (including fired deadlines) has finished. */
  whenIdle(): Promise<void>;
  subscriberCount(engagementId?: string): number;
  /** The engagement's folded state now, or undefined: for the checks a process makes across aggregates (server/processes/crossChecks.ts). */
  stateOf(engagementId: string): EngagementState | undefined;
}

/** Builds the service and loads every engagement from the store; resolves once it can take commands. */
export async function createEngagementService(deps: EngagementServiceDeps): Promise<ObservableEngagementService> {
  const { store, clock } = deps;
  const newId = deps.newId ?? randomUUID;
  const log = deps.log ?? ((message, error) => console.error(`[engagements] ${message}`, error ?? ''));
  const limits = deps.limits ?? {};
  const media = deps.media ?? null;
  const engagements = new Map<string, EngagementInMemory>();
  const indexes = createEngagementIndexes();
  const current = (id: string) => {
    const entry = engagements.get(id);
    return entry && entry.version > 0 ? { state: entry.state, version: entry.version } : undefined;
  };

  // The commit stage, and the afterCommit stage it hands every committed batch to.
  const hooks: AfterCommitHook[] = [];
  const domainLimits = deps.participantLimits ? { inputsPerParticipant: deps.participantLimits.inputsPerParticipant } : undefined;
  const commit = createGroupCommit({
    domainLimits,
    ...{ store, clock, newId, log },
    afterCommit: (entry, transitions, origin) => runAfterCommitHooks(hooks, entry, transitions, log, origin),
    // On PostgreSQL other instances may append to the same engagements: each batch catches up first.
    catchUp: store.kind === 'postgres',
  });
  const intake = createCommandIntake({ engagements, commit, lookUp: (id) => lookUp(id) });
  const rateLimit = deps.participantLimits
    ? createCommandRateLimit({ burst: deps.participantLimits.commandBurst, ratePerSecond: deps.participantLimits.commandRatePerSecond })
    : null;
  const system = { kind: 'system' } as const;

  const hub = createLiveHub({
    store,
    clock,
    current,
    log,
    random: deps.random,
    monotonicNow: deps.monotonicNow,
    track: intake.track,
    domainLimits,
    maxStreamsFor: deps.participantLimits ? streamLimit(engagements, deps.participantLimits) : undefined,
    ...limits,
  });
  const fire = (id: string, command: Parameters<typeof intake.submit>[2], expectedVersion: number) =>
    intake.submit(id, system, command, { expectedVersion }, true);
  const scheduler = createDeadlineScheduler({ clock, deadlines: pendingDeadlines, current, fire, log });
  const snapshots = createStateSnapshots({ store, every: limits.snapshotEvery ?? 200, log, track: intake.track });
  const reconciler = attendanceReconcilerOf(deps, { clock, current, log, intake });

  hooks.push(
    ...hooksOf({ indexes, snapshots, hub, scheduler, others: () => others, reconciler, onCommitted: deps.onCommitted, media, log }),
  );

  let closed: Promise<void> | null = null;
  // The prepare stage: only the commands that have a step.
  const prepareSteps: PrepareSteps = media ? { 'breakouts.start': openRoomsBeforeStart(media, newId) } : {};

  /** One engagement from its state snapshot and the events after it (loadEngagement.ts), into memory; false: it has no events. */
  const load = async (engagementId: string): Promise<boolean> => {
    const { entry, recent, baseVersion, rejected } = await loadEngagement(store, engagementId, limits.historyWindow ?? 512);
    if (entry.version === 0) return false;
    if (engagements.has(engagementId)) return true;
    if (rejected) log(`the state snapshot of ${engagementId} was set aside (${rejected}); folding its whole log`);
    engagements.set(engagementId, entry);
    indexes.addLoaded(entry);
    hub.publish(engagementId, recent);
    others.watch(entry);
    await snapshots.loaded(entry, baseVersion, Boolean(rejected));
    return true;
  };
  const arm = (id: string) => {
    scheduler.rearm(id);
    reconciler?.watch(id);
  };

  const others = createOtherInstances({
    ...{ store, engagements, load, arm, log, commit, commitFeed: deps.commitFeed },
    ...{ track: (work: Promise<unknown>) => intake.track(work), closed: () => closed !== null, endStreams: hub.endAll, clock },
  });
  const { lookUp } = others;

  // Start-up: each engagement from its state snapshot and the events after it.
  for (const engagementId of await store.engagementIds()) await load(engagementId);
  // Overdue deadlines (a restart after a speaker's time ran out) fire at once.
  for (const id of engagements.keys()) arm(id);

  return {
    ...createEngagementQueries({ engagements, indexes, clock, domainLimits }),
    ...createInvitationFlows({
      engagements,
      indexes,
      intake,
      clock,
      invitationDays: limits.invitationDays,
      findElsewhere: others.invitationEngagement,
    }),

    async create(user, input) {
      const id = newId();
      const command = { type: 'engagement.create', engagementId: id, ...definedOnly(input) } as CommandOf<'engagement.create'>;
      await intake.submit(id, { kind: 'user', userId: user.userId, displayName: user.displayName }, command, {}, true, true);
      const entry = existingEngagement(engagements, id);
      return viewFor(entry.state, entry.version, { userId: user.userId }, domainLimits);
    },

    publishSummary(engagementId, user, input, options) {
      const actor = { kind: 'user', userId: user.userId, displayName: user.displayName } as const;
      return intake.submit(engagementId, actor, { type: 'summary.publish', ...input }, options ?? {}, true);
    },

    admitCommand(engagementId, actor) {
      const entry = engagements.get(engagementId);
      return rateLimit && entry ? rateLimit.admit(engagementId, entry.state, actor, clock.now().getTime()) : null;
    },

    execute(engagementId, actor, command, options = {}) {
      const input = () => ({ state: existingEngagement(engagements, engagementId).state, actor, command, now: clock.now().toISOString() });
      return prepareThenCommit(prepareSteps, input, command.type, () => intake.submit(engagementId, actor, command, options, false));
    },

    lookUp: (engagementId) => lookUp(engagementId).then(() => undefined),
    lookUpBreakoutRound: (roundId) => others.lookUpRound(roundId, indexes.byBreakoutRound.get(roundId)?.engagementId ?? null),

    subscribe(engagementId, viewer, lastEventId, sink) {
      existingEngagement(engagements, engagementId);
      if (intake.closing) {
        sink.end(500 + Math.round((deps.random ?? Math.random)() * 4500), 'shutdown');
        return () => undefined;
      }
      return hub.subscribe(engagementId, viewer, lastEventId, sink);
    },

    /** Ends every stream (jittered retry), drains the queued commands, stops the timers, closes the store. */
    close() {
      if (closed) return closed;
      intake.shutDown();
      hub.close();
      reconciler?.stop();
      closed = (async () => {
        await others.close();
        await intake.drained();
        scheduler.stop();
        await store.close();
      })();
      return closed;
    },

    whenIdle: () => intake.drained(),
    stateOf: (engagementId) => current(engagementId)?.state,
    subscriberCount: (engagementId) => hub.subscriberCount(engagementId),
  };
}

/** BREAKOUT-28: a running round's attendance checked against LiveKit's lists on a timer; null without media or interval. */
function attendanceReconcilerOf(
  deps: EngagementServiceDeps,
  parts: Pick<Parameters<typeof createAttendanceReconciler>[0], 'clock' | 'current' | 'log'> & {
    intake: ReturnType<typeof createCommandIntake>;
  },
): ReturnType<typeof createAttendanceReconciler> | null {
  const { intake } = parts;
  if (!deps.media || (deps.reconcileAttendanceEveryMs ?? 0) <= 0) return null;
  return createAttendanceReconciler({
    ...{ clock: parts.clock, current: parts.current, log: parts.log, track: intake.track },
    adapter: deps.media,
    everyMs: deps.reconcileAttendanceEveryMs!,
    record: (id, command, commandId) => intake.submit(id, { kind: 'system' }, command, { commandId }, true),
    mayCheck: deps.reconcileOnlyWhen,
  });
}

/** LIMIT-5: staff may hold more streams (a console, a stage view, a side panel on several devices). */
const streamLimit =
  (engagements: ReadonlyMap<string, EngagementInMemory>, limits: ParticipantLimits) =>
  (engagementId: string, viewer: Viewer): number => {
    const entry = engagements.get(engagementId);
    const staff = entry !== undefined && membershipOf(entry.state, viewer).audience === 'staff';
    return staff ? limits.streamsPerStaff : limits.streamsPerParticipant;
  };

/** The afterCommit hooks, in order; those marked `others` also hear of the other instances' commits. */
function hooksOf(parts: {
  indexes: ReturnType<typeof createEngagementIndexes>;
  snapshots: ReturnType<typeof createStateSnapshots>;
  hub: ReturnType<typeof createLiveHub>;
  scheduler: ReturnType<typeof createDeadlineScheduler>;
  others: () => { watch(entry: EngagementInMemory): void };
  reconciler: ReturnType<typeof createAttendanceReconciler> | null;
  onCommitted: EngagementServiceDeps['onCommitted'];
  media: BreakoutMediaAdapter | null;
  log: (message: string, error?: unknown) => void;
}): AfterCommitHook[] {
  const { indexes, snapshots, hub, scheduler, reconciler, onCommitted, media } = parts;
  const events = (transitions: { event: StoredEvent }[]) => transitions.map((t) => t.event);
  const hooks: AfterCommitHook[] = [
    { name: 'the indexes', others: true, run: (entry, transitions) => indexes.afterCommit(entry, events(transitions)) },
    { name: 'the state snapshot', run: (entry) => snapshots.afterCommit(entry) },
    { name: 'the live hub', others: true, run: (entry, transitions) => hub.publish(entry.id, transitions) },
    // Every instance arms every live engagement's deadline: the first to fire records it, the others are refused by its version.
    { name: 'the deadline scheduler', others: true, run: (entry) => scheduler.rearm(entry.id) },
    // The feed's cursor follows the memory, so that this instance's own commits are not read back (dedupe by version).
    { name: 'the commit feed', others: true, run: (entry) => parts.others().watch(entry) },
  ];
  if (reconciler) hooks.push({ name: 'the attendance reconciler', others: true, run: (entry) => reconciler.watch(entry.id) });
  if (onCommitted)
    hooks.push({ name: 'onCommitted', run: (entry, transitions) => onCommitted(entry.id, events(transitions), entry.state) });
  if (media) hooks.push(liveKitAfterCommit(media, parts.log));
  return hooks;
}

/** LiveKit after a commit: rooms of ended rounds closed, broadcasts, warnings and new end times told (never blocks). */
function liveKitAfterCommit(media: BreakoutMediaAdapter, log: (message: string, error?: unknown) => void): AfterCommitHook {
  return {
    name: 'LiveKit',
    run(entry, transitions) {
      const { id, version } = entry;
      void applyMediaAfterCommit(
        media,
        transitions.map((t) => t.event),
        entry.state,
      ).then(
        (problems) => problems.forEach((problem) => log(`LiveKit after version ${version} of ${id}: ${problem}`)),
        (error) => log(`LiveKit after version ${version} of ${id} failed`, error),
      );
    },
  };
}
