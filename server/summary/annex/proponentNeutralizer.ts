import type { Participant } from '../../domain/state.js';
import type { Proposal } from '../../domain/process/state.js';
import { nameNeutralizer } from '../neutralizeNames.js';

// ANNEX-2 and PROCESS-VIEW-5 in server/domain/SPEC.md: what is shown outside the staff names a proposal's
// proponents only with their consent, so their names are also replaced in the proposal's own text, by the
// neutral phrases of the Chair's summary (neutralizeNames.ts): "a delegation", "a participant".

/** ANNEX-2: a proponent's names are replaced in the text unless it agreed to be named on this proposal. */
export function proponentNeutralizer(proposal: Proposal): (text: string) => string {
  const unnamed = proposal.proponents.filter((p) => !p.named);
  if (unnamed.length === 0) return (text) => text;
  const named = new Set(
    proposal.proponents.filter((p) => p.named).flatMap((p) => [p.organization, p.displayName].map((n) => n.toLocaleLowerCase('en'))),
  );
  const people = unnamed.map(
    (p): Participant => ({
      id: p.memberId,
      displayName: named.has(p.displayName.toLocaleLowerCase('en')) ? '' : p.displayName,
      organization: named.has(p.organization.toLocaleLowerCase('en')) ? '' : p.organization,
      category: p.category,
      region: null,
      country: null,
      accreditation: null,
      role: p.category === 'member-state' ? 'delegation' : 'stakeholder',
      status: 'approved',
      registeredAt: '',
      decidedAt: null,
      invitationId: null,
    }),
  );
  return nameNeutralizer(people);
}
