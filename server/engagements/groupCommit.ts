// The commit stage of the write path (docs/write-path.md): queued commands become one transaction. Per stream
// (an engagement, a process), commands wait in two lanes (staff first, LIMIT-2), each in arrival order, and are drained on the next turn of the event loop, so that commands
// arriving together share one append (one fsync) while each still sees the state its predecessors left
// and gets its own answer, exactly as if run one by one (rather than
// dropping to synchronous=NORMAL: durable and fast under bursts, docs/performance.md "write path").
// The stage is generic over the aggregate it runs (`CommitAggregate`: authorize, decide, evolve): the
// engagement's is `engagementCommitAggregate`; a process's is built from `processAggregate`
// (server/processes/createProcessService.ts). One stage, two aggregates.
import { AppError } from '../appError.js';
import type { Clock } from '../clock.js';
import type { Command } from '../domain/commands.js';
import type { Actor, DecideContext, DomainLimits } from '../domain/context.js';
import { decide } from '../domain/decide.js';
import type { EngagementEvent, StoredEvent } from '../domain/events.js';
import { evolve } from '../domain/evolve.js';
import { authorize } from '../domain/policies.js';
import type { EngagementState } from '../domain/state.js';
import { CommandAlreadyRecorded, type EventStore, type LoggedEvent } from '../store/EventStore.js';
import { isStaffActor } from './isStaffActor.js';
import { decideBatch, fingerprintIn, recordedCommands, replay } from './decideBatch.js';

/** What the commit stage runs for one kind of aggregate. */
export interface CommitAggregate<S, C extends { type: string }, E extends LoggedEvent> {
  /** The word for it in messages: "The engagement is at version …". */
  noun: string;
  /** The command that may run against an empty stream (version 0); any other is NOT_FOUND there. */
  createType: string;
  /** The stream's key in the log (the engagement: its id; a process: `process:<id>`). */
  streamOf(id: string): string;
  notFound(): AppError;
  /** Staff's and the server's commands, served first when commands queue (LIMIT-2); absent: one lane, arrival order. */
  isStaff?(state: S, actor: Actor): boolean;
  authorize(state: S, actor: Actor, command: C): void;
  decide(state: S, command: C, ctx: DecideContext): E[];
  evolve(state: S, event: E & { version: number }): S;
}

/** One committed event with the state on either side of it (what a live stream's `redact` needs). */
export interface CommitTransition<S, E> {
  event: E & { version: number };
  before: S;
  after: S;
}

/** What a committed command answers: the new version and its events. */
export interface CommitResult<E> {
  version: number;
  events: (E & { version: number })[];
}

/** A command waiting in a stream's queue, with the answer its caller awaits. */
export interface QueuedCommand<C = Command, E = EngagementEvent> {
  actor: Actor;
  command: C;
  options: { commandId?: string; expectedVersion?: number };
  resolve: (result: CommitResult<E>) => void;
  reject: (error: unknown) => void;
}

/** One aggregate in memory: its folded state, its version and its queue of commands. */
export interface AggregateInMemory<S, C = Command, E = EngagementEvent> {
  id: string;
  state: S;
  version: number;
  /**
   * Commands waiting for this aggregate, in two lanes (LIMIT-2): staff's and the server's first, then
   * everyone else's; each lane in arrival order. Drained in batches, one batch at a time.
   */
  queue: CommandLanes<C, E>;
  /** A batch is scheduled or running (its append not settled yet). */
  scheduled: boolean;
  /** The highest version another instance announced (the commit feed); above `version`: catch up. */
  heard?: number;
  /** Callers of `sync` waiting for the next catch-up. */
  synced?: (() => void)[];
}

/** The two lanes of a queue (LIMIT-2). */
export interface CommandLanes<C = Command, E = EngagementEvent> {
  staff: QueuedCommand<C, E>[];
  others: QueuedCommand<C, E>[];
}

/** An empty queue (both lanes). */
export const emptyQueue = <C = Command, E = EngagementEvent>(): CommandLanes<C, E> => ({ staff: [], others: [] });

export const queuedCount = <C, E>(entry: { queue: CommandLanes<C, E> }): number => entry.queue.staff.length + entry.queue.others.length;

/** One engagement in memory. */
export type EngagementInMemory = AggregateInMemory<EngagementState, Command, EngagementEvent>;

/** Who committed a batch the afterCommit stage hears of: this instance, or another one on the same database. */
export type CommitOrigin = 'local' | 'other';

/** How many times a batch is decided again after another instance took its version (then 503, never a hang). */
export const MAX_DECIDE_AGAIN = 20;

/** At most this many commands share one transaction (bounds the time the event loop is held). */
export const MAX_BATCH = 100;

export const engagementNotFound = () => new AppError('NOT_FOUND', 'There is no such engagement, or it has been removed.');

/** The engagement, as the commit stage runs it. */
export const engagementCommitAggregate: CommitAggregate<EngagementState, Command, EngagementEvent> = {
  noun: 'engagement',
  createType: 'engagement.create',
  streamOf: (id) => id,
  notFound: engagementNotFound,
  isStaff: isStaffActor,
  authorize,
  decide,
  evolve: (state, event) => evolve(state, event as StoredEvent),
};

