import { describe, expect, it } from 'vitest';
import type { BreakoutEvent } from '../../../server/domain/breakouts/events.js';
import { BreakoutWorld } from './breakoutWorld.js';

// The rapporteur's structured report per room (BREAKOUT-19): key points, proposals, implementation
// (who, what, when) and open questions; it comes back to the plenary with the report-back slot.

function roundWithRapporteurs(): { w: BreakoutWorld; roundId: string } {
  const w = new BreakoutWorld().person('rap1').person('rap2', { role: 'delegation' }).person('ana');
  const [planned] = w.run('chair', {
    type: 'breakouts.plan',
    mode: 'self-select',
    durationMinutes: 15,
    rooms: [
      { theme: 'Needs', capacity: 4, rapporteurId: 'p-rap1' },
      { theme: 'Partnerships', capacity: 4, rapporteurId: 'p-rap2' },
      { theme: 'Funding', capacity: 4 },
    ],
  });
  return { w, roundId: (planned as Extract<BreakoutEvent, { type: 'breakouts.planned' }>).roundId };
}

const report = (roundId: string, roomId: string, keyPoints = ['Map existing programmes']) => ({
  type: 'breakouts.report',
  roundId,
  roomId,
  keyPoints,
  proposals: [],
  implementation: [],
  openQuestions: [],
});

describe('breakout reports', () => {
  it('BREAKOUT-19: given a planned round, when its rapporteur reports, then it is refused: a report comes once the round started', () => {
    const { w, roundId } = roundWithRapporteurs();
    expect(w.refusal('rap1', report(roundId, w.roomId(1))).detail).toMatch(/once its round has started/);
  });

  it('BREAKOUT-19: given a running round, when the rapporteur of room 1 reports for room 2, then it is refused (403)', () => {
    const { w, roundId } = roundWithRapporteurs();
    w.run('chair', { type: 'breakouts.start', roundId });
    expect(w.refusal('rap1', report(roundId, w.roomId(2)))).toMatchObject({ rule: 'BREAKOUT-19', kind: 'FORBIDDEN' });
    w.run('rap1', report(roundId, w.roomId(1)));
    expect(w.round().reports[w.roomId(1)]?.byParticipantId).toBe('p-rap1');
  });

  it('BREAKOUT-19: given a room without a rapporteur, then only staff report for it, and a later report replaces the first with the next revision', () => {
    const { w, roundId } = roundWithRapporteurs();
    w.run('chair', { type: 'breakouts.start', roundId });
    w.run('chair', { type: 'breakouts.end', roundId });
    expect(w.refusal('ana', report(roundId, w.roomId(3))).rule).toBe('BREAKOUT-19');
    w.run('secretariat', report(roundId, w.roomId(3), ['First draft']));
    w.run('secretariat', report(roundId, w.roomId(3), ['Second draft']));
    expect(w.round().reports[w.roomId(3)]).toMatchObject({ revision: 2, keyPoints: ['Second draft'], byParticipantId: 'p-secretariat' });
  });

  it('BREAKOUT-19: given an empty report, then it is refused', () => {
    const { w, roundId } = roundWithRapporteurs();
    w.run('chair', { type: 'breakouts.start', roundId });
    expect(w.refusal('rap2', report(roundId, w.roomId(2), [])).detail).toMatch(/report is empty/);
  });

  it('BREAKOUT-19: given a full report, then every structured part is kept as given', () => {
    const { w, roundId } = roundWithRapporteurs();
    w.run('chair', { type: 'breakouts.start', roundId });
    w.run('rap2', {
      type: 'breakouts.report',
      roundId,
      roomId: w.roomId(2),
      keyPoints: ['Trust is built through regular exchange'],
      proposals: ['A points-of-contact directory'],
      implementation: [{ who: 'Regional organisations', what: 'Host exchanges', when: '2027' }],
      openQuestions: ['How to include the private sector?'],
    });
    expect(w.round().reports[w.roomId(2)]).toMatchObject({
      keyPoints: ['Trust is built through regular exchange'],
      proposals: ['A points-of-contact directory'],
      implementation: [{ who: 'Regional organisations', what: 'Host exchanges', when: '2027' }],
      openQuestions: ['How to include the private sector?'],
      revision: 1,
    });
  });
});
