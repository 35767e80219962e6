// The commit stage of the write path (docs/write-path.md): queued commands become one transaction. Per engagement,
// commands wait in arrival order and are drained on the next turn of the event loop, so that commands
// arriving together share one append (one fsync) while each still sees the state its predecessors left
// and gets its own answer, exactly as if run one by one (rather than
// dropping to synchronous=NORMAL: durable and fast under bursts, docs/performance.md "write path").
import { AppError, fromDomainError } from '../appError.js';
import type { Clock } from '../clock.js';
import type { Command } from '../domain/commands.js';
import type { Actor } from '../domain/context.js';
import { decide } from '../domain/decide.js';
import { DomainError } from '../domain/errors.js';
import type { EngagementEvent, StoredEvent } from '../domain/events.js';
import { evolve } from '../domain/evolve.js';
import { authorize } from '../domain/policies.js';
import type { EngagementState } from '../domain/state.js';
import { CommandAlreadyRecorded, type CommandRecord, type EventStore, type StoredCommand } from '../store/EventStore.js';
import { commandFingerprint } from './commandFingerprint.js';
import type { CommandResult } from './EngagementService.js';
import type { Transition } from './liveHub.js';

/** A command waiting in an engagement's queue, with the answer its caller awaits. */
export interface QueuedCommand {
  actor: Actor;
  command: Command;
  options: { commandId?: string; expectedVersion?: number };
  resolve: (result: CommandResult) => void;
  reject: (error: unknown) => void;
}

/** One engagement in memory: its folded state, its version and its queue of commands. */
export interface EngagementInMemory {
  id: string;
  state: EngagementState;
  version: number;
  /** Commands waiting for this engagement, in arrival order; drained in batches, one batch at a time. */
  queue: QueuedCommand[];
  /** A batch is scheduled or running (its append not settled yet). */
  scheduled: boolean;
  /** The highest version another instance announced (the commit feed); above `version`: catch up. */
  heard?: number;
  /** Callers of `sync` waiting for the next catch-up. */
  synced?: (() => void)[];
}

/** Who committed a batch the afterCommit stage hears of: this instance, or another one on the same database. */
export type CommitOrigin = 'local' | 'other';

/** How many times a batch is decided again after another instance took its version (then 503, never a hang). */
export const MAX_DECIDE_AGAIN = 20;

/** At most this many commands share one transaction (bounds the time the event loop is held). */
export const MAX_BATCH = 100;

export const asAppError = (error: unknown): unknown => (error instanceof DomainError ? fromDomainError(error) : error);

export const engagementNotFound = () => new AppError('NOT_FOUND', 'There is no such engagement, or it has been removed.');

export interface GroupCommitOptions {
  store: EventStore;
  clock: Clock;
  newId: () => string;
  log: (message: string, error?: unknown) => void;
  /** After the commit, with the new state in place: publish, re-arm, notify. Must not throw. */
  afterCommit: (engagement: EngagementInMemory, transitions: Transition[], origin: CommitOrigin) => void;
  /**
   * Other instances append to the same log (PostgreSQL): before deciding, each batch reads the events after
   * the version in memory and evolves them in (they go through the afterCommit stage as 'other'), and a
   * version taken meanwhile makes the batch be decided again on the caught-up state. Off for SQLite, whose
   * file has one writer.
   */
  catchUp?: boolean;
}

const conflict = (current: number, expected: number) =>
  new AppError(
    'VERSION_CONFLICT',
    `The engagement is at version ${current}, not ${expected}: someone changed it meanwhile. Reload it and try again.`,
    { currentVersion: current },
  );

const replay = (stored: string, given: string, result: unknown): CommandResult => {
  if (stored !== given) {
    throw new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      'This commandId was already used for a different command. Use a new commandId for a new command; resend the same body only to retry.',
    );
  }
  return result as CommandResult;
};

/** What the log already holds under the batch's commandIds, read before the batch runs (one look-up each). */
const recordedCommands = async (
  store: EventStore,
  jobs: readonly QueuedCommand[],
): Promise<Map<string, PromiseSettledResult<StoredCommand | null>>> => {
  const ids = [...new Set(jobs.flatMap((job) => (job.options.commandId ? [job.options.commandId] : [])))];
  const found = await Promise.allSettled(ids.map((id) => store.findCommand(id)));
  return new Map(ids.map((id, i) => [id, found[i]]));
};

