import { Body1, Button, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { PauseRegular, PlayRegular, AddRegular, StopRegular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementState } from '../../../../server/domain/index.js';
import { Countdown } from '../../components/Countdown.js';
import { cancelFocusWhenShown, focusWhenShown, useFocusWhenShown } from '../../components/focusWhenShown.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { currentSpeaker, nameOf, orgOf, waitingList } from '../shared/selectors.js';

const useStyles = makeStyles({
  card: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  speaker: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center', flexWrap: 'wrap', justifyContent: 'space-between' },
  name: {
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightBold,
    lineHeight: tokens.lineHeightHero700,
    overflowWrap: 'anywhere',
  },
  note: { margin: `${tokens.spacingVerticalXS} 0 0` },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalS },
  heading: { margin: 0, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  /** 56 px at the usual text size. */
  clock: { fontSize: '3.5rem' },
});

/** The id under which Give the floor asks for focus on this card once the floor is given. */
export const CURRENT_SPEAKER_FOCUS = 'current-speaker';

/** Who has the floor and the Chair's controls for the running intervention. */
export function CurrentSpeaker({
  state,
  serverNow,
  commands,
}: {
  state: EngagementState;
  serverNow: () => number;
  commands: CommandRunner;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  const speaker = currentSpeaker(state);
  const waiting = waitingList(state, state.openQuestionId);
  const busy = commands.busy;
  // Give the floor (its row leaves the list) and End (the speaker's controls leave) land here: the heading
  // of the result.
  useFocusWhenShown(CURRENT_SPEAKER_FOCUS, heading, speaker?.request.id ?? 'nobody');
  const end = () => {
    focusWhenShown(CURRENT_SPEAKER_FOCUS);
    void commands.run({ type: 'floor.end' }).then((r) => r || cancelFocusWhenShown(CURRENT_SPEAKER_FOCUS));
  };
  const paused = Boolean(speaker?.intervention.pausedAt);
  // FLOOR-2: never two speakers, so "next" first ends the current intervention, then gives the floor.
  const next = async () => {
    if (speaker && !(await commands.run({ type: 'floor.end' }))) return;
    await commands.run({ type: 'floor.give' });
  };
  return (
    <section aria-labelledby="current-h" className={styles.card}>
      <h2 id="current-h" ref={heading} tabIndex={-1} className={styles.heading}>
        <Title3>{t('console.current.title')}</Title3>
      </h2>
      {speaker ? (
        <div className={styles.speaker}>
          <div>
            <div className={styles.name} data-testid="speaker-name">
              {nameOf(speaker.participant)}
            </div>
            <Body1>{orgOf(speaker.participant)}</Body1>
            {speaker.request.note && (
              <Body1 as="p" className={styles.note}>
                {t('console.current.note', { note: speaker.request.note })}
              </Body1>
            )}
          </div>
          <Countdown intervention={speaker.intervention} serverNow={serverNow} className={styles.clock} />
        </div>
      ) : (
        <Body1 as="p">
          {t('console.current.nobody')}{' '}
          {state.openQuestionId
            ? waiting.length
              ? t('console.current.giveWhenReady')
              : t('console.current.nobodyWaiting')
            : t('console.current.openQuestionFirst')}
        </Body1>
      )}
      <div className={styles.actions}>
        {/* Focusable while pending or with nobody left: the Chair's focus stays on the control just used. */}
        <Button appearance="primary" disabledFocusable={busy || waiting.length === 0} onClick={() => void next()}>
          {speaker ? t('console.current.nextSpeaker') : t('console.current.giveNext')}
        </Button>
        {/* One button that changes its action, not two that replace each other: focus stays on it. */}
        {speaker && (
          <Button
            icon={paused ? <PlayRegular /> : <PauseRegular />}
            disabledFocusable={busy}
            onClick={() => void commands.run({ type: paused ? 'floor.resume' : 'floor.pause' })}
          >
            {paused ? t('console.current.resume') : t('console.current.pause')}
          </Button>
        )}
        {speaker && (
          <Button icon={<AddRegular />} disabledFocusable={busy} onClick={() => void commands.run({ type: 'floor.extend', seconds: 60 })}>
            {t('console.current.extend')}
          </Button>
        )}
        {speaker && (
          <Button icon={<StopRegular />} disabledFocusable={busy} onClick={end}>
            {t('console.current.end')}
          </Button>
        )}
      </div>
    </section>
  );
}
