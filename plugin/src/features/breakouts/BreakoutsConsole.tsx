import { Body1, Button, Field, makeStyles, mergeClasses, Select, Title2, tokens } from '@fluentui/react-components';
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

const useStyles = makeStyles({
  header: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'end',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  // The side panel's title a step smaller, as on the console (ChairConsole.tsx).
  titleCompact: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  card: {
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusXLarge,
    minWidth: 0,
  },
  // Controls and the automatic assignment side by side where each can be 22.5rem wide (it grows with the text).
  columns: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(22.5rem, 100%), 1fr))',
    alignItems: 'start',
  },
  columnsCompact: { gridTemplateColumns: 'minmax(0, 1fr)' },
});

/**
 * The Chair's breakouts: plan a round, fill its rooms (by hand, by drag and drop or balanced automatically),
 * start it against the hard stop, message all rooms, extend, end, and visit any room.
 */
export function BreakoutsConsole({ state, me, serverNow, commands: given, compact = false }: SectionProps & { compact?: boolean }) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { t } = useTranslation();
  const commands = useSectionCommands(state.id, given);
  const breakouts = breakoutsOf(state);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [planning, setPlanning] = useState(false);
  const round = (chosenId ? breakouts.rounds[chosenId] : null) ?? currentRound(breakouts);
  const displayName = (me?.participantId && state.participants[me.participantId]?.displayName) || t('bconsole.chair');
  const showPlanner = planning || breakouts.order.length === 0;
  return (
    <section aria-labelledby="breakouts-console-h" className={layout.stackWide}>
      <header className={styles.header}>
        <Title2 block as="h2" id="breakouts-console-h" className={compact ? styles.titleCompact : undefined}>
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
        <div className={styles.card}>
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
          <div className={mergeClasses(styles.columns, compact && styles.columnsCompact)}>
            {round.status !== 'ended' && (
              <div className={styles.card}>
                <RoundControls state={state} round={round} serverNow={serverNow} commands={commands} />
              </div>
            )}
            {round.mode === 'balanced' && (round.status === 'planned' || round.lastAutoAssign) && (
              <div className={styles.card}>
                <AutoAssignPanel state={state} round={round} serverNow={serverNow} commands={commands} />
              </div>
            )}
          </div>
          <div className={styles.card}>
            <RoomsOverview state={state} round={round} displayName={displayName} compact={compact} commands={commands} />
          </div>
          {round.status !== 'ended' && (
            <div className={styles.card}>
              <RoomAssignment round={round} participants={state.participants} commands={commands} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
