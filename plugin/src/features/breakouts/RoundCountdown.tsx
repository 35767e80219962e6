import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BreakoutRound } from '../../../../server/domain/breakouts/index.js';
import { useServerClock } from '../../live/useEngagement.js';
import { formatRoundClock, roundClock, spokenRoundStatus } from './roundClock.js';

const useStyles = makeStyles({
  clock: {
    fontWeight: tokens.fontWeightBold,
    fontVariantNumeric: 'tabular-nums',
    lineHeight: 1.1,
    color: tokens.colorNeutralForeground1,
  },
  // 32 px and 40 px at the default text size, in rem (remTheme.ts) so that they grow with it.
  medium: { fontSize: tokens.fontSizeHero800 },
  large: { fontSize: tokens.fontSizeHero900 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** The round's time left, from its deadline and the server's clock; warning colour in the final minute. */
export function RoundCountdown({
  round,
  serverNow,
  size = 'medium',
}: {
  round: BreakoutRound;
  serverNow: () => number;
  /** `medium` in the participant's panel, `large` on the Chair's round controls. */
  size?: 'medium' | 'large';
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const now = useServerClock(serverNow, 500);
  const clock = roundClock(round, now);
  if (clock.secondsLeft === null) return null;
  return (
    <div>
      <div
        role="timer"
        data-testid="round-countdown"
        data-phase={clock.phase}
        aria-label={t('breakouts.timeLeft', { clock: formatRoundClock(clock.secondsLeft) })}
        className={mergeClasses(styles.clock, styles[size], clock.phase !== 'running' && styles.warning)}
      >
        <bdi dir="ltr">{formatRoundClock(clock.secondsLeft)}</bdi>
      </div>
      <div aria-live="polite" className={styles.hidden}>
        {spokenRoundStatus(clock)}
      </div>
    </div>
  );
}
