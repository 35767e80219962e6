import type { BreakoutRound } from '../../../../server/domain/breakouts/index.js';
import { hardStopWarning, type HardStopWarning } from '../../../../server/domain/breakouts/index.js';
import { assertNever } from '../../../../server/domain/index.js';
import { i18n } from '../../i18n/i18n.js';
import { displaySeconds } from '../../live/countdown.js';

// A round's clock, drawn like every countdown from the server's deadline and the server's clock
// (deadline − serverNow), never the client's clock alone. The server records the one-minute warning and the
// end itself (BREAKOUT-15, BREAKOUT-16); this only decides what to draw until those events arrive.

/** Mirrors WARNING_SECONDS of the domain (BREAKOUT-15). */
export const ROUND_WARNING_SECONDS = 60;

export type RoundPhase = 'planned' | 'running' | 'final-minute' | 'time-up' | 'ended';

export interface RoundClock {
  phase: RoundPhase;
  /** Whole seconds left (0 once the deadline passed); null when the round has no deadline. */
  secondsLeft: number | null;
}

export function roundClock(round: Pick<BreakoutRound, 'status' | 'deadline' | 'warnedAt'>, serverNow: number): RoundClock {
  if (round.status === 'planned') return { phase: 'planned', secondsLeft: null };
  if (round.status === 'ended' || round.deadline === null) return { phase: 'ended', secondsLeft: null };
  const seconds = displaySeconds(Date.parse(round.deadline) - serverNow);
  if (seconds <= 0) return { phase: 'time-up', secondsLeft: 0 };
  // The server's own warning counts as soon as it is recorded, even if this client's estimate lags a little.
  if (seconds <= ROUND_WARNING_SECONDS || round.warnedAt !== null) return { phase: 'final-minute', secondsLeft: seconds };
  return { phase: 'running', secondsLeft: seconds };
}

/** `mm:ss`, or `h:mm:ss` from an hour. */
export function formatRoundClock(seconds: number): string {
  const s = Math.max(0, seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(r).padStart(2, '0')}`;
}

/** What a screen reader hears: stable between minute marks so aria-live speaks only at a mark. */
export function spokenRoundStatus(clock: RoundClock): string {
  switch (clock.phase) {
    case 'planned':
      return i18n.t('breakouts.spoken.planned');
    case 'ended':
      return i18n.t('breakouts.spoken.ended');
    case 'time-up':
      return i18n.t('breakouts.spoken.timeUp');
    case 'final-minute':
      return i18n.t('breakouts.spoken.finalMinute');
    case 'running': {
      return i18n.t('breakouts.spoken.running', { count: Math.ceil((clock.secondsLeft ?? 0) / 60) });
    }
    default:
      return assertNever(clock.phase);
  }
}

/**
 * What `breakouts.start` would warn about if started at `serverNow` (BREAKOUT-14): the domain's own wording,
 * computed here so the Chair sees it before pressing Start, not only after.
 */
export function startWarningPreview(
  round: Pick<BreakoutRound, 'durationMinutes' | 'rooms' | 'reportBackMinutes'>,
  hardStop: string | null,
  serverNow: number,
): HardStopWarning | null {
  const endsAt = new Date(serverNow + round.durationMinutes * 60_000).toISOString();
  return hardStopWarning(hardStop, endsAt, round.rooms.length, round.reportBackMinutes);
}

/** The same for `breakouts.extend {minutes}` on a running round. */
export function extendWarningPreview(
  round: Pick<BreakoutRound, 'deadline' | 'rooms' | 'reportBackMinutes'>,
  hardStop: string | null,
  minutes: number,
): HardStopWarning | null {
  if (!round.deadline) return null;
  const endsAt = new Date(Date.parse(round.deadline) + minutes * 60_000).toISOString();
  return hardStopWarning(hardStop, endsAt, round.rooms.length, round.reportBackMinutes);
}