/** A batch run against a tentative state: what to append, and whom to answer once it is appended. */
interface DecidedBatch {
  state: EngagementState;
  version: number;
  accepted: { job: QueuedCommand; result: CommandResult }[];
  transitions: Transition[];
  events: EngagementEvent[];
  records: CommandRecord[];
  /** Retries of a command earlier in this same batch: answered once the batch is committed. */
  echoes: { job: QueuedCommand; of: { fingerprint: string; result: CommandResult } }[];
}

/**
 * Runs the batch's commands in order against a tentative state, synchronously: each sees the state its
 * predecessors left, exactly as if run one by one; a refused command is answered at once and does not touch
 * the others. Nothing is stored or swapped in here.
 */
const decideBatch = (
  { clock, newId }: Pick<GroupCommitOptions, 'clock' | 'newId'>,
  entry: EngagementInMemory,
  jobs: QueuedCommand[],
  recorded: Map<string, PromiseSettledResult<StoredCommand | null>>,
): DecidedBatch => {
  const batch: DecidedBatch = {
    state: entry.state,
    version: entry.version,
    accepted: [],
    transitions: [],
    events: [],
    records: [],
    echoes: [],
  };
  const inBatch = new Map<string, { fingerprint: string; result: CommandResult }>();
  for (const job of jobs) {
    const { actor, command, options } = job;
    try {
      const fingerprint = options.commandId ? commandFingerprint(entry.id, actor, command) : '';
      if (options.commandId) {
        const earlier = inBatch.get(options.commandId);
        if (earlier) {
          replay(earlier.fingerprint, fingerprint, earlier.result);
          batch.echoes.push({ job, of: earlier });
          continue;
        }
        const lookup = recorded.get(options.commandId)!;
        if (lookup.status === 'rejected') throw lookup.reason;
        if (lookup.value) {
          job.resolve(replay(lookup.value.fingerprint, fingerprint, lookup.value.result));
          continue;
        }
      }
      const { version, state } = batch;
      if (options.expectedVersion !== undefined && options.expectedVersion !== version) throw conflict(version, options.expectedVersion);
      if (version === 0 && command.type !== 'engagement.create') throw engagementNotFound();
      authorize(state, actor, command);
      const produced = decide(state, command, { now: clock.now().toISOString(), actor, newId });
      // Fold before writing: an event that cannot be folded is never stored.
      let next = state;
      const mine: Transition[] = produced.map((event, i) => {
        const stored = { ...event, version: version + 1 + i } as StoredEvent;
        const after = evolve(next, stored);
        const transition = { event: stored, before: next, after };
        next = after;
        return transition;
      });
      const result: CommandResult = { version: version + produced.length, events: mine.map((t) => t.event) };
      batch.state = next;
      batch.version = result.version;
      batch.transitions.push(...mine);
      batch.events.push(...produced);
      if (options.commandId) {
        batch.records.push({ commandId: options.commandId, fingerprint, result });
        inBatch.set(options.commandId, { fingerprint, result });
      }
      batch.accepted.push({ job, result });
    } catch (error) {
      job.reject(asAppError(error));
    }
  }
  return batch;
};

const tooBusy = () =>
  new AppError(
    'STORAGE_UNAVAILABLE',
    'The engagement is changing too fast on several servers at once for this change to be recorded. Nothing was changed; try again.',
  );

/** The append failed: nothing was written, so each waiting caller gets its replay or the error. */
const answerFailedAppend = (entry: EngagementInMemory, waiting: QueuedCommand[], error: unknown) => {
  for (const job of waiting) {
    if (error instanceof CommandAlreadyRecorded) {
      try {
        job.resolve(replay(error.existing.fingerprint, commandFingerprint(entry.id, job.actor, job.command), error.existing.result));
      } catch (refusal) {
        job.reject(refusal);
      }
    } else job.reject(error);
  }
};

