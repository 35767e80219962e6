// Invitation codes bind their holder to one engagement and one role (INV-1..5). Only the code's sha256
// is ever stored (AUTH-3); redemption failures all look the same, so a code cannot be probed (INV-4).
export { decideInvitation, INVITATION_NOT_VALID, type InvitationCommand } from './decideInvitation.js';
export { evolveInvitation, type InvitationEvent } from './evolveInvitation.js';
