import type { CommandOf } from '../commands.js';
import type { DecideContext } from '../context.js';
import { notFound, violation } from '../errors.js';
import { assertNever, type AgendaItemRecord, type EngagementEvent } from '../events.js';
import type { AgendaItem, EngagementState } from '../state.js';
import type { AgendaKind } from '../vocabulary.js';
import { requireCreated } from '../guards.js';

// The agenda with planned minutes, and what actually ran (AGENDA-1..7).

export type AgendaCommand = CommandOf<'agenda.add' | 'agenda.update' | 'agenda.remove' | 'agenda.move' | 'agenda.begin'>;

const DEFAULT_TITLES: Record<AgendaKind, string> = {
  opening: 'Opening',
  question: 'Guiding question',
  breakouts: 'Breakouts',
  'report-back': 'Report-back',
  closing: 'Closing',
  other: 'Other business',
};

function requireItem(state: EngagementState, itemId: string): AgendaItem {
  const item = state.agenda.find((i) => i.id === itemId);
  if (!item) throw notFound('AGENDA-3', `There is no agenda item ${itemId}. Reload the agenda and pick an existing item.`);
  return item;
}

function requireQuestionId(state: EngagementState, questionId: string): void {
  if (!state.questions.some((q) => q.id === questionId)) {
    throw violation('AGENDA-2', `An agenda item can link only to an existing guiding question; there is no question ${questionId}.`);
  }
}

/** A title that fits the 200-character limit of titles. */
const titleFrom = (text: string): string => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/** AGENDA-6: the item the Chair begins when opening its question, if it has not begun yet (and the engagement is live). */
export function agendaItemToBegin(state: EngagementState, questionId: string): AgendaItem | null {
  if (state.status !== 'live') return null;
  return state.agenda.find((i) => i.questionId === questionId && i.startedAt === null && i.id !== state.currentAgendaItemId) ?? null;
}

export function decideAgenda(state: EngagementState, command: AgendaCommand, ctx: DecideContext): EngagementEvent[] {
  requireCreated(state);
  const at = ctx.now;
  if (state.status === 'ended')
    throw violation('AGENDA-1', 'The engagement has ended; the agenda now records what ran and no longer changes.');
  switch (command.type) {
    case 'agenda.add': {
      if (command.questionId !== undefined) requireQuestionId(state, command.questionId);
      const question = command.questionId ? state.questions.find((q) => q.id === command.questionId) : undefined;
      const item: AgendaItemRecord = {
        id: ctx.newId(),
        kind: command.kind,
        title: command.title ?? (question ? titleFrom(question.text) : DEFAULT_TITLES[command.kind]),
        plannedMinutes: command.plannedMinutes,
        questionId: command.questionId ?? null,
      };
      const position = Math.min(command.position ?? state.agenda.length, state.agenda.length);
      return [{ type: 'agenda.added', at, item, position }];
    }
    case 'agenda.update': {
      const item = requireItem(state, command.itemId);
      if (command.questionId) requireQuestionId(state, command.questionId);
      const changes: Partial<Omit<AgendaItemRecord, 'id' | 'kind'>> = {};
      if (command.title !== undefined && command.title !== item.title) changes.title = command.title;
      if (command.plannedMinutes !== undefined && command.plannedMinutes !== item.plannedMinutes)
        changes.plannedMinutes = command.plannedMinutes;
      if (command.questionId !== undefined && command.questionId !== item.questionId) changes.questionId = command.questionId;
      if (Object.keys(changes).length === 0) throw violation('AGENDA-5', 'Nothing to change: every field given already has that value.');
      return [{ type: 'agenda.updated', at, itemId: item.id, changes }];
    }
    case 'agenda.remove': {
      const item = requireItem(state, command.itemId);
      if (state.currentAgendaItemId === item.id) {
        throw violation('AGENDA-4', 'This agenda item is running now and cannot be removed. Begin the next item first.');
      }
      return [{ type: 'agenda.removed', at, itemId: item.id }];
    }
    case 'agenda.move': {
      const item = requireItem(state, command.itemId);
      const position = Math.min(command.position, state.agenda.length - 1);
      return [{ type: 'agenda.moved', at, itemId: item.id, position }];
    }
    case 'agenda.begin': {
      const item = requireItem(state, command.itemId);
      if (state.status !== 'live')
        throw violation('AGENDA-6', 'An agenda item can begin only while the engagement is live. Start the engagement first.');
      if (item.startedAt !== null) {
        throw violation(
          'AGENDA-7',
          `"${item.title}" has already ${state.currentAgendaItemId === item.id ? 'begun' : 'run'}; an item runs once. Add another item to return to it.`,
        );
      }
      return [{ type: 'agenda.begun', at, itemId: item.id, previousItemId: state.currentAgendaItemId }];
    }
    default:
      return assertNever(command);
  }
}
