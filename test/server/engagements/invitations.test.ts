import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../server/appError.js';
import { chair, chairUser, Harness } from './serviceFixture.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.dispose();
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

describe('invitations', () => {
  it('INV-5, AUTH-3: given a chair, when they create an invitation, then the code has at least 128 random bits, only its sha256 is in the log, and it expires in 14 days by default', async () => {
    const h = await Harness.open();
    harnesses.push(h);
    const { id } = await h.liveEngagement(0);
    const created = await h.service.createInvitation(id, chairUser, { role: 'delegation', displayName: 'Delegation of Ruritania' });
    expect(created.code).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(Buffer.from(created.code, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(Date.parse(created.expiresAt) - h.clock.now().getTime()).toBe(14 * 24 * 3600 * 1000);
    const raw = JSON.stringify(await h.log(id));
    expect(raw).not.toContain(created.code);
    expect(raw).toContain(createHash('sha256').update(created.code).digest('hex'));
    const other = await h.service.createInvitation(id, chairUser, { role: 'stakeholder' });
    expect(other.code).not.toBe(created.code);
  });

  it('INV-3: given a valid code, when it is redeemed, then its holder is an approved participant with the invitation role and name, signed in as inv:<invitationId>', async () => {
    const h = await Harness.open();
    harnesses.push(h);
    const { id } = await h.liveEngagement(0);
    const { code, invitationId } = await h.service.createInvitation(id, chairUser, {
      role: 'delegation',
      displayName: 'Delegation of Ruritania',
    });
    const redeemed = await h.service.redeemInvitation(code, 'Someone typing');
    expect(redeemed).toMatchObject({
      engagementId: id,
      role: 'delegation',
      user: { userId: `inv:${invitationId}`, displayName: 'Delegation of Ruritania' },
    });
    const view = h.service.get(id, { userId: redeemed.user.userId });
    expect(view.me).toMatchObject({ participantId: redeemed.participantId, role: 'delegation', status: 'approved' });
    expect(h.service.list(redeemed.user).map((r) => r.id)).toEqual([id]);
  });

  it('INV-3: given an invitation without a name, when it is redeemed with or without one, then the given name or "Guest" is used', async () => {
    const h = await Harness.open();
    harnesses.push(h);
    const { id } = await h.liveEngagement(0);
    const a = await h.service.createInvitation(id, chairUser, { role: 'observer' });
    const b = await h.service.createInvitation(id, chairUser, { role: 'observer' });
    expect((await h.service.redeemInvitation(a.code, '  Ana  ')).user.displayName).toBe('Ana');
    expect((await h.service.redeemInvitation(b.code)).user.displayName).toBe('Guest');
  });

  it('INV-4: given a used, an expired, a revoked and an unknown code, when each is redeemed, then each is UNAUTHENTICATED with the same words (no oracle)', async () => {
    const h = await Harness.open();
    harnesses.push(h);
    const { id } = await h.liveEngagement(0);
    const used = await h.service.createInvitation(id, chairUser, { role: 'stakeholder' });
    await h.service.redeemInvitation(used.code);
    const expiring = await h.service.createInvitation(id, chairUser, {
      role: 'stakeholder',
      expiresAt: new Date(h.clock.now().getTime() + 60_000).toISOString(),
    });
    const revoked = await h.service.createInvitation(id, chairUser, { role: 'stakeholder' });
    await h.service.execute(id, chair, { type: 'invitation.revoke', invitationId: revoked.invitationId });
    h.clock.advance(61_000);

    const errors = [];
    for (const code of [used.code, expiring.code, revoked.code, 'not-a-code-at-all', ''])
      errors.push(await refusal(h.service.redeemInvitation(code)));
    expect(new Set(errors.map((e) => `${e.code} ${e.status} ${e.detail}`)).size).toBe(1);
    expect(errors[0].code).toBe('UNAUTHENTICATED');
  });

  it('given invitations, when the server restarts, then a code issued before still redeems (the index is rebuilt from the log)', async () => {
    const h = await Harness.open();
    harnesses.push(h);
    const { id } = await h.liveEngagement(0);
    const { code } = await h.service.createInvitation(id, chairUser, { role: 'stakeholder', organization: 'Civil society network' });
    await h.restart();
    expect((await h.service.redeemInvitation(code, 'Bea')).engagementId).toBe(id);
  });

  it('AUTH-1: given a stakeholder, when they try to create an invitation, then FORBIDDEN', async () => {
    const h = await Harness.open();
    harnesses.push(h);
    const { id } = await h.liveEngagement(1);
    const error = await refusal(h.service.createInvitation(id, { userId: 'dev:speaker-0', displayName: 'Speaker 0' }, { role: 'chair' }));
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe('re-plan preview', () => {
  it('TIME-2: given no hard stop, when the chair previews a re-plan, then the rule is named; with one, the preview is computed at the server clock', async () => {
    const h = await Harness.open();
    harnesses.push(h);
    const { id, questionId } = await h.liveEngagement(3, { speakingSeconds: 180 });
    for (const i of [0, 1, 2])
      await h.service.execute(
        id,
        { kind: 'user', userId: `dev:speaker-${i}`, displayName: `S${i}` },
        { type: 'floor.request', questionId },
      );
    expect(() => h.service.replanPreview(id, chairUser, 'shorten')).toThrowError(expect.objectContaining({ code: 'RULE_VIOLATION' }));

    await h.service.execute(id, chair, { type: 'time.setHardStop', at: new Date(h.clock.now().getTime() + 6 * 60_000).toISOString() });
    const preview = h.service.replanPreview(id, chairUser, 'shorten');
    expect(preview).toMatchObject({ strategy: 'shorten', questionId, keptRequestIds: expect.any(Array) });
    expect(preview.availableSeconds).toBeLessThanOrEqual(6 * 60);
    h.clock.advance(60_000);
    expect(h.service.replanPreview(id, chairUser, 'shorten').availableSeconds).toBeLessThan(preview.availableSeconds);
  });

  it('AUTH-1: given a stakeholder, when they ask for a re-plan preview, then FORBIDDEN', async () => {
    const h = await Harness.open();
    harnesses.push(h);
    const { id } = await h.liveEngagement(1);
    expect(() => h.service.replanPreview(id, { userId: 'dev:speaker-0' }, 'cap')).toThrowError(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});
