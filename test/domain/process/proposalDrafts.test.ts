import { describe, expect, it } from 'vitest';
import { ProcessCommand } from '../../../server/domain/process/commands.js';
import { draftFromBreakoutReport, draftFromIntervention, draftFromWrittenInput } from '../../../server/domain/process/proposalDrafts.js';
import { given } from '../support/engagementBuilder.js';
import { aProcess } from './processWorld.js';

// An engagement of the year in which Kenya (a delegation) spoke and the NGO wrote in and reported for a
// breakout room, and the process that holds it, the same people signed in to both.

function heardInAnEngagement() {
  const g = given()
    .engagement()
    .question('q1')
    .question('q2')
    .open()
    .participant('kenya', { role: 'delegation', organization: 'Kenya' })
    .participant('ngo', { role: 'stakeholder', organization: 'Cyber Peace Institute' })
    .start()
    .openQuestion('q2');
  g.as('kenya').run({ type: 'floor.request', questionId: g.questionId('q2'), note: 'On hubs' });
  const requestId = Object.keys(g.state.requests)[0];
  g.with('chair', { type: 'floor.give', requestId });
  g.with('chair', {
    type: 'note.add',
    requestId,
    text: 'Proposal: regional CERT hubs for SIDS. Funded by a voluntary trust fund.',
    visibility: 'secretariat',
  });
  g.with('chair', { type: 'floor.end' });
  const [input] = g.as('ngo').run({
    type: 'input.submit',
    title: 'A directory of points of contact',
    text: 'We propose a global directory.',
    questionId: g.questionId('q1'),
  });
  const [planned] = g.as('chair').run({
    type: 'breakouts.plan',
    mode: 'self-select',
    durationMinutes: 10,
    rooms: [{ theme: 'Funding', capacity: 4, rapporteurId: g.participantId('ngo'), questionId: g.questionId('q1') }],
  });
  const roundId = (planned as { roundId: string }).roundId;
  const roomId = g.state.breakouts.rounds[roundId].rooms[0].id;
  g.with('chair', { type: 'breakouts.start', roundId });
  g.with('ngo', {
    type: 'breakouts.report',
    roundId,
    roomId,
    keyPoints: ['Gaps in funding'],
    proposals: ['A pooled fund for capacity-building', 'A needs survey'],
    implementation: [{ who: 'UNODA', what: 'Open a pooled fund', when: '2027' }],
    openQuestions: [],
  });
  const w = aProcess();
  w.run('chair', { type: 'process.linkEngagement', engagementId: g.state.id, title: 'IVE on capacity-building' });
  return { g, w, requestId, inputId: (input as { inputId: string }).inputId, roundId, roomId };
}

describe('proposal drafts from the record of an engagement', () => {
  it('PROPOSAL-12: given an intervention with a staff note, when staff draft a proposal from it, then the note becomes its text, the speaker its proponent, and the draft is a valid command', () => {
    const { g, w, requestId } = heardInAnEngagement();
    const draft = draftFromIntervention(w.state, g.state, requestId);
    expect(draft).toMatchObject({
      source: {
        kind: 'intervention',
        engagementId: g.state.id,
        requestId,
        note: 'Proposal: regional CERT hubs for SIDS. Funded by a voluntary trust fund.',
      },
      title: 'Proposal: regional CERT hubs for SIDS.',
      questionRef: 'Guiding question 2',
      proponentIds: [w.member('kenya')],
    });
    expect(ProcessCommand.parse(draft)).toEqual(draft);
    w.run('sec', draft);
    expect(w.proposal(1)).toMatchObject({ status: 'put-forward', proponents: [{ organization: 'Kenya', named: false }] });
  });

  it("PROPOSAL-12: given a written input and a breakout report, then drafts take the input's title and author, and the room's line, theme and single implementation step", () => {
    const { g, w, inputId, roundId, roomId } = heardInAnEngagement();
    expect(draftFromWrittenInput(w.state, g.state, inputId)).toMatchObject({
      source: { kind: 'written-input', inputId },
      title: 'A directory of points of contact',
      description: 'We propose a global directory.',
      questionRef: 'Guiding question 1',
      proponentIds: [w.member('ngo')],
    });
    const fromRoom = draftFromBreakoutReport(w.state, g.state, roundId, roomId, 0);
    expect(fromRoom).toMatchObject({
      source: { kind: 'breakout-report', roundId, roomId, text: 'A pooled fund for capacity-building' },
      theme: 'Funding',
      implementation: { action: 'Open a pooled fund', implementers: 'UNODA', timeline: '2027' },
      proponentIds: [],
    });
    expect(ProcessCommand.safeParse(fromRoom).success).toBe(true);
  });

  it('PROPOSAL-12: given an unknown intervention, input or report line, or an engagement the process does not hold, then no draft is made', () => {
    const { g, w, roundId, roomId } = heardInAnEngagement();
    expect(() => draftFromIntervention(w.state, g.state, 'nope')).toThrow(
      expect.objectContaining({ rule: 'PROPOSAL-12', kind: 'NOT_FOUND' }),
    );
    expect(() => draftFromWrittenInput(w.state, g.state, 'nope')).toThrow(expect.objectContaining({ rule: 'PROPOSAL-12' }));
    expect(() => draftFromBreakoutReport(w.state, g.state, roundId, roomId, 5)).toThrow(expect.objectContaining({ rule: 'PROPOSAL-12' }));
    w.run('chair', { type: 'process.unlinkEngagement', engagementId: g.state.id });
    expect(() => draftFromWrittenInput(w.state, g.state, 'x')).toThrow(expect.objectContaining({ rule: 'PROPOSAL-1' }));
  });
});
