import { Body1, MessageBar, MessageBarBody, Title3 } from '@fluentui/react-components';
import { Trans, useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { ErrorBar } from '../../components/ErrorBar.js';
import { useSectionCommands, type SectionProps } from '../../components/sectionProps.js';
import { BroadcastBanner } from './BroadcastBanner.js';
import { breakoutsOf, currentRound } from './breakoutsOf.js';
import { FinalMinuteNotice } from './FinalMinuteNotice.js';
import { JoinRoom } from './JoinRoom.js';
import { RapporteurReportForm } from './RapporteurReportForm.js';
import { RoomChooser } from './RoomChooser.js';
import { RoundCountdown } from './RoundCountdown.js';

/**
 * The participant's breakout card, one column for the 280–320 px side panel: choose a room (or state
 * preferences), see one's room and its time, hear the Chair's messages, join on LiveKit, and — for the
 * rapporteur — file the room's report. Renders nothing while no round is planned.
 */
export function BreakoutsPanel({ state, me, serverNow, commands: given }: SectionProps) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const commands = useSectionCommands(state.id, given);
  const round = currentRound(breakoutsOf(state));
  if (!round || !me?.participantId || me.status !== 'approved') return null;
  const self = state.participants[me.participantId];
  const mineId = round.assignment[me.participantId] ?? null;
  const mine = mineId ? (round.rooms.find((r) => r.id === mineId) ?? null) : null;
  const rapporteurOf = round.rooms.find((r) => r.rapporteurId === me.participantId) ?? null;
  const questionText = (id: string | null) => (id ? state.questions.find((q) => q.id === id)?.text : undefined);
  const canChoose = round.mode === 'self-select' ? round.status !== 'ended' : round.mode === 'balanced' && round.status === 'planned';
  const headingId = `breakouts-h-${round.id}`;
  return (
    <section aria-labelledby={headingId} className={layout.card}>
      <header>
        <Title3 block as="h2" id={headingId}>
          {round.title ? t('breakouts.titleNamed', { title: round.title }) : t('breakouts.title')}
        </Title3>
        <Body1 block as="p" className={layout.plain}>
          {round.status === 'planned' && t('breakouts.planned', { count: round.rooms.length, minutes: round.durationMinutes })}
          {round.status === 'running' && t('breakouts.running')}
          {round.status === 'ended' && t('breakouts.ended')}
        </Body1>
      </header>
      {!given && <ErrorBar message={commands.error} onDismiss={commands.clearError} />}
      {round.status === 'running' && (
        <>
          <RoundCountdown round={round} serverNow={serverNow} />
          <FinalMinuteNotice round={round} serverNow={serverNow} />
        </>
      )}
      <BroadcastBanner round={round} />
      {mine ? (
        <div className={layout.stackTight}>
          <Body1 block as="p" className={layout.plain}>
            <Trans t={t} i18nKey="breakouts.yourRoom" values={{ theme: mine.theme }} components={{ strong: <strong /> }} />
          </Body1>
          {questionText(mine.questionId) && (
            <Body1 block as="p" className={layout.plain}>
              {t('breakouts.onQuestion', { question: questionText(mine.questionId) })}
            </Body1>
          )}
          {mine.facilitatorId && (
            <Body1 block as="p" className={layout.plain}>
              {t('breakouts.facilitator', { name: state.participants[mine.facilitatorId]?.displayName ?? t('breakouts.namedByChair') })}
            </Body1>
          )}
          {mine.rapporteurId && (
            <Body1 block as="p" className={layout.plain}>
              {t('breakouts.rapporteur', {
                name:
                  mine.rapporteurId === me.participantId
                    ? t('breakouts.you')
                    : (state.participants[mine.rapporteurId]?.displayName ?? t('breakouts.namedByChair')),
              })}
            </Body1>
          )}
        </div>
      ) : round.status === 'running' && round.mode !== 'self-select' ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('breakouts.noRoom')}</MessageBarBody>
        </MessageBar>
      ) : round.mode === 'manual' && round.status === 'planned' ? (
        <Body1 block as="p" className={layout.plain}>
          {t('breakouts.chairAssigns')}
        </Body1>
      ) : null}
      {canChoose && <RoomChooser round={round} mine={mineId} questions={state.questions} commands={commands} />}
      {round.status === 'running' && mine && (
        <JoinRoom
          engagementId={state.id}
          roomId={mine.id}
          theme={mine.theme}
          displayName={self?.displayName ?? t('breakouts.participant')}
          compact
        />
      )}
      {rapporteurOf && round.status !== 'planned' && (
        <RapporteurReportForm
          key={rapporteurOf.id}
          roundId={round.id}
          room={rapporteurOf}
          existing={round.reports[rapporteurOf.id] ?? null}
          commands={commands}
        />
      )}
    </section>
  );
}