export interface GroupCommitOptions<S = EngagementState, C extends { type: string } = Command, E extends LoggedEvent = EngagementEvent> {
  store: EventStore;
  clock: Clock;
  newId: () => string;
  log: (message: string, error?: unknown) => void;
  /** Default: the engagement. */
  aggregate?: CommitAggregate<S, C, E>;
  /** The server's limits that decide applies (LIMIT-3); absent: none. */
  domainLimits?: DomainLimits;
  /** After the commit, with the new state in place: publish, re-arm, notify. Must not throw. */
  afterCommit: (entry: AggregateInMemory<S, C, E>, transitions: CommitTransition<S, E>[], origin: CommitOrigin) => void;
  /**
   * Other instances append to the same log (PostgreSQL): before deciding, each batch reads the events after
   * the version in memory and evolves them in (they go through the afterCommit stage as 'other'), and a
   * version taken meanwhile makes the batch be decided again on the caught-up state. Off for SQLite, whose
   * file has one writer.
   */
  catchUp?: boolean;
}

const tooBusy = (noun: string) =>
  new AppError(
    'STORAGE_UNAVAILABLE',
    `The ${noun} is changing too fast on several servers at once for this change to be recorded. Nothing was changed; try again.`,
  );

/**
 * Evolves in the events other instances committed after the version in memory (contiguous from it; the rest
 * is ignored: a version already held is not applied twice) and hands them to the afterCommit stage. Only
 * while no batch of this stream is deciding or appending (from the commit stage, or when idle).
 */
function absorb<S, C extends { type: string }, E extends LoggedEvent>(
  aggregate: CommitAggregate<S, C, E>,
  afterCommit: GroupCommitOptions<S, C, E>['afterCommit'],
  entry: AggregateInMemory<S, C, E>,
  events: readonly (E & { version: number })[],
): void {
  const transitions: CommitTransition<S, E>[] = [];
  let state = entry.state;
  let version = entry.version;
  for (const event of events) {
    if (event.version <= version) continue;
    if (event.version !== version + 1) break;
    const after = aggregate.evolve(state, event);
    transitions.push({ event, before: state, after });
    state = after;
    version = event.version;
  }
  if (transitions.length === 0) return;
  entry.state = state;
  entry.version = version;
  afterCommit(entry, transitions, 'other');
}

/** The commit stage of one kind of aggregate. */
export interface GroupCommit<S = EngagementState, C = Command, E = EngagementEvent> {
  /** Queues a command for a stream; resolves with its result once committed. */
  submit(entry: AggregateInMemory<S, C, E>, job: Omit<QueuedCommand<C, E>, 'resolve' | 'reject'>): Promise<CommitResult<E>>;
  /** Resolves once the stream caught up with the log (a turn of the commit stage; never rejects). */
  sync(entry: AggregateInMemory<S, C, E>): Promise<void>;
  /** Another instance committed `events` (the commit feed, contiguous and in order). */
  heard(entry: AggregateInMemory<S, C, E>, events: readonly (E & { version: number })[]): void;
}

