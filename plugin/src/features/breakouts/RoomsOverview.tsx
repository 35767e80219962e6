import { Badge, Body1, Caption1, makeStyles, mergeClasses, Title3, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import type { EngagementState } from '../../../../server/domain/index.js';
import { occupancy, type BreakoutRound } from '../../../../server/domain/breakouts/index.js';
import { attendanceOf } from './breakoutsOf.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { useHost } from '../../host/HostProvider.js';
import { browserUrlOf, JoinRoom, TeamsMediaNote } from './JoinRoom.js';
import { RapporteurReportForm } from './RapporteurReportForm.js';
import { ReportView } from './ReportView.js';

const useStyles = makeStyles({
  // The rooms side by side where each can be 16.25rem wide (it grows with the text size), one a line otherwise.
  rooms: {
    listStyleType: 'none',
    padding: 0,
    margin: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(16.25rem, 100%), 1fr))',
  },
  roomsCompact: { gridTemplateColumns: 'minmax(0, 1fr)' },
  room: {
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusXLarge,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
});

/** Each room at a glance for staff: who leads it, how full it is, who is in it now, its report; enter any room, report for it. */
export function RoomsOverview({
  state,
  round,
  displayName,
  compact,
  commands,
}: {
  state: EngagementState;
  round: BreakoutRound;
  displayName: string;
  compact: boolean;
  commands: CommandRunner;
}) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { t } = useTranslation();
  const host = useHost();
  const attendance = attendanceOf(round);
  const name = (id: string | null) => (id ? (state.participants[id]?.displayName ?? t('bconsole.overview.someone')) : null);
  const question = (id: string | null) => (id ? state.questions.findIndex((q) => q.id === id) : -1);
  return (
    <section aria-labelledby={`rooms-h-${round.id}`} className={layout.stack}>
      <Title3 block as="h3" id={`rooms-h-${round.id}`}>
        {t('bconsole.overview.title')}
      </Title3>
      {host.mode === 'teams' && round.status === 'running' && <TeamsMediaNote browserUrl={browserUrlOf(state.id, compact)} />}
      <ul className={mergeClasses(styles.rooms, compact && styles.roomsCompact)}>
        {round.rooms.map((room) => {
          const q = question(room.questionId);
          const present = attendance ? (attendance[room.id] ?? []) : undefined;
          const report = round.reports[room.id];
          return (
            <li key={room.id} className={styles.room}>
              <Body1 className={layout.strong}>{t('bconsole.overview.roomName', { index: room.index, theme: room.theme })}</Body1>
              {q >= 0 && <Caption1>{t('bconsole.overview.onQuestion', { number: q + 1, text: state.questions[q].text })}</Caption1>}
              <Caption1>
                {t('bconsole.overview.leads', {
                  facilitator: name(room.facilitatorId) ?? t('bconsole.overview.none'),
                  rapporteur: name(room.rapporteurId) ?? t('bconsole.overview.none'),
                })}
              </Caption1>
              <Caption1>
                {t('bconsole.overview.assigned', { count: occupancy(round, room.id), capacity: room.capacity })}
                {present &&
                  (present.length
                    ? t('bconsole.overview.present', { count: present.length, names: present.map((id) => name(id) ?? id).join(', ') })
                    : t('bconsole.overview.presentNone'))}
              </Caption1>
              {report ? (
                <Badge appearance="tint" color="success">
                  {t('bconsole.overview.reportFiled', { revision: report.revision })}
                </Badge>
              ) : round.status === 'ended' && room.rapporteurId ? (
                <Badge appearance="tint" color="warning">
                  {t('bconsole.overview.reportAwaited')}
                </Badge>
              ) : null}
              {report && <ReportView report={report} theme={room.theme} />}
              {round.status !== 'planned' && (
                // BREAKOUT-19: staff may report for a room too (no rapporteur, or one who could not file).
                <details>
                  <summary>{report ? t('bconsole.overview.revise') : t('bconsole.overview.write')}</summary>
                  <RapporteurReportForm roundId={round.id} room={room} existing={report ?? null} commands={commands} />
                </details>
              )}
              {round.status === 'running' && (
                <JoinRoom
                  engagementId={state.id}
                  roomId={room.id}
                  theme={room.theme}
                  displayName={displayName}
                  compact={compact}
                  label={t('bconsole.overview.enter')}
                  teamsNote={false}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
