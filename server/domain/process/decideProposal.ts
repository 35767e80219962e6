import type { DecideContext } from '../context.js';
import { forbidden, notFound, violation } from '../errors.js';
import { assertNever } from '../events.js';
import type { ProcessCommandOf, ProposalSourceInput } from './commands.js';
import type { Implementation, ProcessEvent, ProposalChanges, ProposalSourceRecord, Proponent } from './events.js';
import { actingMember, definedOnly, isStaff, requireLive, requireProcess, requireProposal, requireStaffOrProponent } from './guards.js';
import { emptyImplementation, isProponent, type Member, type ProcessState, type Proposal } from './state.js';
import type { ProposalStatus } from './vocabulary.js';

// The proposals register (PROPOSAL-1..11): putting forward, editing, the status road, merging,
// withdrawing, proponents and their consent, and the questions staff ask them.

type ProposalCommand = ProcessCommandOf<
  | 'proposal.putForward'
  | 'proposal.update'
  | 'proposal.setStatus'
  | 'proposal.merge'
  | 'proposal.withdraw'
  | 'proposal.addProponent'
  | 'proposal.setConsent'
  | 'proposal.ask'
  | 'proposal.answer'
>;

/** Before a concept paper exists, asking a question moves the proposal on to `question-to-proponent`. */
const BEFORE_QUESTION: readonly ProposalStatus[] = ['put-forward', 'under-study'];

export function decideProposal(state: ProcessState, command: ProposalCommand, ctx: DecideContext): ProcessEvent[] {
  requireProcess(state);
  const me = actingMember(state, ctx);
  const at = ctx.now;
  const by = me.id;
  switch (command.type) {
    case 'proposal.putForward':
      return [putForward(state, command, me, ctx)];
    case 'proposal.update': {
      const proposal = requireProposal(state, command.proposalId);
      requireStaffOrProponent(proposal, me, 'edit');
      requireLive(proposal);
      const changes = changesOf(proposal, command);
      if (Object.keys(changes).length === 0) throw violation('PROPOSAL-7', 'The update changes nothing.');
      return [{ type: 'proposal.updated', at, proposalId: proposal.id, changes, byMemberId: by }];
    }
    case 'proposal.setStatus': {
      const proposal = requireProposal(state, command.proposalId);
      requireLive(proposal);
      if (proposal.status === command.status) throw violation('PROPOSAL-5', `Proposal ${proposal.number} is already ${command.status}.`);
      if (command.status === 'elaborated' && !Object.values(state.papers).some((p) => p.proposalId === proposal.id)) {
        throw violation('PROPOSAL-5', `Proposal ${proposal.number} is elaborated once a concept paper has been submitted for it.`);
      }
      return [statusChanged(proposal, command.status, command.reason ?? null, by, at)];
    }
    case 'proposal.merge': {
      const proposal = requireProposal(state, command.proposalId);
      const into = requireProposal(state, command.intoProposalId);
      requireLive(proposal);
      if (into.id === proposal.id) throw violation('PROPOSAL-6', 'A proposal cannot be merged into itself.');
      requireLive(into);
      return [
        {
          type: 'proposal.merged',
          at,
          proposalId: proposal.id,
          intoProposalId: into.id,
          from: proposal.status,
          reason: command.reason ?? null,
          byMemberId: by,
        },
      ];
    }
    case 'proposal.withdraw': {
      const proposal = requireProposal(state, command.proposalId);
      requireStaffOrProponent(proposal, me, 'withdraw');
      requireLive(proposal);
      return [
        { type: 'proposal.withdrawn', at, proposalId: proposal.id, from: proposal.status, reason: command.reason ?? null, byMemberId: by },
      ];
    }
    case 'proposal.addProponent': {
      const proposal = requireProposal(state, command.proposalId);
      requireLive(proposal);
      if (isProponent(proposal, command.memberId)) throw violation('PROPOSAL-3', 'The member is already a proponent of this proposal.');
      return [{ type: 'proposal.proponentAdded', at, proposalId: proposal.id, proponent: proponentOf(state, command.memberId) }];
    }
    case 'proposal.setConsent': {
      const proposal = requireProposal(state, command.proposalId);
      const mine = proposal.proponents.find((p) => p.memberId === me.id);
      if (!mine) throw forbidden('PROPOSAL-8', 'Only a proponent decides whether it is named, for its own name.');
      if (mine.named === command.named)
        throw violation('PROPOSAL-8', command.named ? 'You already agreed to be named.' : 'You are not named.');
      return [{ type: 'proposal.consentSet', at, proposalId: proposal.id, memberId: me.id, named: command.named }];
    }
    case 'proposal.ask':
      return ask(state, command, by, at, ctx.newId);
    case 'proposal.answer': {
      const question = state.questions[command.questionId];
      if (!question) throw notFound('PROPOSAL-10', `No question ${command.questionId} in this process.`);
      const proposal = requireProposal(state, question.proposalId);
      const addressee = question.toMemberId === null ? isProponent(proposal, me.id) : question.toMemberId === me.id;
      if (!addressee) throw forbidden('PROPOSAL-10', 'Only the proponent the question was put to answers it.');
      if (question.answer !== null) throw violation('PROPOSAL-10', 'The question has been answered; staff may ask another.');
      return [
        { type: 'proposal.questionAnswered', at, questionId: question.id, proposalId: proposal.id, text: command.text, byMemberId: by },
      ];
    }
    default:
      return assertNever(command);
  }
}

