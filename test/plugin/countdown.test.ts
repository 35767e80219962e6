import { describe, expect, it } from 'vitest';
import { displaySeconds, formatClock, remainingMs, serverNowMs, spokenStatus, toneOf } from '../../plugin/src/live/countdown.js';

// Countdowns come from the server's deadline and the server's clock (docs/api.md: clients show countdowns
// from deadlines whatever their own clock says).

const deadline = '2026-11-28T10:03:00.000Z';
const t = (iso: string) => Date.parse(iso);

describe('countdown arithmetic', () => {
  it('given a client clock 3 minutes fast, when the offset is applied, then the countdown equals deadline − server now', () => {
    const serverNow = t('2026-11-28T10:00:00.000Z');
    const local = serverNow + 180_000;
    const offset = serverNow - local;
    const left = remainingMs({ deadline, pausedAt: null, endedAt: null }, serverNowMs(offset, local));
    expect(displaySeconds(left)).toBe(180);
    expect(formatClock(displaySeconds(left))).toBe('3:00');
  });

  it('given a paused intervention, when time passes, then the remaining time stays frozen at the pause', () => {
    const paused = { deadline, pausedAt: '2026-11-28T10:02:00.000Z', endedAt: null };
    expect(remainingMs(paused, t('2026-11-28T10:02:30.000Z'))).toBe(60_000);
    expect(remainingMs(paused, t('2026-11-28T10:09:00.000Z'))).toBe(60_000);
  });

  it('given the deadline passed 65.4 s ago, then it shows the overrun as +1:05 in the overrun tone', () => {
    const left = remainingMs({ deadline, pausedAt: null, endedAt: null }, t(deadline) + 65_400);
    expect(displaySeconds(left)).toBe(-65);
    expect(formatClock(displaySeconds(left))).toBe('+1:05');
    expect(toneOf(displaySeconds(left))).toBe('overrun');
  });

  it('given 0.2 s left, then it still shows 0:01 (ceil), and 0:30 is the warning tone, 0:31 normal', () => {
    expect(displaySeconds(200)).toBe(1);
    expect(displaySeconds(0)).toBe(0);
    expect(toneOf(30)).toBe('warning');
    expect(toneOf(31)).toBe('normal');
  });

  it('given a running countdown, the spoken text changes only at minute marks and at 30 s (aria-live is polite, not every second)', () => {
    const spoken = new Set<string>();
    for (let s = 180; s >= -3; s--) spoken.add(spokenStatus(s));
    expect([...spoken]).toEqual([
      '3 minutes or less left.',
      '2 minutes or less left.',
      '1 minute or less left.',
      '30 seconds or less left.',
      'Time is up.',
    ]);
  });
});
