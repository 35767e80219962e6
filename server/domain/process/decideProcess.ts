import type { DecideContext } from '../context.js';
import { assertNever } from '../events.js';
import type { ProcessCommand } from './commands.js';
import { decideMembers } from './decideMembers.js';
import { decidePaper } from './decidePaper.js';
import { decideProposal } from './decideProposal.js';
import type { ProcessEvent } from './events.js';
import type { ProcessState } from './state.js';

/**
 * The process's rules, shaped like the engagement's `decide`: given the state and an authorized command, the
 * events it produces, or a DomainError naming the SPEC.md rule it breaks. Pure: time and ids come from `ctx`.
 * A command applies whole or not at all.
 */
export function decideProcess(state: ProcessState, command: ProcessCommand, ctx: DecideContext): ProcessEvent[] {
  switch (command.type) {
    case 'process.create':
    case 'process.update':
    case 'process.addMember':
    case 'process.setRole':
    case 'process.removeMember':
    case 'process.linkEngagement':
    case 'process.unlinkEngagement':
      return decideMembers(state, command, ctx);
    case 'proposal.putForward':
    case 'proposal.update':
    case 'proposal.setStatus':
    case 'proposal.merge':
    case 'proposal.withdraw':
    case 'proposal.addProponent':
    case 'proposal.setConsent':
    case 'proposal.ask':
    case 'proposal.answer':
      return decideProposal(state, command, ctx);
    case 'paper.submit':
    case 'paper.revise':
    case 'paper.publish':
    case 'paper.unpublish':
    case 'feedback.post':
    case 'feedback.hide':
    case 'feedback.show':
      return decidePaper(state, command, ctx);
    default:
      return assertNever(command);
  }
}
