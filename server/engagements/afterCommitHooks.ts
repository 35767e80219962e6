// The afterCommit stage of the write path (docs/write-path.md): once a batch is in the log and its state
// swapped in, each registered hook hears of it (the indexes, the state snapshots, the live hub, the deadline
// scheduler, the attendance reconciler, LiveKit). A hook must not block (it starts async work and returns);
// one that throws is a bug to log, not a reason to report the commands as failed: they are committed, and
// clients resync from the log. One hook's failure does not keep the others from running.
import type { EngagementInMemory } from './groupCommit.js';
import type { Transition } from './liveHub.js';

export interface AfterCommitHook {
  /** For the log: what failed. */
  name: string;
  run(engagement: EngagementInMemory, transitions: Transition[]): void;
}

export function runAfterCommitHooks(
  hooks: readonly AfterCommitHook[],
  engagement: EngagementInMemory,
  transitions: Transition[],
  log: (message: string, error?: unknown) => void,
): void {
  if (transitions.length === 0) return;
  for (const hook of hooks) {
    try {
      hook.run(engagement, transitions);
    } catch (error) {
      log(`after committing version ${engagement.version} of ${engagement.id}, ${hook.name} failed`, error);
    }
  }
}
