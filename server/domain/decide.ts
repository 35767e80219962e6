import type { Command } from './commands.js';
import type { DecideContext } from './context.js';
import { assertNever, type EngagementEvent } from './events.js';
import { decideBreakouts, isBreakoutCommand } from './breakouts/index.js';
import { decideSummary, isSummaryCommand } from './summaryReview/index.js';
import { decideAgenda } from './agenda/index.js';
import { decideEngagement } from './engagement/index.js';
import { decideFloor, isFloorCommand } from './floor/index.js';
import { decideInput } from './input/index.js';
import { decideInvitation } from './invitation/index.js';
import { decideNote } from './note/index.js';
import { decideParticipant } from './participant/index.js';
import { decideQuestion } from './question/index.js';
import type { EngagementState } from './state.js';

/**
 * The rules: given the state and an authorized command, the events it produces, or a DomainError naming
 * the SPEC.md rule it breaks. Pure: time and ids come from `ctx`. Never returns a partial result: a
 * command applies whole or not at all.
 *
 * Routed as `evolve` routes events: the slices with a guard of their own (breakouts, summary review, floor)
 * first, then one case per command type of each smaller slice; each slice's decide and evolve sit side by
 * side in its folder (`agenda/decideAgenda.ts`, `agenda/evolveAgenda.ts`, …).
 */
export function decide(state: EngagementState, command: Command, ctx: DecideContext): EngagementEvent[] {
  if (isBreakoutCommand(command)) return decideBreakouts(state, command, ctx);
  if (isSummaryCommand(command)) return decideSummary(state, command, ctx);
  if (isFloorCommand(command)) return decideFloor(state, command, ctx);
  switch (command.type) {
    case 'engagement.create':
    case 'engagement.update':
    case 'engagement.open':
    case 'engagement.start':
    case 'engagement.end':
      return decideEngagement(state, command, ctx);
    case 'agenda.add':
    case 'agenda.update':
    case 'agenda.remove':
    case 'agenda.move':
    case 'agenda.begin':
      return decideAgenda(state, command, ctx);
    case 'question.add':
    case 'question.update':
    case 'question.remove':
    case 'question.move':
    case 'question.open':
    case 'question.close':
      return decideQuestion(state, command, ctx);
    case 'participant.register':
    case 'participant.approve':
    case 'participant.decline':
    case 'participant.setRole':
    case 'participant.object':
      return decideParticipant(state, command, ctx);
    case 'invitation.create':
    case 'invitation.revoke':
    case 'invitation.redeem':
      return decideInvitation(state, command, ctx);
    case 'note.add':
      return decideNote(state, command, ctx);
    case 'input.submit':
    case 'input.withdraw':
      return decideInput(state, command, ctx);
    default:
      return assertNever(command);
  }
}
