// The commit stage's decision step (docs/write-path.md): a batch of queued commands run in order against a
// tentative state, synchronously, before anything is appended. Split from groupCommit.ts, which drives the
// batches (queue, append, retry, catch-up); this file only decides one.
import { AppError, asAppError } from '../appError.js';
import type { Clock } from '../clock.js';
import type { Actor, DomainLimits } from '../domain/context.js';
import type { CommandRecord, EventStore, LoggedEvent, StoredCommand } from '../store/EventStore.js';
import { commandFingerprint } from './commandFingerprint.js';
import type { AggregateInMemory, CommitAggregate, CommitResult, CommitTransition, QueuedCommand } from './groupCommit.js';

const conflict = (noun: string, current: number, expected: number) =>
  new AppError(
    'VERSION_CONFLICT',
    `The ${noun} is at version ${current}, not ${expected}: someone changed it meanwhile. Reload it and try again.`,
    { currentVersion: current },
  );

export const replay = <R>(stored: string, given: string, result: unknown): R => {
  if (stored !== given) {
    throw new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      'This commandId was already used for a different command. Use a new commandId for a new command; resend the same body only to retry.',
    );
  }
  return result as R;
};

/** What the log already holds under the batch's commandIds, read before the batch runs (one look-up each). */
export const recordedCommands = async (
  store: EventStore,
  jobs: readonly { options: { commandId?: string } }[],
): Promise<Map<string, PromiseSettledResult<StoredCommand | null>>> => {
  const ids = [...new Set(jobs.flatMap((job) => (job.options.commandId ? [job.options.commandId] : [])))];
  const found = await Promise.allSettled(ids.map((id) => store.findCommand(id)));
  return new Map(ids.map((id, i) => [id, found[i]]));
};

/** A batch run against a tentative state: what to append, and whom to answer once it is appended. */
export interface DecidedBatch<S, C, E> {
  state: S;
  version: number;
  accepted: { job: QueuedCommand<C, E>; result: CommitResult<E> }[];
  transitions: CommitTransition<S, E>[];
  events: E[];
  records: CommandRecord[];
  /** Retries of a command earlier in this same batch: answered once the batch is committed. */
  echoes: { job: QueuedCommand<C, E>; of: { fingerprint: string; result: CommitResult<E> } }[];
}

export const fingerprintIn = <S, C extends { type: string }, E extends LoggedEvent>(
  aggregate: CommitAggregate<S, C, E>,
  entry: AggregateInMemory<S, C, E>,
  actor: Actor,
  command: C,
) => commandFingerprint(aggregate.streamOf(entry.id), actor, command);

/**
 * Runs the batch's commands in order against a tentative state, synchronously: each sees the state its
 * predecessors left, exactly as if run one by one; a refused command is answered at once and does not touch
 * the others. Nothing is stored or swapped in here.
 */
export const decideBatch = <S, C extends { type: string }, E extends LoggedEvent>(
  {
    aggregate,
    clock,
    newId,
    domainLimits,
  }: { aggregate: CommitAggregate<S, C, E>; clock: Clock; newId: () => string; domainLimits?: DomainLimits },
  entry: AggregateInMemory<S, C, E>,
  jobs: QueuedCommand<C, E>[],
  recorded: Map<string, PromiseSettledResult<StoredCommand | null>>,
): DecidedBatch<S, C, E> => {
  const batch: DecidedBatch<S, C, E> = {
    state: entry.state,
    version: entry.version,
    accepted: [],
    transitions: [],
    events: [],
    records: [],
    echoes: [],
  };
  const inBatch = new Map<string, { fingerprint: string; result: CommitResult<E> }>();
  for (const job of jobs) {
    const { actor, command, options: jobOptions } = job;
    try {
      const fingerprint = jobOptions.commandId ? fingerprintIn(aggregate, entry, actor, command) : '';
      if (jobOptions.commandId) {
        const earlier = inBatch.get(jobOptions.commandId);
        if (earlier) {
          replay(earlier.fingerprint, fingerprint, earlier.result);
          batch.echoes.push({ job, of: earlier });
          continue;
        }
        const lookup = recorded.get(jobOptions.commandId)!;
        if (lookup.status === 'rejected') throw lookup.reason;
        if (lookup.value) {
          job.resolve(replay<CommitResult<E>>(lookup.value.fingerprint, fingerprint, lookup.value.result));
          continue;
        }
      }
      const { version, state } = batch;
      if (jobOptions.expectedVersion !== undefined && jobOptions.expectedVersion !== version)
        throw conflict(aggregate.noun, version, jobOptions.expectedVersion);
      if (version === 0 && command.type !== aggregate.createType) throw aggregate.notFound();
      aggregate.authorize(state, actor, command);
      const produced = aggregate.decide(state, command, { now: clock.now().toISOString(), actor, newId, limits: domainLimits });
      // Fold before writing: an event that cannot be folded is never stored.
      let next = state;
      const mine: CommitTransition<S, E>[] = produced.map((event, i) => {
        const stored = { ...event, version: version + 1 + i };
        const after = aggregate.evolve(next, stored);
        const transition = { event: stored, before: next, after };
        next = after;
        return transition;
      });
      const result: CommitResult<E> = { version: version + produced.length, events: mine.map((t) => t.event) };
      batch.state = next;
      batch.version = result.version;
      batch.transitions.push(...mine);
      batch.events.push(...produced);
      if (jobOptions.commandId) {
        batch.records.push({ commandId: jobOptions.commandId, fingerprint, result });
        inBatch.set(jobOptions.commandId, { fingerprint, result });
      }
      batch.accepted.push({ job, result });
    } catch (error) {
      job.reject(asAppError(error));
    }
  }
  return batch;
};
