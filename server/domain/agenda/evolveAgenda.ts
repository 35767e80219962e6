import { assertNever, type EventOf } from '../events.js';
import type { EngagementState } from '../state.js';
import { insertAt, moveTo } from '../guards.js';

export type AgendaEvent = EventOf<'agenda.added' | 'agenda.updated' | 'agenda.removed' | 'agenda.moved' | 'agenda.begun'>;

export function evolveAgenda(state: EngagementState, event: AgendaEvent): EngagementState {
  switch (event.type) {
    case 'agenda.added':
      return { ...state, agenda: insertAt(state.agenda, { ...event.item, startedAt: null, endedAt: null }, event.position) };
    case 'agenda.updated':
      return { ...state, agenda: state.agenda.map((i) => (i.id === event.itemId ? { ...i, ...event.changes } : i)) };
    case 'agenda.removed':
      return {
        ...state,
        agenda: state.agenda.filter((i) => i.id !== event.itemId),
        currentAgendaItemId: state.currentAgendaItemId === event.itemId ? null : state.currentAgendaItemId,
      };
    case 'agenda.moved':
      return { ...state, agenda: moveTo(state.agenda, (i) => i.id === event.itemId, event.position) };
    case 'agenda.begun':
      return {
        ...state,
        agenda: state.agenda.map((i) => {
          if (i.id === event.itemId) return { ...i, startedAt: event.at };
          if (event.previousItemId !== null && i.id === event.previousItemId && i.endedAt === null) return { ...i, endedAt: event.at };
          return i;
        }),
        currentAgendaItemId: event.itemId,
      };
    default:
      return assertNever(event);
  }
}
