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
import type { EngagementState } from '../../../../server/domain/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { accreditationLabel, categoryLabel, regionLabel, roleLabel } from '../shared/labels.js';

/** Registrations to approve or decline, with the objections delegations recorded. */
export function Registrations({ state, commands }: { state: EngagementState; commands: CommandRunner }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const people = Object.values(state.participants).sort((a, b) => (a.status === 'pending' ? -1 : 0) - (b.status === 'pending' ? -1 : 0));
  return (
    <section aria-labelledby="reg-h" className={layout.stack}>
      <Title3 as="h2" id="reg-h">
        {t('console.registrations.title')}
      </Title3>
      {people.length === 0 ? (
        <Body1 as="p">{t('console.registrations.none')}</Body1>
      ) : (
        <Table size="small" aria-label={t('console.registrations.table')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('console.registrations.name')}</TableHeaderCell>
              <TableHeaderCell>{t('console.registrations.categoryRegion')}</TableHeaderCell>
              <TableHeaderCell>{t('console.registrations.accreditation')}</TableHeaderCell>
              <TableHeaderCell>{t('console.registrations.status')}</TableHeaderCell>
              <TableHeaderCell>{t('console.registrations.decision')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {people.map((p) => {
              const objections = state.objections.filter((o) => o.participantId === p.id);
              return (
                <TableRow key={p.id} data-testid="participant-row">
                  <TableCell>
                    <strong>{p.displayName}</strong>
                    {p.organization ? ` — ${p.organization}` : ''} ({roleLabel(p.role)})
                    {objections.map((o) => (
                      <Body1 as="p" key={o.id} className={layout.under}>
                        {t('console.registrations.objectionBy', {
                          name: state.participants[o.byParticipantId]?.displayName ?? t('console.registrations.aDelegation'),
                          reason: o.reason,
                        })}
                      </Body1>
                    ))}
                  </TableCell>
                  <TableCell>
                    {categoryLabel(p.category)}
                    {p.region ? `, ${regionLabel(p.region)}` : ''}
                    {p.country ? `, ${p.country}` : ''}
                  </TableCell>
                  <TableCell>{p.accreditation ? accreditationLabel(p.accreditation) : '—'}</TableCell>
                  <TableCell>
                    <Badge color={p.status === 'approved' ? 'success' : p.status === 'declined' ? 'danger' : 'warning'}>
                      {t(`console.registrations.participantStatus.${p.status}`)}
                    </Badge>
                    {objections.length > 0 && (
                      <Badge color="danger" appearance="outline" className={layout.spaced}>
                        {t('console.registrations.objections', { count: objections.length })}
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell>
                    {p.role !== 'chair' && p.status !== 'approved' && (
                      <Button
                        size="small"
                        appearance="primary"
                        disabledFocusable={commands.busy}
                        onClick={() => void commands.run({ type: 'participant.approve', participantId: p.id })}
                        aria-label={t('console.registrations.approveNamed', { name: p.displayName })}
                      >
                        {t('console.registrations.approve')}
                      </Button>
                    )}{' '}
                    {p.role !== 'chair' && p.status !== 'declined' && (
                      <Button
                        size="small"
                        disabledFocusable={commands.busy}
                        onClick={() => void commands.run({ type: 'participant.decline', participantId: p.id })}
                        aria-label={t('console.registrations.declineNamed', { name: p.displayName })}
                      >
                        {t('console.registrations.decline')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
