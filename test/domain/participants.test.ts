import { describe, expect, it } from 'vitest';
import { project } from '../../server/domain/view.js';
import { given } from './support/engagementBuilder.js';

const viewer = (name: string) => ({ userId: `dev:${name}` });

describe('registration and accreditation', () => {
  it('PART-2: given a draft, when someone registers, then it is refused until the engagement opens', () => {
    const g = given().engagement();
    expect(g.as('ngo').refusal({ type: 'participant.register', organization: 'NGO', category: 'ngo' }).rule).toBe('PART-2');
  });

  it('PART-2: given an open engagement, when a member state and an NGO register, then they wait as delegation and stakeholder', () => {
    const g = given()
      .engagement()
      .open()
      .participant('kenya', { role: 'delegation', approve: false })
      .participant('ngo', { approve: false });
    expect(g.state.participants[g.participantId('kenya')]).toMatchObject({
      role: 'delegation',
      status: 'pending',
      category: 'member-state',
      userId: 'dev:kenya',
      displayName: 'kenya',
    });
    expect(g.state.participants[g.participantId('ngo')]).toMatchObject({ role: 'stakeholder', status: 'pending' });
  });

  it('PART-1: given a registered person, when they register again, then it is refused', () => {
    const g = given().engagement().open().participant('ngo', { approve: false });
    expect(g.as('ngo').refusal({ type: 'participant.register', organization: 'NGO', category: 'ngo' }).rule).toBe('PART-1');
    expect(g.as('chair').refusal({ type: 'participant.register', organization: 'x', category: 'ngo' }).rule).toBe('PART-1');
  });

  it('PART-4, PART-5: given a pending registration, when approved with a role, then it is approved in that role; deciding twice is refused', () => {
    const g = given().engagement().open().participant('ngo', { approve: false });
    const id = g.participantId('ngo');
    const [event] = g.as('chair').run({ type: 'participant.approve', participantId: id, role: 'observer' });
    expect(event).toMatchObject({
      type: 'participant.approved',
      role: 'observer',
      profile: { organization: 'ngo organisation', category: 'ngo' },
    });
    expect(g.state.participants[id]).toMatchObject({ status: 'approved', role: 'observer', decidedAt: g.now });
    expect(g.refusal({ type: 'participant.approve', participantId: id }).rule).toBe('PART-4');
    expect(g.refusal({ type: 'participant.decline', participantId: id }).rule).toBe('PART-4');
  });

  it('PART-4 / VIEW-3: given a declined registration, then the reason is seen by staff and the person, not by a delegation', () => {
    const g = given().engagement().open().participant('kenya', { role: 'delegation' }).participant('ngo', { approve: false });
    g.with('chair', { type: 'participant.decline', participantId: g.participantId('ngo'), reason: 'Not an accredited organisation' });
    const id = g.participantId('ngo');
    expect(project(g.state, viewer('chair')).participants[id].declineReason).toBe('Not an accredited organisation');
    expect(project(g.state, viewer('ngo')).participants[id].declineReason).toBe('Not an accredited organisation');
    expect(project(g.state, viewer('kenya')).participants[id]).toMatchObject({ status: 'declined', declineReason: null });
    expect(project(g.state, viewer('kenya')).participants[id].userId).toBeUndefined();
  });

  it('PART-3: given an engagement, when a command names a participant who does not exist, then it is refused as not found', () => {
    const g = given().engagement().open();
    for (const command of [
      { type: 'participant.approve', participantId: 'nobody' },
      { type: 'participant.decline', participantId: 'nobody' },
      { type: 'participant.setRole', participantId: 'nobody', role: 'observer' },
    ] as const) {
      expect(g.refusal(command)).toMatchObject({ rule: 'PART-3', kind: 'NOT_FOUND' });
    }
  });

  it('PART-6: given a non-objection stakeholder that a delegation objected to, when the Chair approves, then it is refused with what to do', () => {
    const g = given()
      .engagement()
      .open()
      .participant('kenya', { role: 'delegation' })
      .participant('ngo', { approve: false, accreditation: 'non-objection' });
    g.with('kenya', { type: 'participant.object', participantId: g.participantId('ngo'), reason: 'Not independent of a government.' });
    const refusal = g.as('chair').refusal({ type: 'participant.approve', participantId: g.participantId('ngo') });
    expect(refusal.rule).toBe('PART-6');
    expect(refusal.detail).toMatch(/Decline the registration, or resolve the objection/);
    g.with('chair', { type: 'participant.decline', participantId: g.participantId('ngo') });
    expect(g.state.participants[g.participantId('ngo')].status).toBe('declined');
  });

  it('PART-6: given an ECOSOC stakeholder with an objection, when the Chair approves, then it is allowed (objections bind only non-objection admission)', () => {
    const g = given()
      .engagement()
      .open()
      .participant('kenya', { role: 'delegation' })
      .participant('ngo', { approve: false, accreditation: 'ecosoc' });
    g.with('kenya', { type: 'participant.object', participantId: g.participantId('ngo'), reason: 'Concerns.' });
    g.with('chair', { type: 'participant.approve', participantId: g.participantId('ngo') });
    expect(g.state.participants[g.participantId('ngo')].status).toBe('approved');
  });

  it('PART-9 / VIEW-4: given an objection, then the Chair and the objecting delegation see it, other delegations and stakeholders do not', () => {
    const g = given()
      .engagement()
      .open()
      .participant('kenya', { role: 'delegation' })
      .participant('france', { role: 'delegation' })
      .participant('other-ngo')
      .participant('ngo', { approve: false, accreditation: 'non-objection' });
    g.with('kenya', { type: 'participant.object', participantId: g.participantId('ngo'), reason: 'Not independent.' });
    const objection = { participantId: g.participantId('ngo'), byParticipantId: g.participantId('kenya'), reason: 'Not independent.' };
    expect(project(g.state, viewer('chair')).objections).toEqual([expect.objectContaining(objection)]);
    expect(project(g.state, viewer('kenya')).objections).toEqual([expect.objectContaining(objection)]);
    expect(project(g.state, viewer('france')).objections).toEqual([]);
    expect(project(g.state, viewer('other-ngo')).objections).toEqual([]);
    expect(project(g.state, viewer('ngo')).objections).toEqual([]);
    expect(g.as('kenya').refusal({ type: 'participant.object', participantId: g.participantId('ngo'), reason: 'again' }).rule).toBe(
      'PART-9',
    );
  });

  it('PART-9 / AUTH-1: given a stakeholder, when they object, then it is forbidden; a delegation cannot object to a delegation', () => {
    const g = given()
      .engagement()
      .open()
      .participant('kenya', { role: 'delegation' })
      .participant('france', { role: 'delegation' })
      .participant('ngo');
    expect(g.as('ngo').refusal({ type: 'participant.object', participantId: g.participantId('kenya'), reason: 'x' })).toMatchObject({
      rule: 'AUTH-1',
      kind: 'FORBIDDEN',
    });
    expect(g.as('kenya').refusal({ type: 'participant.object', participantId: g.participantId('france'), reason: 'x' }).rule).toBe(
      'PART-9',
    );
  });

  it('PART-8: given one Chair, when their role changes, then it is refused; with a second Chair it is allowed', () => {
    const g = given().engagement().open().participant('sec', { role: 'secretariat' });
    expect(g.as('chair').refusal({ type: 'participant.setRole', participantId: g.participantId('chair'), role: 'secretariat' }).rule).toBe(
      'PART-8',
    );
    g.with('chair', { type: 'participant.setRole', participantId: g.participantId('sec'), role: 'chair' });
    g.with('chair', { type: 'participant.setRole', participantId: g.participantId('chair'), role: 'secretariat' });
    expect(g.state.participants[g.participantId('chair')].role).toBe('secretariat');
    expect(g.as('sec').refusal({ type: 'participant.setRole', participantId: g.participantId('chair'), role: 'secretariat' }).rule).toBe(
      'PART-7',
    );
  });

  it("VIEW-3: given pending and approved people, then a stakeholder sees approved ones and themselves, a delegation sees all, nobody sees others' userId", () => {
    const g = given()
      .engagement()
      .open()
      .participant('kenya', { role: 'delegation' })
      .participant('ngo')
      .participant('late', { approve: false });
    const asNgo = project(g.state, viewer('ngo'));
    expect(Object.keys(asNgo.participants).sort()).toEqual(
      [g.participantId('chair'), g.participantId('kenya'), g.participantId('ngo')].sort(),
    );
    expect(asNgo.participants[g.participantId('ngo')].userId).toBe('dev:ngo');
    expect(asNgo.participants[g.participantId('kenya')].userId).toBeUndefined();
    const asKenya = project(g.state, viewer('kenya'));
    expect(asKenya.participants[g.participantId('late')]).toMatchObject({ status: 'pending' });
    const asLate = project(g.state, viewer('late'));
    expect(Object.keys(asLate.participants)).toEqual([g.participantId('late')]);
    expect(asLate.questions).toEqual(g.state.questions);
  });
});
