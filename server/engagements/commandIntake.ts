// Where every command enters the commit stage: refused while the server shuts down, internal commands only
// from the server itself, a new engagement only for `engagement.create`. It keeps the set of work in flight
// (commands, snapshot writes, attendance checks, replays from the log) that `whenIdle` and a graceful
// shutdown wait for.
import { AppError } from '../appError.js';
import { isInternalCommand, type Command } from '../domain/commands.js';
import type { Actor } from '../domain/context.js';
import type { EngagementEvent } from '../domain/events.js';
import { emptyState, type EngagementState } from '../domain/state.js';
import type { AggregateInMemory, CommitResult, GroupCommit } from './groupCommit.js';
import { emptyQueue, engagementNotFound, queuedCount } from './groupCommit.js';

// Generic over the aggregate like the commit stage (a process's intake: server/processes/createProcessService.ts);
// the defaults are the engagement's.
export interface CommandIntake<C = Command, E = EngagementEvent> {
  /**
   * Queues a command for the commit stage; resolves with its result once committed. `allowInternal`: the
   * service's own methods may issue internal commands; `creating`: the engagement may not exist yet.
   */
  submit(
    id: string,
    actor: Actor,
    command: C,
    options: { commandId?: string; expectedVersion?: number },
    allowInternal: boolean,
    creating?: boolean,
  ): Promise<CommitResult<E>>;
  /** Work outside a command that whenIdle and close wait for. */
  track(work: Promise<unknown>): void;
  /** Resolves when everything in flight (and whatever it queued meanwhile) has settled. */
  drained(): Promise<void>;
  /** From now on every command is refused (STORAGE_UNAVAILABLE: the server is restarting). */
  shutDown(): void;
  readonly closing: boolean;
}

export function createCommandIntake<S = EngagementState, C extends { type: string } = Command, E = EngagementEvent>(deps: {
  engagements: Map<string, AggregateInMemory<S, C, E>>;
  commit: GroupCommit<S, C, E>;
  /** Default: the engagement's. */
  isInternal?: (type: string) => boolean;
  empty?: () => S;
  notFound?: () => AppError;
  /** A stream not in memory may have been created on another instance: resolves true once it is loaded. */
  lookUp?: (id: string) => Promise<boolean>;
}): CommandIntake<C, E> {
  const { engagements } = deps;
  const isInternal = deps.isInternal ?? isInternalCommand;
  const empty = deps.empty ?? (emptyState as unknown as () => S);
  const notFound = deps.notFound ?? engagementNotFound;
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  const track = (work: Promise<unknown>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
  };

  const intake: CommandIntake<C, E> = {
    submit(id, actor, command, options, allowInternal, creating = false) {
      if (closing) {
        return Promise.reject(
          new AppError('STORAGE_UNAVAILABLE', 'The server is restarting and records no changes right now. Try again in a few seconds.'),
        );
      }
      if (isInternal(command.type) && !allowInternal && actor.kind !== 'system') {
        return Promise.reject(
          new AppError('FORBIDDEN', `${command.type} is issued by the server itself or through its own endpoint, not as a command.`),
        );
      }
      let entry = engagements.get(id);
      if (!entry && !creating && deps.lookUp) {
        const lookUp = deps.lookUp;
        return lookUp(id).then((found) => {
          if (!found || !engagements.has(id)) throw notFound();
          return intake.submit(id, actor, command, options, allowInternal);
        });
      }
      if (!entry) {
        if (!creating) return Promise.reject(notFound());
        entry = { id, state: empty(), version: 0, queue: emptyQueue(), scheduled: false };
        engagements.set(id, entry);
      }
      const target = entry;
      const task = deps.commit.submit(target, { actor, command, options });
      const tracked = task.finally(() => {
        inFlight.delete(tracked);
        // A creation that failed leaves no empty engagement behind.
        if (creating && target.version === 0 && queuedCount(target) === 0 && engagements.get(id) === target) engagements.delete(id);
      });
      inFlight.add(tracked);
      tracked.catch(() => undefined);
      return task;
    },
    track,
    async drained() {
      // Settling a command can queue another (a fired deadline), so loop until nothing is left.
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    shutDown() {
      closing = true;
    },
    get closing() {
      return closing;
    },
  };
  return intake;
}
