import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Intervention } from '../../../server/domain/index.js';
import { displaySeconds, formatClock, remainingMs, spokenStatus, toneOf } from '../live/countdown.js';
import { useServerClock } from '../live/useEngagement.js';

const useStyles = makeStyles({
  clock: { fontWeight: tokens.fontWeightBold, fontVariantNumeric: 'tabular-nums', lineHeight: 1.1, overflowWrap: 'normal' },
  normal: { color: tokens.colorNeutralForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  overrun: { color: tokens.colorPaletteRedForeground1 },
  paused: { fontSize: 'max(0.875rem, 0.33em)', marginInlineStart: '0.25em' },
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

/** A size in CSS px becomes rem (so that it grows with the text size); a CSS length (`clamp(…)`) is kept. */
const cssSize = (size: number | string): string => (typeof size === 'number' ? `${size / 16}rem` : size);

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
  /** CSS px (scaled with the text as rem) or any CSS length, e.g. `clamp()` from the viewport on the stage. */
  size?: number | string;
  label?: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  // Only the countdown re-renders four times a second, not the surface around it.
  const now = useServerClock(serverNow, 250);
  const seconds = displaySeconds(remainingMs(intervention, now));
  const tone = toneOf(seconds);
  return (
    <div>
      <div
        data-testid="countdown"
        data-tone={tone}
        aria-label={t(intervention.pausedAt ? 'time.timerLabelPaused' : 'time.timerLabel', {
          label: label ?? t('time.timeLeft'),
          clock: formatClock(seconds),
        })}
        role="timer"
        className={mergeClasses(styles.clock, styles[tone])}
        // Dynamic: each surface sizes its clock.
        style={{ fontSize: cssSize(size) }}
      >
        {/* m:ss reads left to right in Arabic too, and an overrun's leading + stays in front. */}
        <bdi dir="ltr">{formatClock(seconds)}</bdi>
        {intervention.pausedAt && <span className={styles.paused}>{t('time.paused')}</span>}
      </div>
      <div aria-live="polite" className={styles.hidden}>
        {spokenStatus(seconds)}
      </div>
    </div>
  );
}
