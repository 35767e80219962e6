import { tokens } from '@fluentui/react-components';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Intervention } from '../../../server/domain/index.js';
import { displaySeconds, formatClock, remainingMs, spokenStatus, toneOf } from '../live/countdown.js';
import { useServerClock } from '../live/useEngagement.js';

const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/**
 * The speaker's countdown, from the server's deadline and clock. Warning colour in the last 30 seconds,
 * overrun (+m:ss) in the danger colour. Screen readers hear the minute marks only (aria-live polite).
 */
export function Countdown({
  intervention,
  serverNow,
  size = 48,
  label,
}: {
  intervention: Intervention;
  serverNow: () => number;
  size?: number;
  label?: string;
}) {
  const { t } = useTranslation();
  // Only the countdown re-renders four times a second, not the surface around it.
  const now = useServerClock(serverNow, 250);
  const seconds = displaySeconds(remainingMs(intervention, now));
  const tone = toneOf(seconds);
  const color =
    tone === 'overrun' ? tokens.colorPaletteRedForeground1 : tone === 'warning' ? tokens.colorPaletteDarkOrangeForeground1 : tokens.colorNeutralForeground1;
  return (
    <div>
      <div
        data-testid="countdown"
        data-tone={tone}
        aria-label={t(intervention.pausedAt ? 'time.timerLabelPaused' : 'time.timerLabel', { label: label ?? t('time.timeLeft'), clock: formatClock(seconds) })}
        role="timer"
        style={{ fontSize: size, fontWeight: 700, fontVariantNumeric: 'tabular-nums', color, lineHeight: 1.1 }}
      >
        {/* m:ss reads left to right in Arabic too, and an overrun's leading + stays in front. */}
        <bdi dir="ltr">{formatClock(seconds)}</bdi>
        {intervention.pausedAt && <span style={{ fontSize: Math.max(14, size / 3), marginInlineStart: 12 }}>{t('time.paused')}</span>}
      </div>
      <div aria-live="polite" style={visuallyHidden}>
        {spokenStatus(seconds)}
      </div>
    </div>
  );
}
