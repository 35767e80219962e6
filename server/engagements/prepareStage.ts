// The prepare stage of the write path (docs/write-path.md): work outside the log that must succeed before a
// command may commit, keyed by command type. A step runs before the command is queued and returns how to undo
// it; when the commit then refuses the command (someone acted in between, a conflict), the rollback runs.
// Most commands have no step and go straight to the commit stage.
import type { CommandType, Command } from '../domain/commands.js';
import type { Actor } from '../domain/context.js';
import type { EngagementState } from '../domain/state.js';
import type { CommandResult } from './EngagementService.js';

export interface PrepareInput {
  /** The engagement as it is now (the commit may still find it moved on). */
  state: EngagementState;
  actor: Actor;
  command: Command;
  now: string;
}

/** Undoes what a prepare step did; must not throw. */
export type Rollback = () => Promise<void>;

/** Throws (nothing is queued) when the work cannot be done; else resolves with its rollback. */
export type PrepareStep = (input: PrepareInput) => Promise<Rollback>;

export type PrepareSteps = Partial<Record<CommandType, PrepareStep>>;

/** Runs the command's prepare step, if it has one, then `commit`; a refused commit rolls the step back. */
export async function prepareThenCommit(
  steps: PrepareSteps,
  input: () => PrepareInput,
  commandType: CommandType,
  commit: () => Promise<CommandResult>,
): Promise<CommandResult> {
  const step = steps[commandType];
  if (!step) return commit();
  const rollback = await step(input());
  try {
    return await commit();
  } catch (error) {
    await rollback();
    throw error;
  }
}
