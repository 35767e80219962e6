import type { DomainLimits } from '../context.js';
import { memoized } from '../foldOwnership.js';
import type { EngagementState, Participant } from '../state.js';
import { isStaffRole } from '../vocabulary.js';

// LIMIT-3: written inputs per participant per engagement. Withdrawn inputs count: they stay in the record,
// so withdrawing and submitting again must not be a way round the quota.

/** How many inputs each participant has submitted here (withdrawn ones included), counted once per record. */
const submittedBy = (inputs: EngagementState['inputs']): Map<string, number> =>
  memoized(inputs, 'inputsSubmittedBy', () => {
    const counts = new Map<string, number>();
    for (const input of Object.values(inputs)) counts.set(input.participantId, (counts.get(input.participantId) ?? 0) + 1);
    return counts;
  });

/** The quota that applies to this participant: null for staff (chair, secretariat) or when the server sets none. */
export const inputQuotaOf = (participant: Pick<Participant, 'role'>, limits: DomainLimits | undefined): number | null =>
  limits && !isStaffRole(participant.role) ? limits.inputsPerParticipant : null;

/** Written inputs this participant may still submit (LIMIT-3); null: no quota applies. */
export function inputsLeft(state: Pick<EngagementState, 'inputs'>, participantId: string, quota: number | null): number | null {
  if (quota === null) return null;
  return Math.max(0, quota - (submittedBy(state.inputs).get(participantId) ?? 0));
}
