import type { DecideContext } from '../context.js';
import { forbidden, notFound, violation } from '../errors.js';
import { assertNever } from '../events.js';
import type { ProcessCommandOf } from './commands.js';
import type { ProcessEvent, ProcessSettings } from './events.js';
import { actingMember, definedOnly, requireProcess } from './guards.js';
import { memberOfUser, type ProcessState } from './state.js';

// The process itself: its creation, settings, members and the engagements it groups (PROCESS-1..6).

type MemberCommand = ProcessCommandOf<
  | 'process.create'
  | 'process.update'
  | 'process.addMember'
  | 'process.setRole'
  | 'process.removeMember'
  | 'process.linkEngagement'
  | 'process.unlinkEngagement'
>;

export function decideMembers(state: ProcessState, command: MemberCommand, ctx: DecideContext): ProcessEvent[] {
  const at = ctx.now;
  if (command.type === 'process.create') return create(state, command, ctx);
  requireProcess(state);
  switch (command.type) {
    case 'process.update': {
      const wanted = definedOnly({ title: command.title, description: command.description });
      const changes = Object.fromEntries(
        Object.entries(wanted).filter(([key, value]) => state.settings[key as keyof ProcessSettings] !== value),
      ) as Partial<ProcessSettings>;
      if (Object.keys(changes).length === 0) throw violation('PROCESS-3', 'The update changes nothing.');
      return [{ type: 'process.updated', at, changes }];
    }
    case 'process.addMember': {
      // PROCESS-4: one member per sign-in, so that who acts is never ambiguous.
      if (memberOfUser(state, command.userId)) {
        throw violation('PROCESS-4', 'This person is already a member of the process.');
      }
      const { type: _type, country, ...profile } = command;
      return [{ type: 'process.memberAdded', at, member: { id: ctx.newId(), ...profile, country: country ?? null } }];
    }
    case 'process.setRole': {
      const member = state.members[command.memberId];
      if (!member) throw notFound('PROCESS-4', `No member ${command.memberId} in this process.`);
      if (member.role === command.role) throw violation('PROCESS-3', `The member is already ${command.role}.`);
      if (member.role === 'chair') requireAnotherChair(state, member.id);
      return [{ type: 'process.memberRoleChanged', at, memberId: member.id, role: command.role }];
    }
    case 'process.removeMember': {
      const member = state.members[command.memberId];
      if (!member) throw notFound('PROCESS-4', `No member ${command.memberId} in this process.`);
      if (member.role === 'chair') requireAnotherChair(state, member.id);
      if (member.id === actingMember(state, ctx).id) throw forbidden('PROCESS-5', 'You cannot remove yourself; another staff member can.');
      return [{ type: 'process.memberRemoved', at, memberId: member.id }];
    }
    case 'process.linkEngagement':
      if (state.engagements[command.engagementId]) throw violation('PROCESS-6', 'The engagement already belongs to this process.');
      return [{ type: 'process.engagementLinked', at, engagementId: command.engagementId, title: command.title }];
    case 'process.unlinkEngagement': {
      if (!state.engagements[command.engagementId]) throw notFound('PROCESS-6', 'The engagement does not belong to this process.');
      const used = Object.values(state.proposals).find((p) => p.source.engagementId === command.engagementId);
      if (used) throw violation('PROCESS-6', `Proposal ${used.number} was heard in this engagement: it stays linked.`);
      return [{ type: 'process.engagementUnlinked', at, engagementId: command.engagementId }];
    }
    default:
      return assertNever(command);
  }
}

/** PROCESS-5: a process always keeps a Chair, so that someone can publish papers and run it. */
function requireAnotherChair(state: ProcessState, memberId: string): void {
  if (!Object.values(state.members).some((m) => m.role === 'chair' && m.id !== memberId)) {
    throw violation('PROCESS-5', 'The process must keep a Chair: make someone else Chair first.');
  }
}

function create(state: ProcessState, command: ProcessCommandOf<'process.create'>, ctx: DecideContext): ProcessEvent[] {
  if (state.id) throw violation('PROCESS-1', 'The process already exists.');
  if (ctx.actor.kind !== 'user') throw forbidden('PROCESS-1', 'A process is created by a person, who becomes its Chair.');
  const processId = command.processId ?? ctx.newId();
  return [
    {
      type: 'process.created',
      at: ctx.now,
      processId,
      settings: { title: command.title, description: command.description ?? null },
      chair: {
        id: ctx.newId(),
        userId: ctx.actor.userId,
        displayName: ctx.actor.displayName,
        organization: 'Chair',
        category: 'other',
        country: null,
        role: 'chair',
      },
    },
  ];
}
