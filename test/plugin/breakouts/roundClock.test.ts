import { describe, expect, it } from 'vitest';
import { serverNowMs } from '../../../plugin/src/live/countdown.js';
import {
  extendWarningPreview,
  formatRoundClock,
  roundClock,
  spokenRoundStatus,
  startWarningPreview,
} from '../../../plugin/src/features/breakouts/roundClock.js';

// A round's countdown is drawn from its deadline and the server's clock, like every countdown in the tab.

const deadline = '2026-11-28T10:20:00.000Z';
const t = (iso: string) => Date.parse(iso);
const running = { status: 'running' as const, deadline, warnedAt: null };

describe('the countdown of a breakout round', () => {
  it('given a client clock 2 minutes slow, when the server offset is applied, then the round shows deadline − server now', () => {
    const server = t('2026-11-28T10:05:00.000Z');
    const local = server - 120_000;
    const clock = roundClock(running, serverNowMs(server - local, local));
    expect(clock).toEqual({ phase: 'running', secondsLeft: 900 });
    expect(formatRoundClock(clock.secondsLeft!)).toBe('15:00');
  });

  it('BREAKOUT-15: given 60 seconds or less left, then the round is in its final minute (the one-minute warning)', () => {
    expect(roundClock(running, t(deadline) - 61_000).phase).toBe('running');
    expect(roundClock(running, t(deadline) - 60_000)).toEqual({ phase: 'final-minute', secondsLeft: 60 });
    expect(spokenRoundStatus(roundClock(running, t(deadline) - 30_000))).toBe('One minute or less left in the breakout round.');
  });

  it('BREAKOUT-15: given the server recorded the warning, when this client still estimates more than a minute, then it shows the warning anyway', () => {
    const warned = { ...running, warnedAt: '2026-11-28T10:19:00.000Z' };
    expect(roundClock(warned, t(deadline) - 62_000).phase).toBe('final-minute');
  });

  it('BREAKOUT-16: given the deadline passed but the end is not recorded yet, then it shows time up at 0:00, never a negative time', () => {
    expect(roundClock(running, t(deadline) + 5_000)).toEqual({ phase: 'time-up', secondsLeft: 0 });
    expect(formatRoundClock(0)).toBe('0:00');
  });

  it('given a planned or ended round, then there is no countdown', () => {
    expect(roundClock({ status: 'planned', deadline: null, warnedAt: null }, 0)).toEqual({ phase: 'planned', secondsLeft: null });
    expect(roundClock({ status: 'ended', deadline, warnedAt: null }, 0)).toEqual({ phase: 'ended', secondsLeft: null });
  });

  it('given an hour or more left, then the clock reads h:mm:ss; aria text changes only at minute marks', () => {
    expect(formatRoundClock(3_725)).toBe('1:02:05');
    expect(spokenRoundStatus({ phase: 'running', secondsLeft: 301 })).toBe(spokenRoundStatus({ phase: 'running', secondsLeft: 360 }));
    expect(spokenRoundStatus({ phase: 'running', secondsLeft: 300 })).toBe('5 minutes or less left in the breakout round.');
  });
});

describe('the hard-stop warning before the Chair starts or extends', () => {
  const round = { durationMinutes: 20, rooms: [{}, {}, {}] as never[], reportBackMinutes: 3, deadline };

  it('BREAKOUT-14: given a hard stop 25 minutes away, when a 20-minute round with 3 × 3 minutes of report-back would start now, then it warns 4 minutes over', () => {
    const now = t('2026-11-28T10:00:00.000Z');
    const warning = startWarningPreview(round, '2026-11-28T10:25:00.000Z', now);
    expect(warning?.overSeconds).toBe(240);
    expect(warning?.message).toContain('after the hard stop at 10:25 UTC');
  });

  it('BREAKOUT-14: given everything fits, or no hard stop, then there is no warning', () => {
    const now = t('2026-11-28T10:00:00.000Z');
    expect(startWarningPreview(round, '2026-11-28T10:29:00.000Z', now)).toBeNull();
    expect(startWarningPreview(round, null, now)).toBeNull();
  });

  it('BREAKOUT-14: given a running round ending 10:20, when extending by 5 with a hard stop at 10:30, then the report-back would end 10:34 — 4 minutes over', () => {
    const warning = extendWarningPreview(round, '2026-11-28T10:30:00.000Z', 5);
    expect(warning?.roundEndsAt).toBe('2026-11-28T10:25:00.000Z');
    expect(warning?.overSeconds).toBe(240);
  });
});
