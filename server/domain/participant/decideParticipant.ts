import type { CommandOf } from '../commands.js';
import type { DecideContext } from '../context.js';
import { forbidden, notFound, violation } from '../errors.js';
import { assertNever, type EngagementEvent, type ParticipantProfile, type ParticipantRecord } from '../events.js';
import { floorLeavingEvents, mayAskForTheFloor } from '../floor/index.js';
import type { EngagementState, Participant } from '../state.js';
import type { Role } from '../vocabulary.js';
import { participantOfActor, requireApprovedActor, requireCreated } from '../guards.js';

// Registration, accreditation (approval, decline, the non-objection procedure) and roles (PART-1..10).

export type ParticipantCommand = CommandOf<
  'participant.register' | 'participant.approve' | 'participant.decline' | 'participant.setRole' | 'participant.object'
>;

export const profileOf = (p: ParticipantRecord): ParticipantProfile => ({
  displayName: p.displayName,
  organization: p.organization,
  category: p.category,
  region: p.region,
  country: p.country,
  accreditation: p.accreditation,
});

function requireParticipant(state: EngagementState, participantId: string): Participant {
  const p = state.participants[participantId];
  if (!p) throw notFound('PART-3', `There is no participant ${participantId}. Reload the list of registrations.`);
  return p;
}

/** PART-10: why someone's waiting requests were skipped, in plain words (shown on the speakers list). */
const NOW_A: Record<Role, string> = {
  chair: 'Now the Chair',
  secretariat: 'Now in the secretariat',
  delegation: 'Now a delegation',
  stakeholder: 'Now a stakeholder',
  observer: 'Now an observer',
};

const approvedChairs = (state: EngagementState): Participant[] =>
  Object.values(state.participants).filter((p) => p.status === 'approved' && p.role === 'chair');

export function decideParticipant(state: EngagementState, command: ParticipantCommand, ctx: DecideContext): EngagementEvent[] {
  requireCreated(state);
  const at = ctx.now;
  switch (command.type) {
    case 'participant.register': {
      if (ctx.actor.kind !== 'user') throw forbidden('AUTH-1', 'Only a signed-in person can register.');
      if (participantOfActor(state, ctx.actor)) {
        throw violation(
          'PART-1',
          'You are already registered for this engagement; one registration per person. Ask the Chair to change it if needed.',
        );
      }
      if (state.status !== 'open' && state.status !== 'live') {
        throw violation(
          'PART-2',
          state.status === 'draft'
            ? 'Registration opens when the Chair opens the engagement; try again then.'
            : 'The engagement has ended; registration is closed.',
        );
      }
      const participant: ParticipantRecord = {
        id: ctx.newId(),
        userId: ctx.actor.userId,
        // PART-2: a member state registers as a delegation, everyone else as a stakeholder; the Chair may change it.
        role: command.category === 'member-state' ? 'delegation' : 'stakeholder',
        displayName: command.displayName ?? ctx.actor.displayName,
        organization: command.organization,
        category: command.category,
        region: command.region ?? null,
        country: command.country ?? null,
        accreditation: command.accreditation ?? null,
      };
      return [{ type: 'participant.registered', at, participant }];
    }
    case 'participant.approve': {
      const p = requireParticipant(state, command.participantId);
      if (p.status !== 'pending')
        throw violation('PART-4', `Only a pending registration can be approved; ${p.displayName}'s is ${p.status}.`);
      // PART-6: under the non-objection procedure, one objection from a member state is enough to keep them out.
      if (p.accreditation === 'non-objection' && state.objections.some((o) => o.participantId === p.id)) {
        throw violation(
          'PART-6',
          `A delegation objected to ${p.organization}, admitted on a non-objection basis, so it cannot be approved. Decline the registration, or resolve the objection with the delegation first.`,
        );
      }
      return [
        {
          type: 'participant.approved',
          at,
          participantId: p.id,
          role: command.role ?? p.role,
          profile: profileOf(p),
          registeredAt: p.registeredAt,
        },
      ];
    }
    case 'participant.decline': {
      const p = requireParticipant(state, command.participantId);
      if (p.status !== 'pending')
        throw violation('PART-4', `Only a pending registration can be declined; ${p.displayName}'s is ${p.status}.`);
      // PART-10: a declined person no longer waits to speak (their reason stays with staff: VIEW-3).
      return [
        ...floorLeavingEvents(state, p.id, 'Registration declined', at),
        { type: 'participant.declined', at, participantId: p.id, reason: command.reason ?? null },
      ];
    }
    case 'participant.setRole': {
      const p = requireParticipant(state, command.participantId);
      if (p.status === 'declined') throw violation('PART-7', 'This registration was declined; its role no longer matters.');
      if (p.role === command.role) throw violation('PART-7', `${p.displayName} already has the role ${p.role}.`);
      // PART-8: someone must always be able to run the engagement.
      if (p.role === 'chair' && p.status === 'approved' && approvedChairs(state).length <= 1) {
        throw violation('PART-8', 'This is the last Chair; make someone else Chair first.');
      }
      // PART-10: in a role that may not ask for the floor, they no longer wait to speak.
      const leaving = mayAskForTheFloor(command.role) ? [] : floorLeavingEvents(state, p.id, NOW_A[command.role], at);
      return [...leaving, { type: 'participant.roleChanged', at, participantId: p.id, role: command.role }];
    }
    case 'participant.object': {
      const by = requireApprovedActor(state, ctx);
      const p = requireParticipant(state, command.participantId);
      if (p.role !== 'stakeholder' || p.status === 'declined') {
        throw violation('PART-9', 'An objection is recorded only against a stakeholder whose registration is pending or approved.');
      }
      if (state.objections.some((o) => o.participantId === p.id && o.byParticipantId === by.id)) {
        throw violation('PART-9', 'Your delegation has already objected to this stakeholder; one objection per delegation.');
      }
      return [
        { type: 'participant.objected', at, objectionId: ctx.newId(), participantId: p.id, byParticipantId: by.id, reason: command.reason },
      ];
    }
    default:
      return assertNever(command);
  }
}
