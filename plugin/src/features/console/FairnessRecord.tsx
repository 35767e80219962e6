import { Body1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title3 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import type { EngagementState } from '../../../../server/domain/index.js';
import { fairness } from '../../../../server/domain/floor/fairness.js';
import { formatClock } from '../../live/countdown.js';
import { nameOf } from '../shared/selectors.js';

/** FLOOR-17: who was heard how often and for how long, per constituency and per participant. */
export function FairnessRecord({ state, now }: { state: EngagementState; now: number }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const record = fairness(state, new Date(now).toISOString());
  const groups = Object.entries(record.byConstituency) as [string, { timesHeard: number; secondsUsed: number; participants: number }][];
  return (
    <section aria-labelledby="fair-h" className={layout.stack}>
      <Title3 as="h2" id="fair-h">
        {t('console.fairness.title')}
      </Title3>
      <Table size="small" aria-label={t('console.fairness.perConstituency')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('console.fairness.constituency')}</TableHeaderCell>
            <TableHeaderCell>{t('console.fairness.timesHeard')}</TableHeaderCell>
            <TableHeaderCell>{t('console.fairness.participantsHeard')}</TableHeaderCell>
            <TableHeaderCell>{t('console.fairness.speakingTime')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {groups.map(([key, g]) => (
            <TableRow key={key}>
              <TableCell>{key === 'member-states' ? t('console.fairness.memberStates') : t('console.fairness.stakeholders')}</TableCell>
              <TableCell>{g.timesHeard}</TableCell>
              <TableCell>{g.participants}</TableCell>
              <TableCell>{formatClock(g.secondsUsed)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {record.participants.length === 0 ? (
        <Body1 as="p">{t('console.fairness.nobody')}</Body1>
      ) : (
        <Table size="small" aria-label={t('console.fairness.perParticipant')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('console.fairness.participant')}</TableHeaderCell>
              <TableHeaderCell>{t('console.fairness.timesHeard')}</TableHeaderCell>
              <TableHeaderCell>{t('console.fairness.speakingTime')}</TableHeaderCell>
              <TableHeaderCell>{t('console.fairness.waiting')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {record.participants.map((p) => (
              <TableRow key={p.participantId}>
                <TableCell>{nameOf(state.participants[p.participantId])}</TableCell>
                <TableCell>{p.timesHeard}</TableCell>
                <TableCell>{formatClock(p.secondsUsed)}</TableCell>
                <TableCell>{p.waiting}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
