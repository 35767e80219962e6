import { describe, expect, it } from 'vitest';
import { ProcessCommand, INTERNAL_PROCESS_COMMANDS, PROCESS_COMMAND_TYPES } from '../../../server/domain/process/commands.js';
import { PROCESS_ALLOWED } from '../../../server/domain/process/policies.js';
import { aProcess, ProcessWorld } from './processWorld.js';

describe('process: creation and members', () => {
  it('PROCESS-1: given nothing, when someone creates a process, then they are its Chair; a second creation is refused', () => {
    const w = new ProcessWorld();
    expect(w.refusal('chair', { type: 'process.update', title: 'Too early' })).toMatchObject({ kind: 'FORBIDDEN' });
    w.run('chair', { type: 'process.create', processId: 'oewg', title: 'OEWG 2021–2025' });
    expect(w.state).toMatchObject({ id: 'oewg', settings: { title: 'OEWG 2021–2025', description: null } });
    expect(Object.values(w.state.members)).toEqual([expect.objectContaining({ userId: 'dev:chair', role: 'chair' })]);
    expect(w.refusal('chair', { type: 'process.create', title: 'Again' })).toMatchObject({ kind: 'RULE_VIOLATION', rule: 'PROCESS-1' });
    expect(INTERNAL_PROCESS_COMMANDS).toEqual(['process.create']);
  });

  it('PROCESS-2: the table — staff run the process, proponents elaborate, the Chair alone publishes, every member comments', () => {
    expect(Object.keys(PROCESS_ALLOWED).sort()).toEqual([...PROCESS_COMMAND_TYPES].sort());
    expect(PROCESS_ALLOWED['paper.publish']).toEqual(['chair']);
    expect(PROCESS_ALLOWED['proposal.setConsent']).toEqual(['delegation', 'stakeholder']);
    expect(PROCESS_ALLOWED['feedback.post']).toContain('observer');
    const w = aProcess();
    expect(w.refusal('kenya', { type: 'process.update', title: 'Ours' })).toMatchObject({ kind: 'FORBIDDEN', rule: 'PROCESS-2' });
    expect(w.refusal('stranger', { type: 'feedback.post', paperId: 'x', text: 'Hello' })).toMatchObject({
      kind: 'FORBIDDEN',
      rule: 'PROCESS-2',
    });
    expect(w.refusal('sec', { type: 'paper.publish', paperId: 'x' })).toMatchObject({ kind: 'FORBIDDEN', rule: 'PROCESS-2' });
    expect(
      w.refusal('obs', { type: 'proposal.putForward', source: { kind: 'manual' }, title: 'T', description: 'D', theme: 'X' }).kind,
    ).toBe('FORBIDDEN');
  });

  it('PROCESS-2: the whole table, written from SPEC.md (not from the code): every command type for every role', () => {
    const staff = ['chair', 'secretariat'];
    const proposers = ['chair', 'secretariat', 'delegation', 'stakeholder'];
    const expected: Record<string, string[]> = {
      'process.create': ['signed-in'],
      'process.update': staff,
      'process.addMember': staff,
      'process.setRole': staff,
      'process.removeMember': staff,
      'process.linkEngagement': staff,
      'process.unlinkEngagement': staff,
      'proposal.putForward': proposers,
      'proposal.update': proposers,
      'proposal.withdraw': proposers,
      'proposal.setStatus': staff,
      'proposal.merge': staff,
      'proposal.addProponent': staff,
      'proposal.ask': staff,
      'proposal.setConsent': ['delegation', 'stakeholder'],
      'proposal.answer': ['delegation', 'stakeholder'],
      'paper.submit': proposers,
      'paper.revise': proposers,
      'paper.publish': ['chair'],
      'paper.unpublish': ['chair'],
      'feedback.post': ['chair', 'secretariat', 'delegation', 'stakeholder', 'observer'],
      'feedback.hide': staff,
      'feedback.show': staff,
    };
    expect(Object.fromEntries(Object.entries(PROCESS_ALLOWED).map(([k, v]) => [k, [...v]]))).toEqual(expected);
  });

  it('PROCESS-2: given a malformed command, then zod refuses it at the edge (strict objects, the six languages)', () => {
    expect(ProcessCommand.safeParse({ type: 'paper.submit', proposalId: 'p', title: 'T', language: 'de', attachmentId: 'a' }).success).toBe(
      false,
    );
    expect(ProcessCommand.safeParse({ type: 'proposal.ask', proposalId: 'p', text: 'Q?', extra: 1 }).success).toBe(false);
    expect(ProcessCommand.safeParse({ type: 'proposal.setStatus', proposalId: 'p', status: 'merged' }).success).toBe(false);
  });

  it('PROCESS-3: given a process, when an update changes nothing or a role is set to the same role, then it is refused', () => {
    const w = aProcess();
    w.run('chair', { type: 'process.update', description: 'The working group established by resolution 75/240.' });
    expect(w.state.settings.description).toContain('75/240');
    expect(w.refusal('chair', { type: 'process.update', title: w.state.settings.title }).rule).toBe('PROCESS-3');
    expect(w.refusal('chair', { type: 'process.setRole', memberId: w.member('kenya'), role: 'delegation' }).rule).toBe('PROCESS-3');
  });

  it('PROCESS-4: given a member, when the same person is added again or an unknown member is named, then it is refused', () => {
    const w = aProcess();
    const again = w.refusal('chair', {
      type: 'process.addMember',
      userId: 'dev:kenya',
      displayName: 'K',
      organization: 'Kenya',
      category: 'member-state',
      role: 'delegation',
    });
    expect(again).toMatchObject({ rule: 'PROCESS-4' });
    expect(w.refusal('chair', { type: 'process.removeMember', memberId: 'nobody' })).toMatchObject({
      kind: 'NOT_FOUND',
      rule: 'PROCESS-4',
    });
    w.run('chair', { type: 'process.setRole', memberId: w.member('obs'), role: 'stakeholder' });
    expect(w.state.members[w.member('obs')].role).toBe('stakeholder');
  });

  it('PROCESS-5: given a single Chair, when the Chair is removed or demoted, or someone removes themselves, then it is refused', () => {
    const w = aProcess();
    expect(w.refusal('sec', { type: 'process.removeMember', memberId: w.member('chair') }).rule).toBe('PROCESS-5');
    expect(w.refusal('sec', { type: 'process.setRole', memberId: w.member('chair'), role: 'secretariat' }).rule).toBe('PROCESS-5');
    expect(w.refusal('sec', { type: 'process.removeMember', memberId: w.member('sec') }).rule).toBe('PROCESS-5');
    w.run('chair', { type: 'process.setRole', memberId: w.member('sec'), role: 'chair' });
    w.run('sec', { type: 'process.setRole', memberId: w.member('chair'), role: 'secretariat' });
    expect(w.state.members[w.member('chair')].role).toBe('secretariat');
  });

  it('PROCESS-6: given linked engagements, when one is linked twice or unlinked after a proposal was heard in it, then it is refused', () => {
    const w = aProcess();
    expect(w.refusal('chair', { type: 'process.linkEngagement', engagementId: 'eng-1', title: 'Again' }).rule).toBe('PROCESS-6');
    w.propose();
    expect(w.refusal('chair', { type: 'process.unlinkEngagement', engagementId: 'eng-1' }).rule).toBe('PROCESS-6');
    w.run('chair', { type: 'process.unlinkEngagement', engagementId: 'eng-2' });
    expect(Object.keys(w.state.engagements)).toEqual(['eng-1']);
    expect(w.refusal('chair', { type: 'process.unlinkEngagement', engagementId: 'eng-2' })).toMatchObject({
      kind: 'NOT_FOUND',
      rule: 'PROCESS-6',
    });
  });
});
