import type { Intervention } from '../../../server/domain/index.js';
import { i18n } from '../i18n/i18n.js';

// Countdowns are drawn from the server's deadline and the server's clock (deadline − serverNow), never
// from the client's clock alone: a laptop running three minutes fast must show the same time as the stage.

/** The server's clock now, as this client estimates it. */
export const serverNowMs = (offsetMs: number, localNowMs: number = Date.now()): number => localNowMs + offsetMs;

/** Milliseconds left of the intervention (negative once overrun). Frozen while paused. */
export function remainingMs(intervention: Pick<Intervention, 'deadline' | 'pausedAt' | 'endedAt'>, serverNow: number): number {
  const deadline = Date.parse(intervention.deadline);
  const at = intervention.endedAt
    ? Date.parse(intervention.endedAt)
    : intervention.pausedAt
      ? Date.parse(intervention.pausedAt)
      : serverNow;
  return deadline - at;
}

/** Whole seconds shown on a countdown: 2:00 → 1:59 one second after the start, 0:00 at the deadline, then +0:01. */
export function displaySeconds(remaining: number): number {
  return remaining >= 0 ? Math.ceil(remaining / 1000) : -Math.floor(-remaining / 1000);
}

/** `m:ss`, or `+m:ss` for an overrun. */
export function formatClock(seconds: number): string {
  const over = seconds < 0;
  const abs = Math.abs(seconds);
  const m = Math.floor(abs / 60);
  const s = abs % 60;
  return `${over ? '+' : ''}${m}:${String(s).padStart(2, '0')}`;
}

export type CountdownTone = 'normal' | 'warning' | 'overrun';

/** Warning in the last 30 seconds, overrun after the deadline (PRODUCT: the Chair is not cut off automatically). */
export function toneOf(seconds: number): CountdownTone {
  if (seconds < 0) return 'overrun';
  if (seconds <= 30) return 'warning';
  return 'normal';
}

/** Spoken text for a countdown value: stable between marks so that aria-live announces only at a mark. */
export function spokenStatus(seconds: number): string {
  if (seconds < 0) return i18n.t('time.spokenUp');
  if (seconds <= 30) return i18n.t('time.spokenLast30');
  return i18n.t('time.spokenMinutes', { count: Math.ceil(seconds / 60) });
}
