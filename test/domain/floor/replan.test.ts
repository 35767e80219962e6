import { describe, expect, it } from 'vitest';
import { availableSeconds, previewReplan, projectedEnd } from '../../../server/domain/floor/timeBudget.js';
import { FloorScenario, isoAfter, ruleOf } from './floorScenario.js';

// The hard stop, the time budget and re-planning (TIME-1..9).

function waitingList(n: number, speakingSeconds = 180) {
  const s = new FloorScenario({ speakingSeconds });
  s.question('q1');
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) {
    s.person(`p${i}`);
    ids.push(s.request(`p${i}`));
  }
  return { s, ids };
}

/** A live meeting at 360 s: opening done, q1's item running, p0 speaking with 120 s left, p1 and p2 waiting. */
function runningMeeting() {
  const s = new FloorScenario({ speakingSeconds: 180 });
  s.question('q1');
  s.agendaItem('skipped', 10);
  s.agendaItem('opening', 5, 'opening');
  s.agendaItem('q1-item', 20, 'question', 'q1');
  s.agendaItem('breakouts', 15, 'breakouts');
  s.agendaItem('closing', 5, 'closing');
  s.beginAgenda('opening');
  s.tick(300);
  s.beginAgenda('q1-item');
  for (const n of ['p0', 'p1', 'p2']) {
    s.person(n);
    s.request(n);
  }
  s.run({ type: 'floor.give' });
  s.tick(60);
  return s;
}

describe('the hard stop', () => {
  it('TIME-1: a hard stop in the future is set, and null clears it; one in the past is refused', () => {
    const { s } = waitingList(1);
    s.run({ type: 'time.setHardStop', at: isoAfter(3600) });
    expect(s.state.hardStop).toBe(isoAfter(3600));
    s.tick(10);
    expect(ruleOf(() => s.run({ type: 'time.setHardStop', at: isoAfter(5) }))).toBe('TIME-1');
    s.run({ type: 'time.setHardStop', at: null });
    expect(s.state.hardStop).toBeNull();
  });

  it('TIME-1: the event keeps when it was recorded (`at`) apart from the hard stop it sets (`hardStop`)', () => {
    const { s } = waitingList(1);
    s.tick(30);
    const [set] = s.run({ type: 'time.setHardStop', at: isoAfter(3600) });
    expect(set).toEqual({ type: 'time.hardStopSet', at: isoAfter(30), hardStop: isoAfter(3600) });
    const [cleared] = s.run({ type: 'time.setHardStop', at: null });
    expect(cleared).toEqual({ type: 'time.hardStopSet', at: isoAfter(30), hardStop: null });
  });

  it('TIME-1: an instant with an offset is stored as UTC', () => {
    const { s } = waitingList(1);
    s.run({ type: 'time.setHardStop', at: '2026-11-28T12:30:00+01:00' });
    expect(s.state.hardStop).toBe('2026-11-28T11:30:00.000Z');
  });
});

describe('the time budget', () => {
  it('TIME-8: projectedEnd = now + the speaker’s time left + the waiting allowances + the planned agenda after the current item', () => {
    const s = runningMeeting();
    // 360 + 120 (p0 left) + 2 × 180 (p1, p2) + (15 + 5) × 60 (breakouts, closing; not the skipped item before)
    expect(projectedEnd(s.state, s.now)).toBe(isoAfter(360 + 120 + 360 + 1200));
  });

  it('TIME-8: while the speaker is paused their time left is frozen; an overrunning speaker adds nothing', () => {
    const s = runningMeeting();
    s.run({ type: 'floor.pause' });
    s.tick(100);
    expect(projectedEnd(s.state, s.now)).toBe(isoAfter(460 + 120 + 360 + 1200));
    s.run({ type: 'floor.resume' });
    s.tick(500); // p0 now 380 s past the deadline
    expect(projectedEnd(s.state, s.now)).toBe(isoAfter(960 + 0 + 360 + 1200));
  });

  it('TIME-4: availableSeconds = hard stop − now − the speaker’s time left − the planned agenda still to come; never below 0; null without a hard stop', () => {
    const s = runningMeeting();
    expect(availableSeconds(s.state, s.now)).toBeNull();
    s.run({ type: 'time.setHardStop', at: isoAfter(3000) });
    expect(availableSeconds(s.state, s.now)).toBe(3000 - 360 - 120 - 1200);
    s.tick(2000);
    expect(availableSeconds(s.state, s.now)).toBe(0);
  });
});

