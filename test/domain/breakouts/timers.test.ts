import { describe, expect, it } from 'vitest';
import { breakoutsClosingOnEngagementEnd } from '../../../server/domain/breakouts/breakoutClosing.js';
import { nextBreakoutDeadline } from '../../../server/domain/breakouts/nextBreakoutDeadline.js';
import { at, BreakoutWorld, planTwoRooms } from './breakoutWorld.js';

// The server's timers for a running round: what `nextBreakoutDeadline` asks the scheduler to fire, and how
// the warning and the expiry refuse a duplicate, early (stale) or late firing.

/** A running 20-minute self-select round started at T0. */
function running(): { w: BreakoutWorld; roundId: string } {
  const w = new BreakoutWorld().person('ana');
  const roundId = planTwoRooms(w, 'self-select');
  w.run('chair', { type: 'breakouts.start', roundId });
  return { w, roundId };
}

/** What the scheduler would do: fire the next deadline's command at its due time. */
function fireNext(w: BreakoutWorld) {
  const next = nextBreakoutDeadline(w.state);
  if (!next) throw new Error('no deadline');
  w.now = next.dueAt;
  return w.run('system', next.command);
}

describe('breakout timers', () => {
  it('BREAKOUT-15, BREAKOUT-16: given no running round, then there is no deadline; given one, first the warning at T−60 s, then the expiry at T', () => {
    const w = new BreakoutWorld().person('ana');
    const roundId = planTwoRooms(w, 'self-select');
    expect(nextBreakoutDeadline(w.state)).toBeNull();
    w.run('chair', { type: 'breakouts.start', roundId });
    expect(nextBreakoutDeadline(w.state)).toEqual({ dueAt: at(19 * 60), command: { type: 'breakouts.warn', roundId } });
    fireNext(w);
    expect(nextBreakoutDeadline(w.state)).toEqual({ dueAt: at(20 * 60), command: { type: 'breakouts.expire', roundId } });
    fireNext(w);
    expect(nextBreakoutDeadline(w.state)).toBeNull();
    expect(w.events.filter((e) => e.type === 'breakouts.warned')).toHaveLength(1);
    expect(w.events.filter((e) => e.type === 'breakouts.ended')).toHaveLength(1);
  });

  it('BREAKOUT-15: given a warning timer armed before an extension, when it fires at the old T−60 s, then it is refused as not due, and the new one is due 5 minutes later', () => {
    const { w, roundId } = running();
    const stale = nextBreakoutDeadline(w.state);
    w.advance(10 * 60).run('chair', { type: 'breakouts.extend', roundId, minutes: 5 });
    w.now = stale!.dueAt;
    expect(w.refusal('system', stale!.command).detail).toMatch(/not due yet/);
    expect(nextBreakoutDeadline(w.state)?.dueAt).toBe(at(24 * 60));
  });

  it('BREAKOUT-15: given the warning was given, when the Chair extends by 5 minutes, then the warning is given again before the new end', () => {
    const { w, roundId } = running();
    fireNext(w);
    expect(w.round().warnedAt).not.toBeNull();
    const [extended] = w.run('chair', { type: 'breakouts.extend', roundId, minutes: 5 });
    expect(extended).toMatchObject({ rearmWarning: true, deadline: at(25 * 60) });
    expect(nextBreakoutDeadline(w.state)).toEqual({ dueAt: at(24 * 60), command: { type: 'breakouts.warn', roundId } });
    fireNext(w);
    fireNext(w);
    expect(w.events.filter((e) => e.type === 'breakouts.warned')).toHaveLength(2);
    expect(w.round().status).toBe('ended');
  });

  it('BREAKOUT-16: given an expiry timer armed before an extension, when it fires at the old deadline, then it is refused and the round runs on', () => {
    const { w, roundId } = running();
    fireNext(w);
    w.run('chair', { type: 'breakouts.extend', roundId, minutes: 1 });
    w.now = at(20 * 60);
    expect(w.refusal('system', { type: 'breakouts.expire', roundId }).detail).toMatch(/not up yet/);
    expect(w.round().status).toBe('running');
  });

  it('BREAKOUT-16: given the Chair ended the round by hand, when the expiry timer fires late, then it is refused harmlessly', () => {
    const { w, roundId } = running();
    w.advance(5 * 60).run('chair', { type: 'breakouts.end', roundId });
    w.now = at(20 * 60);
    expect(w.refusal('system', { type: 'breakouts.expire', roundId }).rule).toBe('BREAKOUT-16');
    expect(w.refusal('system', { type: 'breakouts.warn', roundId }).rule).toBe('BREAKOUT-15');
    expect(w.round().endReason).toBe('chair');
  });

  it('BREAKOUT-15, BREAKOUT-16: given a server that was down across the deadline, when it comes back, then the late warning is recorded once (0 s left) and the expiry follows at once', () => {
    const { w, roundId } = running();
    w.now = at(25 * 60);
    const [warned] = w.run('system', nextBreakoutDeadline(w.state)!.command);
    expect(warned).toMatchObject({ type: 'breakouts.warned', secondsLeft: 0 });
    const next = nextBreakoutDeadline(w.state)!;
    expect(next.command).toEqual({ type: 'breakouts.expire', roundId });
    w.run('system', next.command);
    expect(w.round()).toMatchObject({ status: 'ended', endReason: 'deadline' });
  });

  it('BREAKOUT-14: given a hard stop, when an extension pushes the round past it, then the extended event carries the warning', () => {
    const { w, roundId } = running();
    w.state = { ...w.state, hardStop: at(30 * 60) };
    const [first] = w.run('chair', { type: 'breakouts.extend', roundId, minutes: 1 });
    expect(first).toMatchObject({ warning: null });
    const [second] = w.run('chair', { type: 'breakouts.extend', roundId, minutes: 10 });
    expect(second).toMatchObject({ warning: { rule: 'BREAKOUT-14', roundEndsAt: at(31 * 60), overSeconds: 7 * 60 } });
    expect(w.round().hardStopWarning?.overSeconds).toBe(7 * 60);
  });

  it('BREAKOUT-22: given a running round, when the engagement ends, then the closing events end it (no report-back slots: the agenda is closed)', () => {
    const { w, roundId } = running();
    const events = breakoutsClosingOnEngagementEnd(w.state, at(120));
    expect(events).toEqual([
      { type: 'breakouts.ended', at: at(120), roundId, reason: 'engagement-ended', dueAt: null, reportBackItemIds: {} },
    ]);
    for (const e of events) w.apply(e);
    expect(w.state.breakouts.runningRoundId).toBeNull();
    expect(breakoutsClosingOnEngagementEnd(w.state, at(121))).toEqual([]);
  });
});
