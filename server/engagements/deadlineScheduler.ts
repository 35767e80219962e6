// Server-timed deadlines. The domain never ticks: the state holds deadlines, and `pendingDeadlines` lists
// them with the command to issue when each passes. This keeps one timer per engagement for the earliest
// (re-armed after every commit and at start-up, so an overdue deadline fires at once) and sends the command
// through the ordinary write path as the system, guarded by the version it was computed at. A conflict or
// a rule refusing it means someone acted first: harmless, re-arm. So a deadline is recorded once, also
// across a restart (docs/api.md: "exactly once").
import { AppError } from '../appError.js';
import type { Clock, TimerHandle } from '../clock.js';
import type { Command } from '../domain/commands.js';
import type { EngagementState } from '../domain/state.js';

export interface Deadline {
  dueAt: string;
  command: Command;
}

export interface DeadlineSchedulerOptions {
  clock: Clock;
  /** Every deadline the state holds (the domain's `pendingDeadlines`); the earliest one not yet tried is armed. */
  deadlines: (state: EngagementState) => Deadline[];
  current: (engagementId: string) => { state: EngagementState; version: number } | undefined;
  /** Sends the command through the write path as `{ kind: 'system' }` with this expected version. */
  fire: (engagementId: string, command: Command, expectedVersion: number) => Promise<unknown>;
  /** How long to wait before trying again after a storage failure. */
  retryMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface DeadlineScheduler {
  /** Computes the engagement's next deadline now and sets (or clears) its one timer. */
  rearm(engagementId: string): void;
  armedCount(): number;
  /** Cancels every timer; deadlines are in the log, so nothing is lost. */
  stop(): void;
}

export function createDeadlineScheduler(options: DeadlineSchedulerOptions): DeadlineScheduler {
  const timers = new Map<string, TimerHandle>();
  /**
   * Deadlines already fired at the engagement's current version. One that was refused or changed nothing
   * must not fire again in a loop, nor hide the deadlines after it; all of them are forgotten once the
   * engagement moves to another version.
   */
  const fired = new Map<string, { version: number; marks: Set<string> }>();
  const markOf = (d: Deadline) => `${d.dueAt}|${d.command.type}|${JSON.stringify(d.command)}`;
  const retryMs = options.retryMs ?? 5000;
  const log = options.log ?? ((message, error) => console.error(`[deadlines] ${message}`, error ?? ''));
  let stopped = false;

  const cancel = (engagementId: string) => {
    timers.get(engagementId)?.cancel();
    timers.delete(engagementId);
  };

  const rearm = (engagementId: string): void => {
    cancel(engagementId);
    if (stopped) return;
    const entry = options.current(engagementId);
    if (!entry) return;
    const tried = fired.get(engagementId);
    const done = tried && tried.version === entry.version ? tried.marks : new Set<string>();
    let next: Deadline | null = null;
    for (const d of options.deadlines(entry.state)) {
      if (!done.has(markOf(d)) && (!next || Date.parse(d.dueAt) < Date.parse(next.dueAt))) next = d;
    }
    if (!next) return;
    const chosen = next;
    const mark = markOf(chosen);
    const version = entry.version;
    const delay = Math.max(0, Date.parse(chosen.dueAt) - options.clock.now().getTime());
    const handle = options.clock.setTimer(delay, () => {
      if (timers.get(engagementId) !== handle) return;
      timers.delete(engagementId);
      const record = fired.get(engagementId);
      if (record && record.version === version) record.marks.add(mark);
      else fired.set(engagementId, { version, marks: new Set([mark]) });
      options.fire(engagementId, chosen.command, version).then(
        // A commit re-arms through the write path too; this covers a command that produced no event.
        () => rearm(engagementId),
        (error: unknown) => {
          if (
            error instanceof AppError &&
            (error.code === 'VERSION_CONFLICT' || error.code === 'RULE_VIOLATION' || error.code === 'NOT_FOUND')
          ) {
            // Someone acted first, or the rule refused it: harmless. The mark stays, so the next deadline
            // (or this one at a new version) is armed instead of this one firing again at once.
            rearm(engagementId);
            return;
          }
          fired.get(engagementId)?.marks.delete(mark);
          log(`the ${chosen.command.type} due at ${chosen.dueAt} could not be recorded; retrying in ${retryMs} ms`, error);
          if (stopped) return;
          timers.set(
            engagementId,
            options.clock.setTimer(retryMs, () => rearm(engagementId)),
          );
        },
      );
    });
    timers.set(engagementId, handle);
  };

  return {
    rearm,
    armedCount: () => timers.size,
    stop() {
      stopped = true;
      for (const handle of timers.values()) handle.cancel();
      timers.clear();
    },
  };
}