describe('re-planning: shorten', () => {
  it('TIME-5: shorten gives every waiting speaker an equal share that fits the time left to the second', () => {
    const s = runningMeeting();
    s.run({ type: 'time.setHardStop', at: isoAfter(360 + 120 + 1200 + 301) }); // 301 s for p1 and p2
    const [replanned] = s.run({ type: 'time.replan', strategy: 'shorten' });
    expect(replanned).toMatchObject({
      type: 'time.replanned',
      strategy: 'shorten',
      availableSeconds: 301,
      allowanceSeconds: 150,
      deferredRequestIds: [],
    });
    const waiting = s.waiting();
    expect(waiting.map((id) => s.state.requests[id].allowanceSeconds)).toEqual([150, 150]);
    expect(150 * 2).toBeLessThanOrEqual(301);
    expect(151 * 2).toBeGreaterThan(301);
    expect(s.state.interventions[s.state.currentRequestId!].allowanceSeconds).toBe(180); // the speaker is untouched
  });

  it('TIME-5: shorten never lengthens beyond the speaking time when there is time to spare', () => {
    const { s } = waitingList(3);
    s.run({ type: 'time.setHardStop', at: isoAfter(7200) });
    const plan = previewReplan(s.state, s.now, 'shorten');
    expect(plan).toMatchObject({ allowanceSeconds: 180, fits: true });
  });

  it('TIME-5: shorten stops at minSeconds and says the list does not fit', () => {
    const { s } = waitingList(5);
    s.run({ type: 'time.setHardStop', at: isoAfter(200) });
    expect(previewReplan(s.state, s.now, 'shorten')).toMatchObject({ availableSeconds: 200, allowanceSeconds: 60, fits: false });
    expect(previewReplan(s.state, s.now, 'shorten', 30)).toMatchObject({ allowanceSeconds: 40, fits: true });
    s.run({ type: 'time.replan', strategy: 'shorten', minSeconds: 30 });
    expect(s.waiting().map((id) => s.state.requests[id].allowanceSeconds)).toEqual([40, 40, 40, 40, 40]);
  });

  it('TIME-7: after a shorten, later requests on that question get the shortened allowance, also after a cap; other questions keep the default', () => {
    const { s } = waitingList(4);
    s.run({ type: 'time.setHardStop', at: isoAfter(400) });
    s.run({ type: 'time.replan', strategy: 'shorten' });
    s.person('late');
    const late = s.request('late');
    expect(s.state.requests[late].allowanceSeconds).toBe(100);
    s.run({ type: 'time.replan', strategy: 'cap' }); // 5 × 100 s > 400 s: the late one is deferred
    expect(s.state.requests[late].status).toBe('deferred');
    s.person('later');
    const later = s.request('later');
    expect(s.state.requests[later].allowanceSeconds).toBe(100);
    s.question('q2');
    s.person('other');
    const other = s.request('other');
    expect(s.state.requests[other].allowanceSeconds).toBe(180);
  });
});

describe('re-planning: cap', () => {
  it('TIME-6: cap keeps the longest head of the list that fits and defers exactly the tail, as invitations to write (DEFER-1)', () => {
    const { s, ids } = waitingList(5);
    s.run({ type: 'time.setHardStop', at: isoAfter(540) }); // exactly three allowances of 180 s
    const events = s.run({ type: 'time.replan', strategy: 'cap' });
    expect(events[0]).toMatchObject({
      type: 'time.replanned',
      strategy: 'cap',
      allowanceSeconds: null,
      keptRequestIds: ids.slice(0, 3),
      deferredRequestIds: ids.slice(3),
    });
    expect(events.slice(1)).toEqual(ids.slice(3).map((requestId) => ({ type: 'floor.deferred', at: s.now, requestId, reason: 'replan' })));
    expect(s.waiting()).toEqual(ids.slice(0, 3));
    for (const id of ids.slice(3)) expect(s.state.requests[id]).toMatchObject({ status: 'deferred', deferralReason: 'replan' });
    expect(s.state.lastReplan).toMatchObject({ strategy: 'cap', questionId: 'q1', deferredRequestIds: ids.slice(3) });
  });

  it('TIME-6: cap follows the stored order and each request’s own allowance; one second short defers the request', () => {
    const { s, ids } = waitingList(2);
    s.state = { ...s.state, settings: { ...s.state.settings, speakingSeconds: 60 } };
    s.person('p3');
    const short = s.request('p3');
    s.run({ type: 'floor.move', requestId: short, position: 0 });
    s.run({ type: 'time.setHardStop', at: isoAfter(60 + 180 + 179) });
    const plan = previewReplan(s.state, s.now, 'cap');
    expect(plan).toMatchObject({ availableSeconds: 419, keptRequestIds: [short, ids[0]], deferredRequestIds: [ids[1]], fits: true });
  });
});

describe('re-planning: preconditions and preview', () => {
  it('TIME-2: without a hard stop, re-planning is refused with “Set a hard stop first”', () => {
    const { s } = waitingList(2);
    let detail = '';
    try {
      s.run({ type: 'time.replan', strategy: 'shorten' });
    } catch (e) {
      detail = `${(e as { rule: string }).rule}: ${(e as { detail: string }).detail}`;
    }
    expect(detail).toMatch(/^TIME-2: Set a hard stop first/);
  });

  it('TIME-3: with nobody waiting, or no question open, there is nothing to re-plan', () => {
    const { s } = waitingList(0);
    s.run({ type: 'time.setHardStop', at: isoAfter(600) });
    expect(ruleOf(() => s.run({ type: 'time.replan', strategy: 'cap' }))).toBe('TIME-3');
    s.record({ type: 'question.closed', at: s.now, questionId: 'q1' });
    expect(ruleOf(() => s.run({ type: 'time.replan', strategy: 'cap' }))).toBe('TIME-3');
    expect(ruleOf(() => s.run({ type: 'time.replan', strategy: 'cap', questionId: 'nope' }))).toBe('TIME-3');
  });

  it('TIME-7: the preview is exactly what applying records', () => {
    for (const strategy of ['shorten', 'cap'] as const) {
      const { s } = waitingList(6);
      s.run({ type: 'time.setHardStop', at: isoAfter(777) });
      const { fits: _fits, ...preview } = previewReplan(s.state, s.now, strategy, 45);
      const [applied] = s.run({ type: 'time.replan', strategy, minSeconds: 45 });
      expect(applied).toEqual({ type: 'time.replanned', at: s.now, ...preview });
    }
  });

  it('TIME-4: a question named explicitly is re-planned without counting its own agenda item as time still to come', () => {
    const { s } = waitingList(2);
    s.agendaItem('q1-item', 30, 'question', 'q1');
    s.agendaItem('closing', 5, 'closing');
    s.run({ type: 'time.setHardStop', at: isoAfter(900) });
    expect(previewReplan(s.state, s.now, 'shorten', 60, 'q1')).toMatchObject({ availableSeconds: 600, allowanceSeconds: 180 });
  });
});
