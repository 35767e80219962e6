import { describe, expect, it } from 'vitest';
import { aProcess } from './processWorld.js';

describe('proposals: putting forward', () => {
  it('PROPOSAL-1: given an intervention in a linked engagement, when the Chair turns its note into a proposal, then it is put forward with its source', () => {
    const w = aProcess();
    const p = w.propose();
    expect(p).toMatchObject({
      number: 1,
      status: 'put-forward',
      theme: 'Capacity-building',
      questionRef: 'GQ 1',
      source: { kind: 'intervention', engagementId: 'eng-1', requestId: 'r-1', text: 'Regional CERT hubs, funded.' },
      proponents: [{ memberId: w.member('kenya'), organization: 'Kenya', named: false }],
    });
    expect(p.implementation).toEqual({
      action: null,
      implementers: null,
      beneficiaries: [],
      resources: null,
      timeline: null,
      frameworkElement: null,
    });
  });

  it('PROPOSAL-1: given an engagement not linked to the process, when a proposal heard there is put forward, then it is refused', () => {
    const w = aProcess();
    const refusal = w.refusal('sec', {
      type: 'proposal.putForward',
      source: { kind: 'written-input', engagementId: 'elsewhere', inputId: 'in-1' },
      title: 'T',
      description: 'D',
      theme: 'Norms',
    });
    expect(refusal).toMatchObject({ kind: 'RULE_VIOLATION', rule: 'PROPOSAL-1' });
  });

  it('PROPOSAL-1: given a breakout report, when staff file one of its proposals with implementation fields, then they are all kept', () => {
    const w = aProcess();
    w.run('sec', {
      type: 'proposal.putForward',
      source: { kind: 'breakout-report', engagementId: 'eng-2', roundId: 'round-1', roomId: 'room-2', text: 'A fund for SIDS' },
      title: 'Capacity-building fund',
      description: 'A voluntary fund.',
      theme: 'Capacity-building',
      implementation: {
        action: 'Set up a voluntary fund',
        implementers: 'UNODA with donors',
        beneficiaries: ['developing countries', 'small island developing States'],
        resources: 'USD 5m',
        timeline: '2027–2028',
        frameworkElement: 'capacity-building-principle',
      },
    });
    expect(w.proposal(1)).toMatchObject({
      source: { kind: 'breakout-report', roundId: 'round-1', roomId: 'room-2', text: 'A fund for SIDS' },
      implementation: {
        beneficiaries: ['developing countries', 'small island developing States'],
        frameworkElement: 'capacity-building-principle',
      },
      proponents: [],
    });
  });

  it("PROPOSAL-2: given a stakeholder, when it puts forward its own proposal by hand, then it is its proponent; in another's name or from an intervention, it is refused", () => {
    const w = aProcess();
    w.run('ngo', {
      type: 'proposal.putForward',
      source: { kind: 'manual' },
      title: 'Points of contact directory',
      description: 'D',
      theme: 'CBMs',
    });
    expect(w.proposal(1).proponents.map((p) => p.memberId)).toEqual([w.member('ngo')]);
    const inOthersName = w.refusal('ngo', {
      type: 'proposal.putForward',
      source: { kind: 'manual' },
      title: 'T',
      description: 'D',
      theme: 'X',
      proponentIds: [w.member('lab')],
    });
    expect(inOthersName).toMatchObject({ kind: 'FORBIDDEN', rule: 'PROPOSAL-2' });
    const fromFloor = w.refusal('kenya', {
      type: 'proposal.putForward',
      source: { kind: 'intervention', engagementId: 'eng-1', requestId: 'r' },
      title: 'T',
      description: 'D',
      theme: 'X',
    });
    expect(fromFloor).toMatchObject({ kind: 'FORBIDDEN', rule: 'PROPOSAL-2' });
  });

  it('PROPOSAL-3: given members, when staff name an observer or a secretariat member as proponent, or add a proponent twice, then it is refused; numbers run across the process', () => {
    const w = aProcess();
    expect(
      w.refusal('chair', {
        type: 'proposal.putForward',
        source: { kind: 'manual' },
        title: 'T',
        description: 'D',
        theme: 'X',
        proponentIds: [w.member('obs')],
      }).rule,
    ).toBe('PROPOSAL-3');
    expect(
      w.refusal('chair', {
        type: 'proposal.putForward',
        source: { kind: 'manual' },
        title: 'T',
        description: 'D',
        theme: 'X',
        proponentIds: [w.member('sec')],
      }).rule,
    ).toBe('PROPOSAL-3');
    const p = w.propose();
    expect(w.refusal('chair', { type: 'proposal.addProponent', proposalId: p.id, memberId: w.member('kenya') }).rule).toBe('PROPOSAL-3');
    w.run('chair', { type: 'proposal.addProponent', proposalId: p.id, memberId: w.member('fiji') });
    expect(w.state.proposals[p.id].proponents.map((x) => x.organization)).toEqual(['Kenya', 'Fiji']);
    expect(w.propose({ title: 'Second' }).number).toBe(2);
    expect(w.refusal('chair', { type: 'proposal.update', proposalId: 'nope', title: 'X' })).toMatchObject({
      kind: 'NOT_FOUND',
      rule: 'PROPOSAL-3',
    });
  });
});

