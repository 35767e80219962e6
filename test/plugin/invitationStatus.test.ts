import { describe, expect, it } from 'vitest';
import type { Invitation } from '../../server/domain/index.js';
import { invitationStatus } from '../../plugin/src/features/console/InvitationList.js';

const base: Invitation = {
  id: 'i1',
  role: 'stakeholder',
  expiresAt: '2026-12-12T09:00:00.000Z',
  createdAt: '2026-11-28T09:00:00.000Z',
  profile: {},
  redeemedAt: null,
  redeemedBy: null,
  revokedAt: null,
};
const now = Date.parse('2026-11-30T09:00:00.000Z');

describe('invitation status in the console', () => {
  it('given an invitation, then it shows whether it waits, was used, revoked or expired (revoked and used first)', () => {
    expect(invitationStatus(base, now)).toBe('waiting');
    expect(invitationStatus({ ...base, redeemedAt: '2026-11-29T10:00:00.000Z' }, now)).toBe('used');
    expect(invitationStatus({ ...base, revokedAt: '2026-11-29T10:00:00.000Z' }, now)).toBe('revoked');
    expect(invitationStatus({ ...base, expiresAt: '2026-11-29T09:00:00.000Z' }, now)).toBe('expired');
    expect(invitationStatus({ ...base, expiresAt: '2026-11-29T09:00:00.000Z', redeemedAt: '2026-11-28T10:00:00.000Z' }, now)).toBe('used');
  });
});
