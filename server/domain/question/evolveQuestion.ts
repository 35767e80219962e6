import { assertNever, type EventOf } from '../events.js';
import type { EngagementState, Question } from '../state.js';
import { insertAt, moveTo } from '../guards.js';

export type QuestionEvent = EventOf<
  'question.added' | 'question.updated' | 'question.removed' | 'question.moved' | 'question.opened' | 'question.closed'
>;

export function evolveQuestion(state: EngagementState, event: QuestionEvent): EngagementState {
  const update = (questionId: string, change: Partial<Question>): Question[] =>
    state.questions.map((q) => (q.id === questionId ? { ...q, ...change } : q));
  switch (event.type) {
    case 'question.added':
      return {
        ...state,
        questions: insertAt(state.questions, { ...event.question, status: 'draft', openedAt: null, closedAt: null }, event.position),
      };
    case 'question.updated':
      return { ...state, questions: update(event.questionId, event.changes) };
    case 'question.removed':
      return {
        ...state,
        questions: state.questions.filter((q) => q.id !== event.questionId),
        // an agenda item that linked to the removed question stays, unlinked.
        agenda: state.agenda.some((i) => i.questionId === event.questionId)
          ? state.agenda.map((i) => (i.questionId === event.questionId ? { ...i, questionId: null } : i))
          : state.agenda,
      };
    case 'question.moved':
      return { ...state, questions: moveTo(state.questions, (q) => q.id === event.questionId, event.position) };
    case 'question.opened':
      return {
        ...state,
        questions: update(event.questionId, { status: 'open', openedAt: event.at, closedAt: null }),
        openQuestionId: event.questionId,
      };
    case 'question.closed':
      return {
        ...state,
        questions: update(event.questionId, { status: 'closed', closedAt: event.at }),
        openQuestionId: state.openQuestionId === event.questionId ? null : state.openQuestionId,
      };
    default:
      return assertNever(event);
  }
}
