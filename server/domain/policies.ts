import { BREAKOUT_ALLOWED } from './breakouts/commands.js';
import { SUMMARY_ALLOWED } from './summaryReview/commands.js';
import type { Command, CommandType } from './commands.js';
import type { Actor } from './context.js';
import { forbidden } from './errors.js';
import { participantOfUser } from './participant/index.js';
import type { EngagementState } from './state.js';
import type { Role } from './vocabulary.js';

// Who may issue which command: the table of docs/api.md, written out once (AUTH-1). `signed-in` is anyone
// signed in, participant or not; `system` is the server itself (deadlines, invitation redemption).
// Ownership ("their own request", "the author") is checked by `decide`, which knows the subject (AUTH-2).

export type Principal = Role | 'signed-in' | 'system';

const STAFF = ['chair', 'secretariat'] as const;
const SPEAKERS = ['stakeholder', 'delegation'] as const;
/** input.*: the author, who may be any approved participant except an observer. */
const AUTHORS = ['chair', 'secretariat', 'delegation', 'stakeholder'] as const;

export const ALLOWED: Record<CommandType, readonly Principal[]> = {
  ...BREAKOUT_ALLOWED,
  ...SUMMARY_ALLOWED,
  'engagement.create': ['signed-in'],
  'engagement.update': STAFF,
  'engagement.open': STAFF,
  'engagement.start': STAFF,
  'engagement.end': STAFF,
  'agenda.add': STAFF,
  'agenda.update': STAFF,
  'agenda.remove': STAFF,
  'agenda.move': STAFF,
  'agenda.begin': STAFF,
  'question.add': STAFF,
  'question.update': STAFF,
  'question.remove': STAFF,
  'question.move': STAFF,
  'question.open': STAFF,
  'question.close': STAFF,
  'participant.register': ['signed-in'],
  'participant.approve': STAFF,
  'participant.decline': STAFF,
  'participant.setRole': STAFF,
  'participant.object': ['delegation'],
  'invitation.create': STAFF,
  'invitation.revoke': STAFF,
  'invitation.redeem': ['system'],
  'floor.request': SPEAKERS,
  'floor.withdraw': SPEAKERS,
  'floor.give': STAFF,
  'floor.pause': STAFF,
  'floor.resume': STAFF,
  'floor.extend': STAFF,
  'floor.end': STAFF,
  'floor.skip': STAFF,
  'floor.move': STAFF,
  'floor.defer': STAFF,
  'floor.policy': STAFF,
  'floor.recordOverrun': ['system'],
  'time.setHardStop': STAFF,
  'time.replan': STAFF,
  'note.add': STAFF,
  'input.submit': AUTHORS,
  'input.withdraw': AUTHORS,
};

const WHO: Record<Principal, string> = {
  chair: 'the Chair',
  secretariat: 'the secretariat',
  delegation: 'delegations',
  stakeholder: 'stakeholders',
  observer: 'observers',
  'signed-in': 'anyone signed in',
  system: 'the server itself',
};

const AS_ROLE: Record<Role, string> = {
  chair: 'the Chair',
  secretariat: 'the secretariat',
  delegation: 'a delegation',
  stakeholder: 'a stakeholder',
  observer: 'an observer',
};

const describe = (allowed: readonly Principal[]): string => {
  const words = allowed.map((p) => WHO[p]);
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
};

/** The role the actor acts in: their approved role here, or null (not a participant, pending, declined). */
export function roleOf(state: EngagementState, actor: Actor): Role | null {
  if (actor.kind !== 'user') return null;
  const p = participantOfUser(state.participants, actor.userId);
  return p?.status === 'approved' ? p.role : null;
}

/** Whether `actor` may issue a command of this type here (AUTH-1), without throwing. */
export function can(state: EngagementState, actor: Actor, type: CommandType): boolean {
  const allowed = ALLOWED[type];
  if (actor.kind === 'system') return allowed.includes('system');
  if (allowed.includes('signed-in')) return true;
  const role = roleOf(state, actor);
  return role !== null && allowed.includes(role);
}

/** Who may issue which command (the table of docs/api.md). Throws a FORBIDDEN DomainError when not allowed. */
export function authorize(state: EngagementState, actor: Actor, command: Command): void {
  if (can(state, actor, command.type)) return;
  const allowed = ALLOWED[command.type];
  if (actor.kind === 'system') throw forbidden('AUTH-1', `${command.type} is issued by people, not by the server.`);
  if (allowed.includes('system')) throw forbidden('AUTH-1', `${command.type} is issued by the server itself, never by a person.`);
  const mine = Object.values(state.participants).find((p) => p.userId === actor.userId);
  const standing = !mine
    ? 'You are not a participant of this engagement; register first.'
    : mine.status === 'pending'
      ? "Your registration is still waiting for the Chair's approval."
      : mine.status === 'declined'
        ? 'Your registration was declined.'
        : `You take part as ${AS_ROLE[mine.role]}.`;
  throw forbidden('AUTH-1', `Only ${describe(allowed)} may ${command.type.replace('.', ': ')}. ${standing}`);
}
export type { CommandType };
