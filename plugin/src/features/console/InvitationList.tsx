import { Badge, Body1, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title3 } from '@fluentui/react-components';
import type { EngagementState, Invitation } from '../../../../server/domain/index.js';
import type { CommandRunner } from '../../components/useCommand.js';

// The invitations sent for this engagement and what became of each. A link that was not used yet can be
// revoked (INV rules): the code then stops working, for example when it went to the wrong address.

type InvitationStatus = 'waiting' | 'used' | 'revoked' | 'expired';

export function invitationStatus(invitation: Invitation, nowMs: number): InvitationStatus {
  if (invitation.revokedAt) return 'revoked';
  if (invitation.redeemedAt) return 'used';
  if (Date.parse(invitation.expiresAt) <= nowMs) return 'expired';
  return 'waiting';
}

const LABEL: Record<InvitationStatus, { text: string; color: 'informative' | 'success' | 'subtle' | 'warning' }> = {
  waiting: { text: 'Not used yet', color: 'informative' },
  used: { text: 'Used', color: 'success' },
  revoked: { text: 'Revoked', color: 'subtle' },
  expired: { text: 'Expired', color: 'warning' },
};

export function InvitationList({ state, now, commands }: { state: EngagementState; now: number; commands: CommandRunner }) {
  const invitations = Object.values(state.invitations).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  if (invitations.length === 0) return <Body1 as="p">No invitation sent yet.</Body1>;
  return (
    <section aria-labelledby="inv-list-h" style={{ display: 'grid', gap: 8, overflowX: 'auto' }}>
      <Title3 as="h3" id="inv-list-h">
        Invitations sent
      </Title3>
      <Table size="small" aria-labelledby="inv-list-h">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Invitee</TableHeaderCell>
            <TableHeaderCell>Role</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Action</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {invitations.map((invitation) => {
            const status = invitationStatus(invitation, now);
            const who = [invitation.profile.displayName, invitation.profile.organization].filter(Boolean).join(', ') || 'Anyone with the link';
            return (
              <TableRow key={invitation.id} data-testid="invitation-row">
                <TableCell>{who}</TableCell>
                <TableCell>{invitation.role}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={LABEL[status].color}>
                    {LABEL[status].text}
                  </Badge>
                </TableCell>
                <TableCell>
                  {status === 'waiting' && (
                    <Button
                      size="small"
                      disabled={commands.busy}
                      aria-label={`Revoke the invitation for ${who}`}
                      onClick={() => void commands.run({ type: 'invitation.revoke', invitationId: invitation.id })}
                    >
                      Revoke
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}
