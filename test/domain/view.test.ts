import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../server/domain/events.js';
import { evolve } from '../../server/domain/evolve.js';
import { membershipOf, project, redact, viewFor } from '../../server/domain/view.js';
import { given } from './support/engagementBuilder.js';

const viewer = (name: string) => ({ userId: `dev:${name}` });

describe('what each viewer sees', () => {
  it('VIEW-2: given a draft with questions and an invited delegation, then non-staff see only settings, status and their own record', () => {
    const g = given().engagement().question('q1');
    g.with('chair', { type: 'invitation.create', role: 'delegation', codeHash: 'a'.repeat(64), expiresAt: '2026-12-01T00:00:00.000Z' });
    g.with('system', {
      type: 'invitation.redeem',
      invitationId: Object.keys(g.state.invitations)[0],
      userId: 'inv:x',
      displayName: 'Kenya',
    });
    const asInvited = project(g.state, { userId: 'inv:x' });
    expect(asInvited.questions).toEqual([]);
    expect(Object.values(asInvited.participants).map((p) => p.userId)).toEqual(['inv:x']);
    expect(asInvited.settings.title).toBe(g.state.settings.title);
    expect(project(g.state, viewer('public')).participants).toEqual({});
    expect(project(g.state, viewer('chair')).questions).toHaveLength(1);
  });

  it('VIEW-8: given an open engagement, then the public sees the agenda and questions and nothing about people', () => {
    const g = given().engagement().question('q1').open().start().participant('ngo').openQuestion('q1');
    g.with('chair', { type: 'agenda.add', kind: 'opening', plannedMinutes: 5 });
    g.with('ngo', { type: 'floor.request', questionId: g.questionId('q1') });
    g.with('ngo', { type: 'input.submit', title: 'Paper', text: 'x' });
    const asPublic = project(g.state, viewer('someone'));
    expect(asPublic.questions).toHaveLength(1);
    expect(asPublic.agenda).toHaveLength(1);
    expect(asPublic.openQuestionId).toBe(g.questionId('q1'));
    expect(asPublic.participants).toEqual({});
    expect(asPublic.requests).toEqual({});
    expect(asPublic.waiting).toEqual({});
    expect(asPublic.inputs).toEqual({});
    expect(viewFor(g.state, 7, viewer('someone')).me).toEqual({
      participantId: null,
      role: null,
      status: null,
      audience: 'public',
      inputQuota: null,
      inputsLeft: null,
    });
  });

  it('VIEW-6: given written inputs, then approved participants and staff see them, a pending registrant does not', () => {
    const g = given().engagement().open().participant('ngo').participant('late', { approve: false });
    g.with('ngo', { type: 'input.submit', title: 'Paper', text: 'x' });
    expect(Object.keys(project(g.state, viewer('chair')).inputs)).toHaveLength(1);
    expect(Object.keys(project(g.state, viewer('ngo')).inputs)).toHaveLength(1);
    expect(project(g.state, viewer('late')).inputs).toEqual({});
  });

  it('VIEW-9: given a pending stakeholder, when approved, then their own stream resyncs and a peer receives the approval with the profile', () => {
    const g = given().engagement().open().participant('peer').participant('ngo', { approve: false });
    const before = g.state;
    const [event] = g.as('chair').run({ type: 'participant.approve', participantId: g.participantId('ngo') });
    const stored = { ...event, version: 99 } as StoredEvent;
    expect(redact(stored, before, g.state, viewer('ngo'))).toBe('resync');
    const toPeer = redact(stored, before, g.state, viewer('peer'));
    expect(toPeer).toMatchObject({ type: 'participant.approved', profile: { organization: 'ngo organisation' } });
    const folded = evolve(project(before, viewer('peer')), toPeer as StoredEvent);
    expect(folded).toEqual(project(g.state, viewer('peer')));
    expect(membershipOf(g.state, viewer('ngo')).audience).toBe('member');
  });

  it('VIEW-3/VIEW-9: given a registration, then a delegation receives it without the sign-in id, a stakeholder receives nothing', () => {
    const g = given().engagement().open().participant('kenya', { role: 'delegation' }).participant('peer');
    const before = g.state;
    const [event] = g.as('ngo').run({ type: 'participant.register', organization: 'NGO', category: 'ngo' });
    const stored = { ...event, version: 99 } as StoredEvent;
    const toKenya = redact(stored, before, g.state, viewer('kenya'));
    expect(toKenya).toMatchObject({ type: 'participant.registered' });
    expect(JSON.stringify(toKenya)).not.toContain('dev:ngo');
    expect(redact(stored, before, g.state, viewer('peer'))).toBeNull();
    expect(redact(stored, before, g.state, viewer('ngo'))).toBe('resync');
  });

  it('VIEW-7: given an invitation is created, then staff receive it without the hash and others receive nothing', () => {
    const g = given().engagement().open().participant('kenya', { role: 'delegation' });
    const before = g.state;
    const [event] = g
      .as('chair')
      .run({ type: 'invitation.create', role: 'observer', codeHash: 'b'.repeat(64), expiresAt: '2026-12-01T00:00:00.000Z' });
    const stored = { ...event, version: 99 } as StoredEvent;
    const toChair = redact(stored, before, g.state, viewer('chair'));
    expect(toChair).toMatchObject({ type: 'invitation.created' });
    expect(toChair).not.toHaveProperty('codeHash');
    expect(redact(stored, before, g.state, viewer('kenya'))).toBeNull();
  });
});
