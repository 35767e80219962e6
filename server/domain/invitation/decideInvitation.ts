import type { CommandOf } from '../commands.js';
import type { DecideContext } from '../context.js';
import { notFound, violation } from '../errors.js';
import { assertNever, type EngagementEvent, type ParticipantRecord } from '../events.js';
import type { EngagementState, Invitation } from '../state.js';
import { requireCreated } from '../guards.js';
import { participantOfUser } from '../participant/participantOfUser.js';

// Invitation codes bind their holder to one engagement and one role (INV-1..5). Only the code's sha256
// is ever stored (AUTH-3); redemption failures all look the same, so a code cannot be probed (INV-4).

export type InvitationCommand = CommandOf<'invitation.create' | 'invitation.revoke' | 'invitation.redeem'>;

/** INV-4: one message whatever the reason (unknown, revoked, used, expired, holder already a participant). */
export const INVITATION_NOT_VALID = "This invitation code is not valid. Ask the Chair's team for a new invitation.";

const isLive = (inv: Invitation, now: string): boolean =>
  inv.revokedAt === null && inv.redeemedAt === null && Date.parse(inv.expiresAt) > Date.parse(now);

export function decideInvitation(state: EngagementState, command: InvitationCommand, ctx: DecideContext): EngagementEvent[] {
  requireCreated(state);
  const at = ctx.now;
  switch (command.type) {
    case 'invitation.create': {
      if (Date.parse(command.expiresAt) <= Date.parse(at)) throw violation('INV-1', 'The expiry of an invitation must be in the future.');
      const { type: _type, role, codeHash, expiresAt, ...profile } = command;
      const cleaned = Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined && v !== ''));
      return [{ type: 'invitation.created', at, invitationId: ctx.newId(), role, codeHash, expiresAt, profile: cleaned }];
    }
    case 'invitation.revoke': {
      const inv = state.invitations[command.invitationId];
      if (!inv) throw notFound('INV-2', `There is no invitation ${command.invitationId}.`);
      if (inv.revokedAt !== null) throw violation('INV-2', 'This invitation is already revoked.');
      if (inv.redeemedAt !== null) {
        throw violation(
          'INV-2',
          "This invitation was already used, so revoking it changes nothing. Change the participant's role or registration instead.",
        );
      }
      return [{ type: 'invitation.revoked', at, invitationId: inv.id }];
    }
    case 'invitation.redeem': {
      const inv = state.invitations[command.invitationId];
      const taken = participantOfUser(state.participants, command.userId) !== undefined;
      if (!inv || !isLive(inv, at) || taken) throw violation('INV-4', INVITATION_NOT_VALID);
      const participant: ParticipantRecord = {
        id: ctx.newId(),
        userId: command.userId,
        role: inv.role,
        // The Chair's team named the invitee; the holder's own name fills in what they left out.
        displayName: inv.profile.displayName || command.displayName,
        organization: inv.profile.organization ?? '',
        category: inv.profile.category ?? (inv.role === 'delegation' ? 'member-state' : 'other'),
        region: inv.profile.region ?? null,
        country: inv.profile.country ?? null,
        accreditation: inv.profile.accreditation ?? null,
      };
      return [{ type: 'invitation.redeemed', at, invitationId: inv.id, participant }];
    }
    default:
      return assertNever(command);
  }
}
