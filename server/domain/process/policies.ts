import type { Actor, Viewer } from '../context.js';
import { forbidden } from '../errors.js';
import { isStaffRole, type Role } from '../vocabulary.js';
import type { ProcessCommand, ProcessCommandType } from './commands.js';
import { memberOfUser, type ProcessState } from './state.js';

// Who may issue which process command (PROCESS-2, AUTH-1's table for the process), and who a viewer is.
// Standing relative to the data (a proposal's proponent, a feedback's author) is checked by decide.

export type ProcessPrincipal = Role | 'signed-in';

const STAFF = ['chair', 'secretariat'] as const;
/** Those who put proposals forward and elaborate them: staff, delegations, stakeholders (PROPOSAL-2). */
const PROPOSERS = ['chair', 'secretariat', 'delegation', 'stakeholder'] as const;
const PROPONENTS = ['delegation', 'stakeholder'] as const;
const EVERYONE = ['chair', 'secretariat', 'delegation', 'stakeholder', 'observer'] as const;

export const PROCESS_ALLOWED: Record<ProcessCommandType, readonly ProcessPrincipal[]> = {
  'process.create': ['signed-in'],
  'process.update': STAFF,
  'process.addMember': STAFF,
  'process.setRole': STAFF,
  'process.removeMember': STAFF,
  'process.linkEngagement': STAFF,
  'process.unlinkEngagement': STAFF,
  'proposal.putForward': PROPOSERS,
  'proposal.update': PROPOSERS,
  'proposal.setStatus': STAFF,
  'proposal.merge': STAFF,
  'proposal.withdraw': PROPOSERS,
  'proposal.addProponent': STAFF,
  'proposal.setConsent': PROPONENTS,
  'proposal.ask': STAFF,
  'proposal.answer': PROPONENTS,
  'paper.submit': PROPOSERS,
  'paper.revise': PROPOSERS,
  'paper.publish': ['chair'],
  'paper.unpublish': ['chair'],
  'feedback.post': EVERYONE,
  'feedback.hide': STAFF,
  'feedback.show': STAFF,
};

/** Who is looking at a process: staff, a participant (delegation, stakeholder, observer) or the portal. */
export type ProcessAudience = 'staff' | 'participant' | 'portal';

export interface ProcessAccess {
  memberId: string | null;
  role: Role | null;
  audience: ProcessAudience;
}

/** A viewer is a signed-in person, or null: the portal page, read without signing in (PROCESS-VIEW-5). */
export function processAccessOf(state: ProcessState, viewer: Viewer | null): ProcessAccess {
  const member = viewer ? memberOfUser(state, viewer.userId) : undefined;
  if (!member) return { memberId: null, role: null, audience: 'portal' };
  return { memberId: member.id, role: member.role, audience: isStaffRole(member.role) ? 'staff' : 'participant' };
}

/** The role the actor acts in here, or null (not a member of the process). */
export function processRoleOf(state: ProcessState, actor: Actor): Role | null {
  if (actor.kind !== 'user') return null;
  return memberOfUser(state, actor.userId)?.role ?? null;
}

export function canProcess(state: ProcessState, actor: Actor, type: ProcessCommandType): boolean {
  const allowed = PROCESS_ALLOWED[type];
  if (actor.kind === 'system') return false;
  if (allowed.includes('signed-in')) return true;
  const role = processRoleOf(state, actor);
  return role !== null && allowed.includes(role);
}

/** Throws a FORBIDDEN DomainError (PROCESS-2) when the actor's role may not issue the command here. */
export function authorizeProcess(state: ProcessState, actor: Actor, command: ProcessCommand): void {
  if (canProcess(state, actor, command.type)) return;
  if (actor.kind === 'system') throw forbidden('PROCESS-2', `${command.type} is issued by people, not by the server.`);
  const role = processRoleOf(state, actor);
  const standing = role === null ? 'You are not a member of this process.' : `You take part as ${role}.`;
  throw forbidden('PROCESS-2', `Only ${PROCESS_ALLOWED[command.type].join(', ')} may ${command.type.replace('.', ': ')}. ${standing}`);
}
