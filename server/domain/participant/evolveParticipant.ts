import { assertNever, type EventOf } from '../events.js';
import type { EngagementState, Participant } from '../state.js';
import { append, put } from '../foldOwnership.js';

export type ParticipantEvent = EventOf<
  'participant.registered' | 'participant.approved' | 'participant.declined' | 'participant.roleChanged' | 'participant.objected'
>;

export function evolveParticipant(state: EngagementState, event: ParticipantEvent): EngagementState {
  switch (event.type) {
    case 'participant.registered':
      return {
        ...state,
        participants: put(state.participants, event.participant.id, {
          ...event.participant,
          status: 'pending',
          registeredAt: event.at,
          decidedAt: null,
          declineReason: null,
          invitationId: null,
        }),
      };
    case 'participant.approved': {
      // A viewer who never saw the registration (VIEW-3) adds the participant from the profile carried here.
      const existing = state.participants[event.participantId];
      const base: Participant = existing ?? {
        id: event.participantId,
        ...event.profile,
        role: event.role,
        status: 'pending',
        registeredAt: event.registeredAt ?? event.at,
        decidedAt: null,
        declineReason: null,
        invitationId: null,
      };
      return {
        ...state,
        participants: put(state.participants, event.participantId, { ...base, role: event.role, status: 'approved', decidedAt: event.at }),
      };
    }
    case 'participant.declined': {
      const p = state.participants[event.participantId];
      if (!p) return state;
      return {
        ...state,
        participants: put(state.participants, p.id, { ...p, status: 'declined', decidedAt: event.at, declineReason: event.reason }),
      };
    }
    case 'participant.roleChanged': {
      const p = state.participants[event.participantId];
      if (!p) return state;
      return { ...state, participants: put(state.participants, p.id, { ...p, role: event.role }) };
    }
    case 'participant.objected':
      return {
        ...state,
        objections: append(state.objections, {
          id: event.objectionId,
          participantId: event.participantId,
          byParticipantId: event.byParticipantId,
          reason: event.reason,
          at: event.at,
        }),
      };
    default:
      return assertNever(event);
  }
}
