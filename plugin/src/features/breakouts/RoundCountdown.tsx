import { tokens } from '@fluentui/react-components';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakoutRound } from '../../../../server/domain/breakouts/index.js';
import { useServerClock } from '../../live/useEngagement.js';
import { formatRoundClock, roundClock, spokenRoundStatus } from './roundClock.js';

const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/** The round's time left, from its deadline and the server's clock; warning colour in the final minute. */
export function RoundCountdown({ round, serverNow, size = 32 }: { round: BreakoutRound; serverNow: () => number; size?: number }) {
  const { t } = useTranslation();
  const now = useServerClock(serverNow, 500);
  const clock = roundClock(round, now);
  if (clock.secondsLeft === null) return null;
  const color = clock.phase === 'running' ? tokens.colorNeutralForeground1 : tokens.colorPaletteDarkOrangeForeground1;
  return (
    <div>
      <div
        role="timer"
        data-testid="round-countdown"
        data-phase={clock.phase}
        aria-label={t('breakouts.timeLeft', { clock: formatRoundClock(clock.secondsLeft) })}
        style={{ fontSize: size, fontWeight: 700, fontVariantNumeric: 'tabular-nums', color, lineHeight: 1.1 }}
      >
        <bdi dir="ltr">{formatRoundClock(clock.secondsLeft)}</bdi>
      </div>
      <div aria-live="polite" style={visuallyHidden}>
        {spokenRoundStatus(clock)}
      </div>
    </div>
  );
}
