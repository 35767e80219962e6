// The afterCommit stage of the write path (docs/write-path.md): once a batch is in the log and its state
// swapped in, each registered hook hears of it (the indexes, the state snapshots, the live hub, the deadline
// scheduler, the attendance reconciler, LiveKit). A hook must not block (it starts async work and returns);
// one that throws is a bug to log, not a reason to report the commands as failed: they are committed, and
// clients resync from the log. One hook's failure does not keep the others from running. On PostgreSQL the
// commits of other instances come through here too, to the hooks marked `others`.
import type { CommitOrigin, EngagementInMemory } from './groupCommit.js';
import type { Transition } from './liveHub.js';

export interface AfterCommitHook {
  /** For the log: what failed. */
  name: string;
  /**
   * Also for the commits of other instances on the same database, once this one evolved them in (the
   * indexes, the hub, the deadlines); absent: only for this instance's own commits (side effects outside the
   * log, such as LiveKit, belong to the instance that committed).
   */
  others?: boolean;
  run(engagement: EngagementInMemory, transitions: Transition[]): void;
}

export function runAfterCommitHooks(
  hooks: readonly AfterCommitHook[],
  engagement: EngagementInMemory,
  transitions: Transition[],
  log: (message: string, error?: unknown) => void,
  origin: CommitOrigin = 'local',
): void {
  if (transitions.length === 0) return;
  for (const hook of hooks) {
    if (origin === 'other' && !hook.others) continue;
    try {
      hook.run(engagement, transitions);
    } catch (error) {
      log(`after committing version ${engagement.version} of ${engagement.id}, ${hook.name} failed`, error);
    }
  }
}
