import {
  Badge,
  Body1,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { roleLabel } from '../shared/labels.js';
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

const COLOR: Record<InvitationStatus, 'informative' | 'success' | 'subtle' | 'warning'> = {
  waiting: 'informative',
  used: 'success',
  revoked: 'subtle',
  expired: 'warning',
};

export function InvitationList({ state, now, commands }: { state: EngagementState; now: number; commands: CommandRunner }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const invitations = Object.values(state.invitations).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  if (invitations.length === 0) return <Body1 as="p">{t('console.invitations.noneSent')}</Body1>;
  return (
    <section aria-labelledby="inv-list-h" className={layout.scroll}>
      <Title3 as="h2" id="inv-list-h">
        {t('console.invitations.sent')}
      </Title3>
      <Table size="small" aria-labelledby="inv-list-h">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('console.invitations.invitee')}</TableHeaderCell>
            <TableHeaderCell>{t('console.invitations.roleColumn')}</TableHeaderCell>
            <TableHeaderCell>{t('console.invitations.statusColumn')}</TableHeaderCell>
            <TableHeaderCell>{t('console.invitations.action')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {invitations.map((invitation) => {
            const status = invitationStatus(invitation, now);
            const who =
              [invitation.profile.displayName, invitation.profile.organization].filter(Boolean).join(', ') ||
              t('console.invitations.anyone');
            return (
              <TableRow key={invitation.id} data-testid="invitation-row">
                <TableCell>{who}</TableCell>
                <TableCell>{roleLabel(invitation.role)}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={COLOR[status]}>
                    {t(`console.invitations.status.${status}`)}
                  </Badge>
                </TableCell>
                <TableCell>
                  {status === 'waiting' && (
                    <Button
                      size="small"
                      disabledFocusable={commands.busy}
                      aria-label={t('console.invitations.revokeNamed', { who })}
                      onClick={() => void commands.run({ type: 'invitation.revoke', invitationId: invitation.id })}
                    >
                      {t('console.invitations.revoke')}
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