export function statusChanged(proposal: Proposal, status: ProposalStatus, reason: string | null, by: string, at: string): ProcessEvent {
  return { type: 'proposal.statusChanged', at, proposalId: proposal.id, from: proposal.status, status, reason, byMemberId: by };
}

function putForward(state: ProcessState, command: ProcessCommandOf<'proposal.putForward'>, me: Member, ctx: DecideContext): ProcessEvent {
  const source = sourceOf(command.source);
  // PROPOSAL-1: what was heard in an engagement belongs to the process only if the engagement does.
  if (source.engagementId !== null && !state.engagements[source.engagementId]) {
    throw violation('PROPOSAL-1', `Engagement ${source.engagementId} does not belong to this process: link it first.`);
  }
  let proponentIds = [...new Set(command.proponentIds ?? [])];
  if (!isStaff(me)) {
    // PROPOSAL-2: a delegation or stakeholder puts forward its own proposal, by hand or from its written input.
    if (source.kind !== 'manual' && source.kind !== 'written-input') {
      throw forbidden(
        'PROPOSAL-2',
        'Staff turn interventions and breakout reports into proposals; put yours forward by hand or from your written input.',
      );
    }
    if (proponentIds.some((id) => id !== me.id)) throw forbidden('PROPOSAL-2', 'You put forward proposals in your own name only.');
    proponentIds = [me.id];
  }
  return {
    type: 'proposal.putForward',
    at: ctx.now,
    proposal: {
      id: ctx.newId(),
      number: Object.keys(state.proposals).length + 1,
      source,
      title: command.title,
      description: command.description,
      questionRef: command.questionRef ?? null,
      theme: command.theme,
      implementation: { ...emptyImplementation(), ...definedOnly(command.implementation ?? {}) } as Implementation,
      proponents: proponentIds.map((id) => proponentOf(state, id)),
    },
    byMemberId: me.id,
  };
}

/** PROPOSAL-3: proponents are delegations and stakeholders of the process; not named until they agree (PROPOSAL-8). */
function proponentOf(state: ProcessState, memberId: string): Proponent {
  const member = state.members[memberId];
  if (!member) throw notFound('PROPOSAL-3', `No member ${memberId} in this process.`);
  if (member.role !== 'delegation' && member.role !== 'stakeholder') {
    throw violation('PROPOSAL-3', 'Proponents are delegations and stakeholders; staff and observers are not.');
  }
  return { memberId, organization: member.organization, displayName: member.displayName, category: member.category, named: false };
}

function sourceOf(input: ProposalSourceInput): ProposalSourceRecord {
  const none: ProposalSourceRecord = {
    kind: input.kind,
    engagementId: null,
    requestId: null,
    inputId: null,
    roundId: null,
    roomId: null,
    text: null,
  };
  switch (input.kind) {
    case 'intervention':
      return { ...none, engagementId: input.engagementId, requestId: input.requestId, text: input.note ?? null };
    case 'written-input':
      return { ...none, engagementId: input.engagementId, inputId: input.inputId };
    case 'breakout-report':
      return { ...none, engagementId: input.engagementId, roundId: input.roundId, roomId: input.roomId, text: input.text ?? null };
    case 'manual':
      return none;
    default:
      return assertNever(input);
  }
}

function changesOf(proposal: Proposal, command: ProcessCommandOf<'proposal.update'>): ProposalChanges {
  const changes: ProposalChanges = {};
  if (command.title !== undefined && command.title !== proposal.title) changes.title = command.title;
  if (command.description !== undefined && command.description !== proposal.description) changes.description = command.description;
  if (command.questionRef !== undefined && command.questionRef !== proposal.questionRef) changes.questionRef = command.questionRef;
  if (command.theme !== undefined && command.theme !== proposal.theme) changes.theme = command.theme;
  if (command.implementation !== undefined) {
    const next = { ...proposal.implementation, ...definedOnly(command.implementation) } as Implementation;
    if (JSON.stringify(next) !== JSON.stringify(proposal.implementation)) changes.implementation = next;
  }
  return changes;
}

function ask(state: ProcessState, command: ProcessCommandOf<'proposal.ask'>, by: string, at: string, newId: () => string): ProcessEvent[] {
  const proposal = requireProposal(state, command.proposalId);
  requireLive(proposal);
  // PROPOSAL-9: a question goes to a proponent, who can answer it.
  if (proposal.proponents.length === 0)
    throw violation('PROPOSAL-9', `Proposal ${proposal.number} has no proponent to ask: add one first.`);
  if (command.toMemberId !== undefined && !isProponent(proposal, command.toMemberId)) {
    throw violation('PROPOSAL-9', 'Ask a proponent of this proposal.');
  }
  const asked: ProcessEvent = {
    type: 'proposal.questionAsked',
    at,
    questionId: newId(),
    proposalId: proposal.id,
    toMemberId: command.toMemberId ?? null,
    text: command.text,
    byMemberId: by,
  };
  return BEFORE_QUESTION.includes(proposal.status) ? [asked, statusChanged(proposal, 'question-to-proponent', null, by, at)] : [asked];
}
