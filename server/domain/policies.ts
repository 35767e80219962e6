import type { Command, CommandType } from './commands.js';
import type { Actor } from './context.js';
import type { EngagementState } from './state.js';

/** Who may issue which command (the table of API.md). Throws a FORBIDDEN DomainError when not allowed. */
export function authorize(state: EngagementState, actor: Actor, command: Command): void {
  void state; void actor; void command;
  throw new Error('not implemented');
}
export type { CommandType };
