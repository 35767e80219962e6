import { assertNever, type EngagementEvent } from './events.js';
import { evolveBreakouts, isBreakoutEvent } from './breakouts/index.js';
import { evolveSummary, isSummaryEvent } from './summaryReview/index.js';
import { evolveAgenda } from './agenda/index.js';
import { evolveEngagement } from './engagement/index.js';
import { evolveFloor, isFloorEvent } from './floor/index.js';
import { evolveInput } from './input/index.js';
import { evolveInvitation } from './invitation/index.js';
import { evolveNote } from './note/index.js';
import { evolveParticipant } from './participant/index.js';
import { evolveQuestion } from './question/index.js';
import type { EngagementState } from './state.js';

/**
 * Folds one event into the state. Pure and total: every stored event type is handled, and an event whose
 * subject a projected view does not hold (VIEW rules) changes nothing rather than failing, because the
 * tab folds redacted events into its own view with this same function. Start-up resumes from stored
 * snapshots of its result: bump STATE_SCHEMA_VERSION (stateSchemaVersion.ts) when the state shape or
 * evolve's meaning changes.
 *
 * Routed as `decide` routes commands: the slices with a guard of their own first, then one case per event
 * type of each smaller slice.
 */
export function evolve(state: EngagementState, event: EngagementEvent): EngagementState {
  if (isBreakoutEvent(event)) return evolveBreakouts(state, event);
  if (isSummaryEvent(event)) return evolveSummary(state, event);
  if (isFloorEvent(event)) return evolveFloor(state, event);
  switch (event.type) {
    case 'engagement.created':
    case 'engagement.updated':
    case 'engagement.opened':
    case 'engagement.started':
    case 'engagement.ended':
      return evolveEngagement(state, event);
    case 'agenda.added':
    case 'agenda.updated':
    case 'agenda.removed':
    case 'agenda.moved':
    case 'agenda.begun':
      return evolveAgenda(state, event);
    case 'question.added':
    case 'question.updated':
    case 'question.removed':
    case 'question.moved':
    case 'question.opened':
    case 'question.closed':
      return evolveQuestion(state, event);
    case 'participant.registered':
    case 'participant.approved':
    case 'participant.declined':
    case 'participant.roleChanged':
    case 'participant.objected':
      return evolveParticipant(state, event);
    case 'invitation.created':
    case 'invitation.revoked':
    case 'invitation.redeemed':
      return evolveInvitation(state, event);
    case 'note.added':
      return evolveNote(state, event);
    case 'input.submitted':
    case 'input.withdrawn':
      return evolveInput(state, event);
    default:
      return assertNever(event);
  }
}
