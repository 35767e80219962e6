import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../server/domain/context.js';
import { roleOf } from '../../server/domain/policies.js';
import { participantOfUser } from '../../server/domain/participant/participantOfUser.js';
import { emptyState, type EngagementState, type Participant } from '../../server/domain/state.js';
import { membershipOf } from '../../server/domain/view.js';
import { isStaffRole, type Role } from '../../server/domain/vocabulary.js';

// Who the actor or viewer is, asked by every command (AUTH-1) and every stream message (VIEW-1..9), is an
// index lookup (server/domain/participant/participantOfUser.ts); it must answer exactly what the scan of the
// participants it replaced answered, whatever the record holds (several records per user, records without
// a sign-in id as a redacted view holds them).

const USERS = ['dev:a', 'dev:b', 'dev:c', 'inv:0', 'inv:1'];
const ROLES: Role[] = ['chair', 'secretariat', 'delegation', 'stakeholder', 'observer'];

const participantArb = fc.record({
  userId: fc.option(fc.constantFrom(...USERS), { nil: undefined }),
  role: fc.constantFrom(...ROLES),
  status: fc.constantFrom('pending', 'approved', 'declined') as fc.Arbitrary<Participant['status']>,
});

const participantsArb = fc.array(participantArb, { maxLength: 12 }).map((list) => {
  const participants: Record<string, Participant> = {};
  list.forEach((p, i) => {
    const id = `p-${i}`;
    participants[id] = {
      id,
      ...(p.userId === undefined ? {} : { userId: p.userId }),
      role: p.role,
      status: p.status,
      displayName: `Participant ${i}`,
      organization: 'Org',
      category: 'ngo',
      region: null,
      country: null,
      accreditation: null,
      registeredAt: '2026-11-28T09:00:00.000Z',
      decidedAt: null,
      declineReason: null,
      invitationId: null,
    };
  });
  return participants;
});

/** The scans the index replaced, as they were written. */
const scanFind = (state: EngagementState, userId: string) =>
  Object.values(state.participants).find((x) => x.userId !== undefined && x.userId === userId);
function scanRole(state: EngagementState, actor: Actor): Role | null {
  if (actor.kind !== 'user') return null;
  for (const p of Object.values(state.participants)) if (p.userId === actor.userId) return p.status === 'approved' ? p.role : null;
  return null;
}

describe('participantOfUser (index by sign-in id, property)', () => {
  it('AUTH-1 / VIEW-1: given random participants records, then the lookup, membershipOf and roleOf answer what the scan of the participants answers', () => {
    fc.assert(
      fc.property(participantsArb, fc.constantFrom(...USERS, 'dev:nobody'), (participants, userId) => {
        const state: EngagementState = { ...emptyState(), id: 'eng', participants };
        // Asked twice: the second answer comes from the index built by the first.
        for (let i = 0; i < 2; i += 1) {
          const found = scanFind(state, userId);
          expect(participantOfUser(state.participants, userId)).toBe(found);
          const me = membershipOf(state, { userId });
          expect(me.participantId).toBe(found?.id ?? null);
          expect(me.audience).toBe(
            !found
              ? 'public'
              : found.status !== 'approved'
                ? 'applicant'
                : isStaffRole(found.role)
                  ? 'staff'
                  : found.role === 'delegation'
                    ? 'delegation'
                    : 'member',
          );
          const actor: Actor = { kind: 'user', userId, displayName: userId };
          expect(roleOf(state, actor)).toBe(scanRole(state, actor));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('given a participants record that changes (a new record per event, as evolve makes), then each record answers for its own contents', () => {
    const first = { ...emptyState(), participants: {} as Record<string, Participant> };
    expect(participantOfUser(first.participants, 'dev:a')).toBeUndefined();
    const a = { id: 'p-1', userId: 'dev:a', role: 'stakeholder', status: 'pending' } as Participant;
    const second = { ...first.participants, [a.id]: a };
    expect(participantOfUser(second, 'dev:a')).toBe(a);
    expect(participantOfUser(first.participants, 'dev:a')).toBeUndefined();
  });
});