describe('proposals: editing, the road, merging, withdrawing', () => {
  it("PROPOSAL-4: given Kenya's proposal, when another delegation or a stakeholder edits or withdraws it, then it is forbidden; Kenya and staff may", () => {
    const w = aProcess();
    const p = w.propose();
    for (const who of ['fiji', 'ngo']) {
      expect(w.refusal(who, { type: 'proposal.update', proposalId: p.id, title: 'Hijacked' })).toMatchObject({
        kind: 'FORBIDDEN',
        rule: 'PROPOSAL-4',
      });
      expect(w.refusal(who, { type: 'proposal.withdraw', proposalId: p.id })).toMatchObject({ kind: 'FORBIDDEN', rule: 'PROPOSAL-4' });
      expect(w.refusal(who, { type: 'paper.submit', proposalId: p.id, title: 'T', language: 'fr', attachmentId: 'a' })).toMatchObject({
        rule: 'PROPOSAL-4',
      });
    }
    w.run('kenya', {
      type: 'proposal.update',
      proposalId: p.id,
      implementation: { action: 'Fund two hubs', beneficiaries: ['developing countries'] },
    });
    w.run('sec', { type: 'proposal.update', proposalId: p.id, implementation: { timeline: '2027' } });
    expect(w.state.proposals[p.id].implementation).toMatchObject({
      action: 'Fund two hubs',
      beneficiaries: ['developing countries'],
      timeline: '2027',
    });
  });

  it('PROPOSAL-5: given a proposal, when staff move it along the road, then every step is kept; the same status or elaborated without a paper is refused', () => {
    const w = aProcess();
    const p = w.propose();
    w.run('sec', { type: 'proposal.setStatus', proposalId: p.id, status: 'under-study' });
    expect(w.refusal('sec', { type: 'proposal.setStatus', proposalId: p.id, status: 'under-study' }).rule).toBe('PROPOSAL-5');
    expect(w.refusal('sec', { type: 'proposal.setStatus', proposalId: p.id, status: 'elaborated' }).rule).toBe('PROPOSAL-5');
    expect(w.refusal('kenya', { type: 'proposal.setStatus', proposalId: p.id, status: 'discussed' }).kind).toBe('FORBIDDEN');
    w.run('chair', { type: 'proposal.ask', proposalId: p.id, text: 'Who would host the hubs?' });
    expect(w.state.proposals[p.id].status).toBe('question-to-proponent');
    w.paper(p.id);
    expect(w.state.proposals[p.id].status).toBe('elaborated');
    w.run('chair', { type: 'proposal.setStatus', proposalId: p.id, status: 'discussed' });
    w.run('chair', { type: 'proposal.setStatus', proposalId: p.id, status: 'reflected', reason: 'Annual progress report, para. 12' });
    expect(w.state.proposals[p.id].history.map((h) => `${h.from}→${h.status}`)).toEqual([
      'put-forward→under-study',
      'under-study→question-to-proponent',
      'question-to-proponent→elaborated',
      'elaborated→discussed',
      'discussed→reflected',
    ]);
  });

  it('PROPOSAL-6: given two proposals, when one is merged into the other, then it changes no more; merging into itself or into a closed one is refused', () => {
    const w = aProcess();
    const a = w.propose({ title: 'Hubs' });
    const b = w.propose({ title: 'Hubs, again', proponents: ['fiji'] });
    const c = w.propose({ title: 'Directory', proponents: ['ngo'] });
    expect(w.refusal('chair', { type: 'proposal.merge', proposalId: a.id, intoProposalId: a.id }).rule).toBe('PROPOSAL-6');
    w.run('chair', { type: 'proposal.merge', proposalId: b.id, intoProposalId: a.id, reason: 'Same idea' });
    expect(w.state.proposals[b.id]).toMatchObject({ status: 'merged', mergedIntoId: a.id });
    expect(w.refusal('fiji', { type: 'proposal.update', proposalId: b.id, title: 'Revived' }).rule).toBe('PROPOSAL-6');
    expect(w.refusal('chair', { type: 'proposal.merge', proposalId: c.id, intoProposalId: b.id }).rule).toBe('PROPOSAL-6');
    w.run('ngo', { type: 'proposal.withdraw', proposalId: c.id, reason: 'Covered elsewhere' });
    expect(w.refusal('chair', { type: 'proposal.setStatus', proposalId: c.id, status: 'under-study' }).rule).toBe('PROPOSAL-6');
    expect(w.refusal('ngo', { type: 'paper.submit', proposalId: c.id, title: 'T', language: 'en', attachmentId: 'a' }).rule).toBe(
      'PROPOSAL-6',
    );
  });

  it('PROPOSAL-7: given a proposal, when an update changes nothing, then it is refused', () => {
    const w = aProcess();
    const p = w.propose();
    expect(w.refusal('kenya', { type: 'proposal.update', proposalId: p.id, title: p.title, theme: p.theme }).rule).toBe('PROPOSAL-7');
    expect(w.refusal('kenya', { type: 'proposal.update', proposalId: p.id, implementation: {} }).rule).toBe('PROPOSAL-7');
  });

  it('PROPOSAL-8: given a proponent, when it agrees to be named and takes it back, then its consent follows; nobody decides for another', () => {
    const w = aProcess();
    const p = w.propose({ proponents: ['kenya', 'fiji'] });
    expect(w.state.proposals[p.id].proponents.every((x) => !x.named)).toBe(true);
    w.run('kenya', { type: 'proposal.setConsent', proposalId: p.id, named: true });
    expect(w.state.proposals[p.id].proponents.map((x) => x.named)).toEqual([true, false]);
    expect(w.refusal('kenya', { type: 'proposal.setConsent', proposalId: p.id, named: true }).rule).toBe('PROPOSAL-8');
    expect(w.refusal('ngo', { type: 'proposal.setConsent', proposalId: p.id, named: true })).toMatchObject({
      kind: 'FORBIDDEN',
      rule: 'PROPOSAL-8',
    });
    expect(w.refusal('chair', { type: 'proposal.setConsent', proposalId: p.id, named: true }).kind).toBe('FORBIDDEN');
    w.run('kenya', { type: 'proposal.setConsent', proposalId: p.id, named: false });
    expect(w.state.proposals[p.id].proponents[0].named).toBe(false);
  });

  it('PROPOSAL-9 / PROPOSAL-10: given a proposal, when staff ask its proponent and the proponent answers in writing, then both stay on its record', () => {
    const w = aProcess();
    const p = w.propose({ proponents: ['kenya', 'fiji'] });
    const [asked] = w.run('chair', {
      type: 'proposal.ask',
      proposalId: p.id,
      text: 'What would the hubs cost?',
      toMemberId: w.member('fiji'),
    });
    const questionId = (asked as { questionId: string }).questionId;
    expect(w.refusal('kenya', { type: 'proposal.answer', questionId, text: 'Not ours to say' })).toMatchObject({
      kind: 'FORBIDDEN',
      rule: 'PROPOSAL-10',
    });
    w.run('fiji', { type: 'proposal.answer', questionId, text: 'About USD 2m a year, see annex.' });
    expect(w.state.questions[questionId]).toMatchObject({
      proposalId: p.id,
      text: 'What would the hubs cost?',
      answer: 'About USD 2m a year, see annex.',
      answeredBy: w.member('fiji'),
    });
    expect(w.refusal('fiji', { type: 'proposal.answer', questionId, text: 'Again' }).rule).toBe('PROPOSAL-10');
    expect(w.refusal('chair', { type: 'proposal.ask', proposalId: p.id, text: 'Q?', toMemberId: w.member('ngo') }).rule).toBe('PROPOSAL-9');
    const orphan = w.propose({ proponents: [], title: 'From a room' });
    expect(w.refusal('chair', { type: 'proposal.ask', proposalId: orphan.id, text: 'Whose?' }).rule).toBe('PROPOSAL-9');
    expect(w.refusal('fiji', { type: 'proposal.answer', questionId: 'nope', text: 'A' })).toMatchObject({
      kind: 'NOT_FOUND',
      rule: 'PROPOSAL-10',
    });
  });

  it('PROPOSAL-11: given a proposal, when its status changes, merges or is withdrawn, then each change records who and when', () => {
    const w = aProcess();
    const p = w.propose();
    const q = w.propose({ title: 'Other' });
    w.run('sec', { type: 'proposal.setStatus', proposalId: p.id, status: 'under-study' });
    const studiedAt = w.state.proposals[p.id].history[0].at;
    w.run('chair', { type: 'proposal.merge', proposalId: q.id, intoProposalId: p.id });
    w.run('kenya', { type: 'proposal.withdraw', proposalId: p.id });
    expect(w.state.proposals[p.id].history).toEqual([
      { at: studiedAt, from: 'put-forward', status: 'under-study', reason: null, byMemberId: w.member('sec') },
      expect.objectContaining({ from: 'under-study', status: 'withdrawn', byMemberId: w.member('kenya') }),
    ]);
    expect(w.state.proposals[q.id].history).toEqual([expect.objectContaining({ status: 'merged', byMemberId: w.member('chair') })]);
    expect(Date.parse(w.state.proposals[p.id].history[1].at)).toBeGreaterThan(Date.parse(studiedAt));
  });
});