/** Returns `submit`, which queues a command for an engagement and resolves with its result once committed. */
export function createGroupCommit(options: GroupCommitOptions) {
  const { store, log } = options;

  /**
   * Commits a batch in ONE transaction (group commit: a burst of 500 floor requests costs a few fsyncs, not
   * 500). The commandIds are looked up first, then the batch is decided synchronously and appended; nothing is
   * swapped in or published before the append resolved, and the next batch of this engagement starts only
   * after it settled.
   */
  const commitBatch = async (entry: EngagementInMemory, jobs: QueuedCommand[], attempt = 0): Promise<void> => {
    if (options.catchUp) {
      try {
        await catchUp(entry);
      } catch (error) {
        for (const job of jobs) job.reject(error);
        return;
      }
    }
    const batch = decideBatch(options, entry, jobs, await recordedCommands(store, jobs));
    if (batch.events.length > 0 || batch.records.length > 0) {
      try {
        await store.append(entry.id, entry.version, batch.events, batch.records);
      } catch (error) {
        const waiting = [...batch.accepted.map((a) => a.job), ...batch.echoes.map((e) => e.job)];
        const versionTaken = error instanceof AppError && error.code === 'VERSION_CONFLICT';
        // Another instance appended between the catch-up and this append: catch up and decide the batch again
        // (optimistic append; the store's advisory lock makes the window small). A client's expectedVersion is
        // checked against the caught-up version, so only a real conflict answers 409.
        if (options.catchUp && versionTaken) {
          if (attempt < MAX_DECIDE_AGAIN) return commitBatch(entry, waiting, attempt + 1);
          answerFailedAppend(entry, waiting, tooBusy());
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
   * Evolves in the events other instances committed after the version in memory (contiguous from it; the rest
   * is ignored: a version already held is not applied twice) and hands them to the afterCommit stage. Only
   * while no batch of this engagement is deciding or appending (from the commit stage, or when idle).
   */
  const absorb = (entry: EngagementInMemory, events: readonly StoredEvent[]): void => {
    const transitions: Transition[] = [];
    let state = entry.state;
    let version = entry.version;
    for (const event of events) {
      if (event.version <= version) continue;
      if (event.version !== version + 1) break;
      const after = evolve(state, event);
      transitions.push({ event, before: state, after });
      state = after;
      version = event.version;
    }
    if (transitions.length === 0) return;
    entry.state = state;
    entry.version = version;
    options.afterCommit(entry, transitions, 'other');
  };

  /** Reads and evolves in what other instances appended after the version in memory. */
  const catchUp = async (entry: EngagementInMemory): Promise<void> => {
    absorb(entry, await store.load(entry.id, entry.version));
  };

  /**
   * Drains the engagement's queue on the next turn of the event loop, so that commands arriving together share
   * a commit. `scheduled` stays set until the batch settled: commands arriving during its append wait in the
   * queue and form the next batch.
   */
  const schedule = (entry: EngagementInMemory) => {
    if (entry.scheduled) return;
    entry.scheduled = true;
    setImmediate(() => void drain(entry));
  };

  const drain = async (entry: EngagementInMemory) => {
    const jobs = entry.queue.splice(0, MAX_BATCH);
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
        job.reject(new AppError('INTERNAL', 'The change could not be processed. Reload the engagement and try again.'));
    }
    entry.scheduled = false;
    for (const done of synced) done();
    if (entry.queue.length > 0 || (entry.synced?.length ?? 0) > 0 || (!stuck && (entry.heard ?? 0) > entry.version)) schedule(entry);
  };

  return {
    submit(entry: EngagementInMemory, job: Omit<QueuedCommand, 'resolve' | 'reject'>): Promise<CommandResult> {
      return new Promise<CommandResult>((resolve, reject) => {
        entry.queue.push({ ...job, resolve, reject });
        schedule(entry);
      });
    },

    /** Resolves once the engagement caught up with the log (a turn of the commit stage; never rejects). */
    sync(entry: EngagementInMemory): Promise<void> {
      if (!options.catchUp) return Promise.resolve();
      return new Promise<void>((resolve) => {
        (entry.synced ??= []).push(resolve);
        schedule(entry);
      });
    },

    /**
     * Another instance committed `events` (the commit feed, contiguous and in order): evolved in at once when
     * no batch of this engagement runs, else remembered, and the commit stage catches up from the log after
     * the batch (a batch that decided on an older state fails its append and is decided again).
     */
    heard(entry: EngagementInMemory, events: readonly StoredEvent[]): void {
      const last = events.at(-1)?.version ?? 0;
      if (last <= entry.version) return;
      entry.heard = Math.max(entry.heard ?? 0, last);
      if (entry.scheduled) return;
      absorb(entry, events);
      if (entry.heard > entry.version) schedule(entry);
    },
  };
}
