import { assertNever, type EventOf } from '../events.js';
import type { EngagementState, Invitation } from '../state.js';
import { put } from '../foldOwnership.js';

export type InvitationEvent = EventOf<'invitation.created' | 'invitation.revoked' | 'invitation.redeemed'>;

export function evolveInvitation(state: EngagementState, event: InvitationEvent): EngagementState {
  switch (event.type) {
    case 'invitation.created': {
      const invitation: Invitation = {
        id: event.invitationId,
        role: event.role,
        expiresAt: event.expiresAt,
        createdAt: event.at,
        profile: { ...event.profile },
        redeemedAt: null,
        redeemedBy: null,
        revokedAt: null,
      };
      // VIEW-7: a redacted event arrives without the hash; the field then stays absent.
      if (event.codeHash !== undefined) invitation.codeHash = event.codeHash;
      return { ...state, invitations: put(state.invitations, invitation.id, invitation) };
    }
    case 'invitation.revoked': {
      const inv = state.invitations[event.invitationId];
      if (!inv) return state;
      return { ...state, invitations: put(state.invitations, inv.id, { ...inv, revokedAt: event.at }) };
    }
    case 'invitation.redeemed': {
      const inv = state.invitations[event.invitationId];
      const invitations = inv
        ? put(state.invitations, inv.id, { ...inv, redeemedAt: event.at, redeemedBy: event.participant.id })
        : state.invitations;
      return {
        ...state,
        invitations,
        participants: put(state.participants, event.participant.id, {
          ...event.participant,
          status: 'approved',
          registeredAt: event.at,
          decidedAt: event.at,
          declineReason: null,
          invitationId: event.invitationId,
        }),
      };
    }
    default:
      return assertNever(event);
  }
}
