import { assertNever, type EventOf } from '../events.js';
import type { EngagementState } from '../state.js';
import { put } from '../foldOwnership.js';

export type EngagementLifeEvent = EventOf<
  'engagement.created' | 'engagement.updated' | 'engagement.opened' | 'engagement.started' | 'engagement.ended'
>;

export function evolveEngagement(state: EngagementState, event: EngagementLifeEvent): EngagementState {
  switch (event.type) {
    case 'engagement.created':
      return {
        ...state,
        id: event.engagementId,
        createdAt: event.at,
        settings: { ...event.settings },
        participants: put(state.participants, event.chair.id, {
          ...event.chair,
          status: 'approved',
          registeredAt: event.at,
          decidedAt: event.at,
          declineReason: null,
          invitationId: null,
        }),
      };
    case 'engagement.updated':
      return { ...state, settings: { ...state.settings, ...event.changes } };
    case 'engagement.opened':
      return { ...state, status: 'open' };
    case 'engagement.started':
      return { ...state, status: 'live', startedAt: event.at };
    case 'engagement.ended': {
      // LIFE-3: the running agenda item ends with the engagement.
      const current = state.currentAgendaItemId;
      const agenda = current
        ? state.agenda.map((item) => (item.id === current && item.endedAt === null ? { ...item, endedAt: event.at } : item))
        : state.agenda;
      return { ...state, status: 'ended', endedAt: event.at, agenda, currentAgendaItemId: null };
    }
    default:
      return assertNever(event);
  }
}
