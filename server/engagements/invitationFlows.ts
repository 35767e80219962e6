// Invitations through the write path: a code is created at random and only its hash is stored (the code is
// shown once); redeeming it finds the engagement by that hash (engagementIndexes.ts) and issues the internal
// `invitation.redeem` as the system.
import { randomBytes } from 'node:crypto';
import { AppError } from '../appError.js';
import type { Clock } from '../clock.js';
import type { CommandOf } from '../domain/commands.js';
import { sha256Hex } from './commandFingerprint.js';
import type { CommandIntake } from './commandIntake.js';
import type { EngagementIndexes } from './engagementIndexes.js';
import type { CommandResult, EngagementService, RedeemedInvitation } from './EngagementService.js';
import type { EngagementInMemory } from './groupCommit.js';

/** INV-4: unknown, expired, used and revoked codes all get these words, so a code cannot be probed. */
const INVITATION_REFUSED = "This invitation code is not valid. Ask the Chair's team for a new invitation.";
const CODE_BYTES = 24;
const DAY_MS = 24 * 60 * 60 * 1000;

export function createInvitationFlows(deps: {
  engagements: ReadonlyMap<string, EngagementInMemory>;
  indexes: EngagementIndexes;
  intake: CommandIntake;
  clock: Clock;
  /** Default lifetime of an invitation (default 14 days). */
  invitationDays?: number;
  /**
   * Several instances: the engagement of a code hash this instance does not know, looked up in the log and
   * loaded (null when none). Single use holds across instances through the write path: each redemption
   * catches up from the log before it is decided, so the second one meets INV-3.
   */
  findElsewhere?: (codeHash: string) => Promise<string | null>;
}): Pick<EngagementService, 'createInvitation' | 'redeemInvitation'> {
  const { engagements, indexes, intake, clock } = deps;
  return {
    async createInvitation(engagementId, user, input) {
      const code = randomBytes(CODE_BYTES).toString('base64url');
      const expiresAt = input.expiresAt ?? new Date(clock.now().getTime() + (deps.invitationDays ?? 14) * DAY_MS).toISOString();
      const command = {
        type: 'invitation.create',
        ...definedOnly(input),
        codeHash: sha256Hex(code),
        expiresAt,
      } as CommandOf<'invitation.create'>;
      const result = await intake.submit(
        engagementId,
        { kind: 'user', userId: user.userId, displayName: user.displayName },
        command,
        {},
        true,
      );
      const created = result.events.find((e) => e.type === 'invitation.created');
      if (!created || created.type !== 'invitation.created') throw new AppError('INTERNAL', 'The invitation was not recorded.');
      return { invitationId: created.invitationId, code, expiresAt };
    },

    async redeemInvitation(code, displayName) {
      const refused = () => new AppError('UNAUTHENTICATED', INVITATION_REFUSED);
      const codeHash = sha256Hex(code);
      let engagementId = indexes.byCodeHash.get(codeHash);
      // Several instances: a code created on another one that this one has not heard of yet.
      if (!engagementId && deps.findElsewhere) {
        const found = await deps.findElsewhere(codeHash);
        if (found) engagementId = found;
      }
      const entry = engagementId ? engagements.get(engagementId) : undefined;
      const invitation = entry ? Object.values(entry.state.invitations).find((inv) => inv.codeHash === codeHash) : undefined;
      if (!entry || !invitation) throw refused();
      const name = (invitation.profile.displayName || displayName?.trim() || 'Guest').slice(0, 120);
      const userId = `inv:${invitation.id}`;
      let result: CommandResult;
      try {
        const redeem = { type: 'invitation.redeem', invitationId: invitation.id, userId, displayName: name } as const;
        result = await intake.submit(entry.id, { kind: 'system' }, redeem, {}, true);
      } catch (error) {
        if (error instanceof AppError && (error.code === 'RULE_VIOLATION' || error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN'))
          throw refused();
        throw error;
      }
      const redeemed = result.events.find((e) => e.type === 'invitation.redeemed');
      if (!redeemed || redeemed.type !== 'invitation.redeemed') throw refused();
      const answer: RedeemedInvitation = {
        engagementId: entry.id,
        role: redeemed.participant.role,
        participantId: redeemed.participant.id,
        user: { userId, displayName: redeemed.participant.displayName },
      };
      return answer;
    },
  };
}

export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
