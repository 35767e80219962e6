import { assertNever } from '../events.js';
import type { ProcessEvent } from './events.js';
import type { ConceptPaper, Feedback, ProcessState, Proposal, ProponentQuestion, StatusChange } from './state.js';

// Folds one process event into the state. Pure and total, shaped like the engagement's `evolve`: an event
// whose subject a projected view does not hold changes nothing rather than failing, because a client folds
// redacted events into its own view with this same function (PROCESS-VIEW-6).

const without = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  const { [key]: _gone, ...rest } = record;
  return rest;
};

function withProposal(state: ProcessState, id: string, fn: (p: Proposal) => Proposal): ProcessState {
  const proposal = state.proposals[id];
  return proposal ? { ...state, proposals: { ...state.proposals, [id]: fn(proposal) } } : state;
}

function withPaper(state: ProcessState, id: string, fn: (p: ConceptPaper) => ConceptPaper): ProcessState {
  const paper = state.papers[id];
  return paper ? { ...state, papers: { ...state.papers, [id]: fn(paper) } } : state;
}

function withQuestion(state: ProcessState, id: string, fn: (q: ProponentQuestion) => ProponentQuestion): ProcessState {
  const question = state.questions[id];
  return question ? { ...state, questions: { ...state.questions, [id]: fn(question) } } : state;
}

function withFeedback(state: ProcessState, id: string, fn: (f: Feedback) => Feedback): ProcessState {
  const feedback = state.feedback[id];
  return feedback ? { ...state, feedback: { ...state.feedback, [id]: fn(feedback) } } : state;
}

const moved = (p: Proposal, change: StatusChange, extra: Partial<Proposal> = {}): Proposal => ({
  ...p,
  ...extra,
  status: change.status,
  updatedAt: change.at,
  history: [...p.history, change],
});

export function evolveProcess(state: ProcessState, event: ProcessEvent): ProcessState {
  const at = event.at;
  switch (event.type) {
    case 'process.created':
      return {
        ...state,
        id: event.processId,
        createdAt: at,
        settings: event.settings,
        members: { ...state.members, [event.chair.id]: { ...event.chair, addedAt: at } },
      };
    case 'process.updated':
      return { ...state, settings: { ...state.settings, ...event.changes } };
    case 'process.memberAdded':
      return { ...state, members: { ...state.members, [event.member.id]: { ...event.member, addedAt: at } } };
    case 'process.memberRoleChanged': {
      const member = state.members[event.memberId];
      return member ? { ...state, members: { ...state.members, [member.id]: { ...member, role: event.role } } } : state;
    }
    case 'process.memberRemoved':
      return { ...state, members: without(state.members, event.memberId) };
    case 'process.engagementLinked':
      return {
        ...state,
        engagements: { ...state.engagements, [event.engagementId]: { engagementId: event.engagementId, title: event.title, linkedAt: at } },
      };
    case 'process.engagementUnlinked':
      return { ...state, engagements: without(state.engagements, event.engagementId) };
    case 'proposal.putForward': {
      const proposal: Proposal = {
        ...event.proposal,
        status: 'put-forward',
        mergedIntoId: null,
        putForwardAt: at,
        updatedAt: at,
        history: [],
      };
      return { ...state, proposals: { ...state.proposals, [proposal.id]: proposal } };
    }
    case 'proposal.updated':
      return withProposal(state, event.proposalId, (p) => ({ ...p, ...event.changes, updatedAt: at }));
    case 'proposal.statusChanged':
      return withProposal(state, event.proposalId, (p) =>
        moved(p, { at, from: event.from, status: event.status, reason: event.reason, byMemberId: event.byMemberId }),
      );
    case 'proposal.merged':
      return withProposal(state, event.proposalId, (p) =>
        moved(
          p,
          { at, from: event.from, status: 'merged', reason: event.reason, byMemberId: event.byMemberId },
          { mergedIntoId: event.intoProposalId },
        ),
      );
    case 'proposal.withdrawn':
      return withProposal(state, event.proposalId, (p) =>
        moved(p, { at, from: event.from, status: 'withdrawn', reason: event.reason, byMemberId: event.byMemberId }),
      );
    case 'proposal.proponentAdded':
      return withProposal(state, event.proposalId, (p) => ({ ...p, proponents: [...p.proponents, event.proponent] }));
    case 'proposal.consentSet':
      return withProposal(state, event.proposalId, (p) => ({
        ...p,
        proponents: p.proponents.map((x) => (x.memberId === event.memberId ? { ...x, named: event.named } : x)),
      }));
    case 'proposal.questionAsked': {
      const question: ProponentQuestion = {
        id: event.questionId,
        proposalId: event.proposalId,
        toMemberId: event.toMemberId,
        text: event.text,
        askedAt: at,
        askedBy: event.byMemberId,
        answer: null,
        answeredAt: null,
        answeredBy: null,
      };
      return { ...state, questions: { ...state.questions, [question.id]: question } };
    }
    case 'proposal.questionAnswered':
      return withQuestion(state, event.questionId, (q) => ({ ...q, answer: event.text, answeredAt: at, answeredBy: event.byMemberId }));
    case 'paper.submitted': {
      const paper: ConceptPaper = {
        id: event.paperId,
        proposalId: event.proposalId,
        versions: [{ ...event.paperVersion, at }],
        publishedVersion: null,
        publishedAt: null,
        submittedAt: at,
      };
      return { ...state, papers: { ...state.papers, [paper.id]: paper } };
    }
    case 'paper.revised':
      return withPaper(state, event.paperId, (p) => ({ ...p, versions: [...p.versions, { ...event.paperVersion, at }] }));
    case 'paper.published':
      return withPaper(state, event.paperId, (p) => ({ ...p, publishedVersion: event.publishedVersion, publishedAt: at }));
    case 'paper.unpublished':
      return withPaper(state, event.paperId, (p) => ({ ...p, publishedVersion: null, publishedAt: null }));
    case 'feedback.posted': {
      const feedback: Feedback = {
        id: event.feedbackId,
        paperId: event.paperId,
        parentId: event.parentId,
        text: event.text,
        authorId: event.authorId,
        at,
        hidden: false,
        hiddenReason: null,
      };
      return { ...state, feedback: { ...state.feedback, [feedback.id]: feedback } };
    }
    case 'feedback.hidden':
      return withFeedback(state, event.feedbackId, (f) => ({ ...f, hidden: true, hiddenReason: event.reason }));
    case 'feedback.shown':
      return withFeedback(state, event.feedbackId, (f) => ({ ...f, hidden: false, hiddenReason: null }));
    default:
      return assertNever(event);
  }
}

/** The state after every event, from the empty state: what start-up and the tests fold. */
export const foldProcess = (events: readonly ProcessEvent[], from: ProcessState): ProcessState => events.reduce(evolveProcess, from);
