import { Body1, Button, Field, Select, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar.js';
import { useSectionCommands, type SectionProps } from '../../components/sectionProps.js';
import { AutoAssignPanel } from './AutoAssignPanel.js';
import { breakoutsOf, currentRound } from './breakoutsOf.js';
import { RoomAssignment } from './RoomAssignment.js';
import { RoomsOverview } from './RoomsOverview.js';
import { RoundControls } from './RoundControls.js';
import { RoundPlanner } from './RoundPlanner.js';

/**
 * The Chair's breakouts: plan a round, fill its rooms (by hand, by drag and drop or balanced automatically),
 * start it against the hard stop, message all rooms, extend, end, and visit any room.
 */
export function BreakoutsConsole({ state, me, serverNow, commands: given, compact = false }: SectionProps & { compact?: boolean }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const commands = useSectionCommands(state.id, given);
  const breakouts = breakoutsOf(state);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [planning, setPlanning] = useState(false);
  const round = (chosenId ? breakouts.rounds[chosenId] : null) ?? currentRound(breakouts);
  const displayName = (me?.participantId && state.participants[me.participantId]?.displayName) || t('bconsole.chair');
  const card = { padding: 12, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: 8 } as const;
  const showPlanner = planning || breakouts.order.length === 0;
  return (
    <section aria-labelledby="breakouts-console-h" className={layout.stackWide}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'end', gap: 8, flexWrap: 'wrap' }}>
        <Title2 block as="h2" id="breakouts-console-h" style={{ fontSize: compact ? 18 : undefined }}>
          {t('bconsole.title')}
        </Title2>
        <div className={layout.row}>
          {breakouts.order.length > 1 && (
            <Field label={t('bconsole.round')}>
              <Select value={round?.id ?? ''} onChange={(_, d) => setChosenId(d.value)}>
                {breakouts.order.map((id, i) => {
                  const r = breakouts.rounds[id];
                  return (
                    <option key={id} value={id}>
                      {t('bconsole.roundOption', {
                        number: i + 1,
                        title: r?.title ?? t('bconsole.roundDefault'),
                        status: r ? t(`bconsole.status.${r.status}`) : '',
                      })}
                    </option>
                  );
                })}
              </Select>
            </Field>
          )}
          {breakouts.order.length > 0 && (
            <Button onClick={() => setPlanning(!planning)} aria-expanded={planning}>
              {planning ? t('bconsole.closePlan') : t('bconsole.planNew')}
            </Button>
          )}
        </div>
      </header>
      {!given && <ErrorBar message={commands.error} onDismiss={commands.clearError} />}
      {showPlanner && (
        <div style={card}>
          <RoundPlanner
            state={state}
            commands={commands}
            onPlanned={() => {
              setPlanning(false);
              setChosenId(null);
            }}
          />
        </div>
      )}
      {round && (
        <>
          <Body1 block as="p" className={layout.plain}>
            {t('bconsole.line', {
              title: round.title ?? t('bconsole.thisRound'),
              rooms: t('bconsole.rooms', { count: round.rooms.length }),
              minutes: round.extendedMinutes
                ? t('bconsole.minutesAdded', { count: round.durationMinutes + round.extendedMinutes, added: round.extendedMinutes })
                : t('bconsole.minutes', { count: round.durationMinutes }),
              mode: t(`bconsole.mode.${round.mode}`),
              status: t(`bconsole.status.${round.status}`),
            })}
            {round.status === 'running' &&
              round.unassignedAtStart.length > 0 &&
              t('bconsole.unassigned', { count: round.unassignedAtStart.length })}
          </Body1>
          <div
            style={{
              display: 'grid',
              gap: 12,
              gridTemplateColumns: compact ? '1fr' : 'repeat(auto-fit, minmax(360px, 1fr))',
              alignItems: 'start',
            }}
          >
            {round.status !== 'ended' && (
              <div style={card}>
                <RoundControls state={state} round={round} serverNow={serverNow} commands={commands} />
              </div>
            )}
            {round.mode === 'balanced' && (round.status === 'planned' || round.lastAutoAssign) && (
              <div style={card}>
                <AutoAssignPanel state={state} round={round} serverNow={serverNow} commands={commands} />
              </div>
            )}
          </div>
          <div style={card}>
            <RoomsOverview state={state} round={round} displayName={displayName} compact={compact} commands={commands} />
          </div>
          {round.status !== 'ended' && (
            <div style={card}>
              <RoomAssignment round={round} participants={state.participants} commands={commands} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