/** Returns `submit`, which queues a command for a stream and resolves with its result once committed. */
export function createGroupCommit<S = EngagementState, C extends { type: string } = Command, E extends LoggedEvent = EngagementEvent>(
  options: GroupCommitOptions<S, C, E>,
): GroupCommit<S, C, E> {
  const { store, log, clock, newId, domainLimits } = options;
  const aggregate = (options.aggregate ?? engagementCommitAggregate) as unknown as CommitAggregate<S, C, E>;
  type Entry = AggregateInMemory<S, C, E>;
  type Job = QueuedCommand<C, E>;
  const fingerprintOf = (entry: Entry, actor: Actor, command: C) => fingerprintIn(aggregate, entry, actor, command);

  /** The append failed: nothing was written, so each waiting caller gets its replay or the error. */
  const answerFailedAppend = (entry: Entry, waiting: Job[], error: unknown) => {
    for (const job of waiting) {
      if (error instanceof CommandAlreadyRecorded) {
        try {
          job.resolve(
            replay<CommitResult<E>>(error.existing.fingerprint, fingerprintOf(entry, job.actor, job.command), error.existing.result),
          );
        } catch (refusal) {
          job.reject(refusal);
        }
      } else job.reject(error);
    }
  };

  /**
   * Commits a batch in ONE transaction (group commit: a burst of 500 floor requests costs a few fsyncs, not
   * 500). The commandIds are looked up first, then the batch is decided synchronously and appended; nothing is
   * swapped in or published before the append resolved, and the next batch of this stream starts only
   * after it settled.
   */
  /** Reads and evolves in what other instances appended after the version in memory. */
  const catchUp = async (entry: Entry): Promise<void> => {
    absorb(
      aggregate,
      options.afterCommit,
      entry,
      (await store.load(aggregate.streamOf(entry.id), entry.version)) as unknown as (E & { version: number })[],
    );
  };

  const commitBatch = async (entry: Entry, jobs: Job[], attempt = 0): Promise<void> => {
    if (options.catchUp) {
      try {
        await catchUp(entry);
      } catch (error) {
        for (const job of jobs) job.reject(error);
        return;
      }
    }
    const batch = decideBatch({ aggregate, clock, newId, domainLimits }, entry, jobs, await recordedCommands(store, jobs));
    if (batch.events.length > 0 || batch.records.length > 0) {
      try {
        await store.append(aggregate.streamOf(entry.id), entry.version, batch.events, batch.records);
      } catch (error) {
        const waiting = [...batch.accepted.map((a) => a.job), ...batch.echoes.map((e) => e.job)];
        const versionTaken = error instanceof AppError && error.code === 'VERSION_CONFLICT';
        // Another instance appended between the catch-up and this append: catch up and decide the batch again
        // (optimistic append; the store's advisory lock makes the window small). A client's expectedVersion is
        // checked against the caught-up version, so only a real conflict answers 409.
        if (options.catchUp && versionTaken) {
          if (attempt < MAX_DECIDE_AGAIN) return commitBatch(entry, waiting, attempt + 1);
          answerFailedAppend(entry, waiting, tooBusy(aggregate.noun));
          return;
        }
        // Another writer took a commandId or a version meanwhile: run each command alone, so that each
        // gets its own answer (its replay, its conflict) and the others still commit.
        if (waiting.length > 1 && (error instanceof CommandAlreadyRecorded || versionTaken)) {
          for (const job of waiting) await commitBatch(entry, [job]);
          return;
        }
        answerFailedAppend(entry, waiting, error);
        return;
      }
    }
    // Committed: swap the new state in, then the afterCommit stage; the callers get their results.
    entry.state = batch.state;
    entry.version = batch.version;
    options.afterCommit(entry, batch.transitions, 'local');
    for (const { job, result } of batch.accepted) job.resolve(result);
    for (const { job, of } of batch.echoes) job.resolve(of.result);
  };

  /**
   * Drains the stream's queue on the next turn of the event loop, so that commands arriving together share
   * a commit. `scheduled` stays set until the batch settled: commands arriving during its append wait in the
   * queue and form the next batch.
   */
  const schedule = (entry: Entry) => {
    if (entry.scheduled) return;
    entry.scheduled = true;
    setImmediate(() => void drain(entry));
  };

  const drain = async (entry: Entry) => {
    // LIMIT-2: the staff lane first, so that a flood of participants' commands delays the Chair by one batch at most.
    const first = entry.queue.staff.splice(0, MAX_BATCH);
    const jobs = [...first, ...entry.queue.others.splice(0, MAX_BATCH - first.length)];
    const synced = entry.synced?.splice(0) ?? [];
    let stuck = false;
    try {
      if (jobs.length > 0) await commitBatch(entry, jobs);
      else if (options.catchUp) {
        // A wake-up from the commit feed while a batch ran, or a sync: catch up, once (the feed retries a failed read).
        const before = entry.version;
        await catchUp(entry).catch((error) => log(`could not catch up ${entry.id} with other instances`, error));
        stuck = entry.version === before;
      }
    } catch (error) {
      // A bug, not a refusal: answer every caller still waiting (settled promises ignore this) rather
      // than let the exception escape and take the server down.
      log(`a batch of commands for ${entry.id} failed unexpectedly`, error);
      for (const job of jobs)
        job.reject(new AppError('INTERNAL', `The change could not be processed. Reload the ${aggregate.noun} and try again.`));
    }
    entry.scheduled = false;
    for (const done of synced) done();
    if (queuedCount(entry) > 0 || (entry.synced?.length ?? 0) > 0 || (!stuck && (entry.heard ?? 0) > entry.version)) schedule(entry);
  };

  return {
    submit(entry: Entry, job: Omit<Job, 'resolve' | 'reject'>): Promise<CommitResult<E>> {
      return new Promise<CommitResult<E>>((resolve, reject) => {
        (aggregate.isStaff?.(entry.state, job.actor) ? entry.queue.staff : entry.queue.others).push({ ...job, resolve, reject });
        schedule(entry);
      });
    },

    sync(entry: Entry): Promise<void> {
      if (!options.catchUp) return Promise.resolve();
      return new Promise<void>((resolve) => {
        (entry.synced ??= []).push(resolve);
        schedule(entry);
      });
    },

    /**
     * Another instance committed `events` (the commit feed, contiguous and in order): evolved in at once when
     * no batch of this stream runs, else remembered, and the commit stage catches up from the log after
     * the batch (a batch that decided on an older state fails its append and is decided again).
     */
    heard(entry: Entry, events: readonly (E & { version: number })[]): void {
      const last = events.at(-1)?.version ?? 0;
      if (last <= entry.version) return;
      entry.heard = Math.max(entry.heard ?? 0, last);
      if (entry.scheduled) return;
      absorb(aggregate, options.afterCommit, entry, events);
      if (entry.heard > entry.version) schedule(entry);
    },
  };
}
