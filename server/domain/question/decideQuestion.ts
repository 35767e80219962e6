import type { CommandOf } from '../commands.js';
import type { DecideContext } from '../context.js';
import { notFound, violation } from '../errors.js';
import { assertNever, type EngagementEvent, type QuestionRecord } from '../events.js';
import type { EngagementState, Question } from '../state.js';
import { agendaItemToBegin } from '../agenda/decideAgenda.js';
import { requireCreated } from '../guards.js';

// Guiding questions: prepared in advance, opened one at a time during the meeting (Q-1..8).

export type QuestionCommand = CommandOf<
  'question.add' | 'question.update' | 'question.remove' | 'question.move' | 'question.open' | 'question.close'
>;

function requireQuestion(state: EngagementState, questionId: string): Question {
  const question = state.questions.find((q) => q.id === questionId);
  if (!question) throw notFound('Q-2', `There is no guiding question ${questionId}. Reload and pick an existing question.`);
  return question;
}

export function decideQuestion(state: EngagementState, command: QuestionCommand, ctx: DecideContext): EngagementEvent[] {
  requireCreated(state);
  const at = ctx.now;
  if (state.status === 'ended')
    throw violation('Q-1', 'The engagement has ended; its guiding questions are part of the record and no longer change.');
  switch (command.type) {
    case 'question.add': {
      const question: QuestionRecord = {
        id: ctx.newId(),
        text: command.text,
        context: command.context ?? null,
        plannedMinutes: command.plannedMinutes ?? null,
      };
      return [{ type: 'question.added', at, question, position: state.questions.length }];
    }
    case 'question.update': {
      const question = requireQuestion(state, command.questionId);
      const changes: Partial<Omit<QuestionRecord, 'id'>> = {};
      if (command.text !== undefined && command.text !== question.text) changes.text = command.text;
      if (command.context !== undefined && command.context !== question.context) changes.context = command.context;
      if (command.plannedMinutes !== undefined && command.plannedMinutes !== question.plannedMinutes)
        changes.plannedMinutes = command.plannedMinutes;
      if (Object.keys(changes).length === 0) throw violation('Q-8', 'Nothing to change: every field given already has that value.');
      return [{ type: 'question.updated', at, questionId: question.id, changes }];
    }
    case 'question.remove': {
      const question = requireQuestion(state, command.questionId);
      if (state.openQuestionId === question.id) throw violation('Q-3', 'This question is open; close it before removing it.');
      const linked =
        Object.values(state.requests).some((r) => r.questionId === question.id) ||
        Object.values(state.inputs).some((i) => i.questionId === question.id) ||
        state.notes.some((n) => n.questionId === question.id);
      if (linked) {
        throw violation(
          'Q-3',
          'Floor requests, notes or written inputs already refer to this question, so it stays in the record. Edit its text instead, or leave it closed.',
        );
      }
      return [{ type: 'question.removed', at, questionId: question.id }];
    }
    case 'question.move': {
      const question = requireQuestion(state, command.questionId);
      return [{ type: 'question.moved', at, questionId: question.id, position: Math.min(command.position, state.questions.length - 1) }];
    }
    case 'question.open': {
      const question = requireQuestion(state, command.questionId);
      if (state.status !== 'open' && state.status !== 'live') {
        throw violation(
          'Q-4',
          'A question can be opened for discussion only once the engagement is open or live. Open the engagement first.',
        );
      }
      if (state.openQuestionId === question.id) throw violation('Q-5', 'This question is already open.');
      // one open question at a time, so opening another first closes the current one.
      const events: EngagementEvent[] = [];
      if (state.openQuestionId) events.push({ type: 'question.closed', at, questionId: state.openQuestionId });
      events.push({ type: 'question.opened', at, questionId: question.id });
      // AGENDA-8: the agenda item linked to this question begins with it, so the agenda records what ran.
      const item = agendaItemToBegin(state, question.id);
      if (item) events.push({ type: 'agenda.begun', at, itemId: item.id, previousItemId: state.currentAgendaItemId });
      return events;
    }
    case 'question.close': {
      const questionId = command.questionId ?? state.openQuestionId;
      if (!questionId) throw violation('Q-6', 'No question is open, so there is nothing to close.');
      const question = requireQuestion(state, questionId);
      if (state.openQuestionId !== question.id) throw violation('Q-6', 'Only the open question can be closed; this one is not open.');
      return [{ type: 'question.closed', at, questionId: question.id }];
    }
    default:
      return assertNever(command);
  }
}
