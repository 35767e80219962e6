import type { DecideContext } from '../context.js';
import { forbidden, notFound, violation } from '../errors.js';
import { isStaffRole } from '../vocabulary.js';
import { isFinalStatus } from './vocabulary.js';
import { isProponent, memberOfUser, type ConceptPaper, type Member, type ProcessState, type Proposal } from './state.js';

// Lookups shared by the process's decide functions: each names the SPEC.md rule it enforces.

export function requireProcess(state: ProcessState): void {
  if (!state.id) throw notFound('PROCESS-1', 'This process does not exist.');
}

/** The acting member; authorizeProcess has already checked that there is one. */
export function actingMember(state: ProcessState, ctx: DecideContext): Member {
  const member = ctx.actor.kind === 'user' ? memberOfUser(state, ctx.actor.userId) : undefined;
  if (!member) throw forbidden('PROCESS-2', 'You are not a member of this process.');
  return member;
}

export const isStaff = (member: Member): boolean => isStaffRole(member.role);

export function requireProposal(state: ProcessState, proposalId: string): Proposal {
  const proposal = state.proposals[proposalId];
  if (!proposal) throw notFound('PROPOSAL-3', `No proposal ${proposalId} in this process.`);
  return proposal;
}

/** PROPOSAL-4: staff and the proposal's own proponents act on it; a stakeholder cannot edit another's proposal. */
export function requireStaffOrProponent(proposal: Proposal, member: Member, what: string): void {
  if (isStaff(member) || isProponent(proposal, member.id)) return;
  throw forbidden('PROPOSAL-4', `Only staff and the proponents of proposal ${proposal.number} may ${what} it.`);
}

/** PROPOSAL-6: a merged or withdrawn proposal changes no more. */
export function requireLive(proposal: Proposal): void {
  if (isFinalStatus(proposal.status)) {
    throw violation('PROPOSAL-6', `Proposal ${proposal.number} is ${proposal.status}: it changes no more.`);
  }
}

export function requirePaper(state: ProcessState, paperId: string): ConceptPaper {
  const paper = state.papers[paperId];
  if (!paper) throw notFound('PAPER-1', `No concept paper ${paperId} in this process.`);
  return paper;
}

/** PAPER-4 / FEEDBACK-1: staff and the proposal's proponents see a paper before it is published; others after. */
export function canSeePaper(state: ProcessState, paper: ConceptPaper, member: Member): boolean {
  return isStaff(member) || paper.publishedVersion !== null || isProponent(state.proposals[paper.proposalId], member.id);
}

/** Leaves out the fields a command left out, so that an event carries only what changed. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
