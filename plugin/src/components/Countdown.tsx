import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Intervention } from '../../../server/domain/index.js';
import { displaySeconds, formatClock, remainingMs, spokenStatus, toneOf } from '../live/countdown.js';
import { useServerClock } from '../live/useEngagement.js';

const useStyles = makeStyles({
  clock: { fontWeight: tokens.fontWeightBold, fontVariantNumeric: 'tabular-nums', lineHeight: 1.1, overflowWrap: 'normal' },
  // 48 px at the usual text size; a surface gives its own size as a class (`className`).
  size: { fontSize: '3rem' },
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

/**
 * The speaker's countdown, from the server's deadline and clock. Warning colour in the last 30 seconds,
 * overrun (+m:ss) in the danger colour. Screen readers hear the minute marks only (aria-live polite).
 */
export function Countdown({
  intervention,
  serverNow,
  className,
  label,
}: {
  intervention: Intervention;
  serverNow: () => number;
  /** The surface's size for its clock: a class with a `fontSize` in rem, or from the viewport (`clamp()`). */
  className?: string;
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
        className={mergeClasses(styles.clock, styles.size, styles[tone], className)}
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
