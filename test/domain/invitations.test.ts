import { describe, expect, it } from 'vitest';
import { INVITATION_NOT_VALID } from '../../server/domain/invitation/index.js';
import { project } from '../../server/domain/view.js';
import { given, type EngagementBuilder } from './support/engagementBuilder.js';

const HASH = 'a'.repeat(64);

function invite(g: EngagementBuilder, expiresInSeconds = 3600): string {
  const expiresAt = new Date(Date.parse(g.now) + expiresInSeconds * 1000).toISOString();
  const [event] = g.as('chair').run({
    type: 'invitation.create',
    role: 'stakeholder',
    codeHash: HASH,
    expiresAt,
    organization: 'Cyber Peace Institute',
    category: 'ngo',
  });
  if (event.type !== 'invitation.created') throw new Error('no invitation');
  return event.invitationId;
}

const redeem = (invitationId: string, userId = 'inv:1') => ({
  type: 'invitation.redeem' as const,
  invitationId,
  userId,
  displayName: 'Ada',
});

describe('invitations', () => {
  it('INV-3: given a fresh invitation, when redeemed, then the holder is an approved participant with its role and profile', () => {
    const g = given().engagement();
    const id = invite(g);
    const [event] = g.as('system').run(redeem(id));
    expect(event).toMatchObject({
      type: 'invitation.redeemed',
      participant: { userId: 'inv:1', role: 'stakeholder', organization: 'Cyber Peace Institute', category: 'ngo', displayName: 'Ada' },
    });
    const participant = Object.values(g.state.participants).find((p) => p.userId === 'inv:1');
    expect(participant).toMatchObject({ status: 'approved', invitationId: id });
    expect(g.state.invitations[id]).toMatchObject({ redeemedAt: g.now, redeemedBy: participant!.id });
  });

  it('INV-3/INV-4: given a used invitation, when redeemed again, then it is refused with the one message', () => {
    const g = given().engagement();
    const id = invite(g);
    g.as('system').run(redeem(id));
    expect(g.as('system').refusal(redeem(id, 'inv:2'))).toEqual({ rule: 'INV-4', kind: 'RULE_VIOLATION', detail: INVITATION_NOT_VALID });
  });

  it('INV-3/INV-4: given an expired invitation, when redeemed, then it is refused with the same message', () => {
    const g = given().engagement();
    const id = invite(g, 60);
    g.advance(60);
    expect(g.as('system').refusal(redeem(id))).toEqual({ rule: 'INV-4', kind: 'RULE_VIOLATION', detail: INVITATION_NOT_VALID });
  });

  it('INV-2/INV-4: given a revoked invitation, when redeemed, then it is refused with the same message; unknown ids too', () => {
    const g = given().engagement();
    const id = invite(g);
    g.with('chair', { type: 'invitation.revoke', invitationId: id });
    expect(g.as('system').refusal(redeem(id))).toEqual({ rule: 'INV-4', kind: 'RULE_VIOLATION', detail: INVITATION_NOT_VALID });
    expect(g.as('system').refusal(redeem('unknown'))).toEqual({ rule: 'INV-4', kind: 'RULE_VIOLATION', detail: INVITATION_NOT_VALID });
    expect(g.as('chair').refusal({ type: 'invitation.revoke', invitationId: id }).rule).toBe('INV-2');
  });

  it('INV-1: given an expiry in the past, when an invitation is created, then it is refused', () => {
    const g = given().engagement();
    expect(g.as('chair').refusal({ type: 'invitation.create', role: 'observer', codeHash: HASH, expiresAt: g.now }).rule).toBe('INV-1');
  });

  it('AUTH-1: given a person, when they issue invitation.redeem themselves, then it is forbidden (the server redeems)', () => {
    const g = given().engagement();
    const id = invite(g);
    expect(g.as('chair').refusal(redeem(id))).toMatchObject({ rule: 'AUTH-1', kind: 'FORBIDDEN' });
  });

  it('VIEW-7: given an invitation, then staff see it without its hash and nobody else sees it', () => {
    const g = given().engagement().open().participant('kenya', { role: 'delegation' });
    const id = invite(g);
    expect(g.state.invitations[id].codeHash).toBe(HASH);
    const asChair = project(g.state, { userId: 'dev:chair' });
    expect(asChair.invitations[id]).toBeDefined();
    expect(asChair.invitations[id]).not.toHaveProperty('codeHash');
    expect(project(g.state, { userId: 'dev:kenya' }).invitations).toEqual({});
  });
});
