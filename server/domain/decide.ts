import type { Command } from './commands.js';
import type { DecideContext } from './context.js';
import type { EngagementEvent } from './events.js';
import type { EngagementState } from './state.js';

/**
 * The rules: given the state and an authorized command, the events it produces, or a DomainError naming
 * the SPEC.md rule it breaks. Pure: time and ids come from `ctx`. Never returns a partial result: a
 * command applies whole or not at all.
 */
export function decide(state: EngagementState, command: Command, ctx: DecideContext): EngagementEvent[] {
  void state; void command; void ctx;
  throw new Error('not implemented');
}
