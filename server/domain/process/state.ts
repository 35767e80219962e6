import type { Implementation, MemberRecord, PaperVersionRecord, ProcessSettings, Proponent, ProposalSourceRecord } from './events.js';
import type { ProposalStatus } from './vocabulary.js';
import { memoized } from '../foldOwnership.js';

// The state of one process, folded from its events by `evolveProcess`. Plain JSON (records keyed by id), so
// the same value is the server's state, a viewer's projection and what a client folds redacted events into.

export interface Member extends MemberRecord {
  addedAt: string;
}

export interface LinkedEngagement {
  engagementId: string;
  title: string;
  linkedAt: string;
}

/** One change of status: who (staff only, PROCESS-VIEW-3) and when. */
export interface StatusChange {
  at: string;
  from: ProposalStatus;
  status: ProposalStatus;
  reason: string | null;
  byMemberId: string | null;
}

export interface Proposal {
  id: string;
  number: number;
  source: ProposalSourceRecord;
  title: string;
  description: string;
  questionRef: string | null;
  theme: string;
  implementation: Implementation;
  proponents: Proponent[];
  status: ProposalStatus;
  /** Set when merged into another proposal (PROPOSAL-6). */
  mergedIntoId: string | null;
  putForwardAt: string;
  updatedAt: string;
  history: StatusChange[];
}

/** A question from staff to a proposal's proponent, and the proponent's written answer (PROPOSAL-9, 10). */
export interface ProponentQuestion {
  id: string;
  proposalId: string;
  toMemberId: string | null;
  text: string;
  askedAt: string;
  askedBy: string | null;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
}

export interface PaperVersion extends PaperVersionRecord {
  at: string;
}

export interface ConceptPaper {
  id: string;
  proposalId: string;
  /** Oldest first. */
  versions: PaperVersion[];
  /** PAPER-3: versions up to this one are published; null when unpublished. */
  publishedVersion: number | null;
  publishedAt: string | null;
  submittedAt: string;
}

export interface Feedback {
  id: string;
  paperId: string;
  parentId: string | null;
  text: string;
  authorId: string;
  at: string;
  hidden: boolean;
  hiddenReason: string | null;
}

export interface ProcessState {
  id: string;
  createdAt: string;
  settings: ProcessSettings;
  members: Record<string, Member>;
  engagements: Record<string, LinkedEngagement>;
  proposals: Record<string, Proposal>;
  questions: Record<string, ProponentQuestion>;
  papers: Record<string, ConceptPaper>;
  feedback: Record<string, Feedback>;
}

export const emptyProcessState = (): ProcessState => ({
  id: '',
  createdAt: '',
  settings: { title: '', description: null },
  members: {},
  engagements: {},
  proposals: {},
  questions: {},
  papers: {},
  feedback: {},
});

export const emptyImplementation = (): Implementation => ({
  action: null,
  implementers: null,
  beneficiaries: [],
  resources: null,
  timeline: null,
  frameworkElement: null,
});

/**
 * The member signed in as `userId`, or undefined. Every command and every redaction asks who its actor or
 * viewer is, so the index is built once per members record (evolveProcess never changes a record in place)
 * rather than scanned per question: derived, never stored.
 */
export function memberOfUser(state: ProcessState, userId: string): Member | undefined {
  const members = state.members;
  return memoized(members, 'memberOfUser', () => {
    const index = new Map<string, Member>();
    for (const m of Object.values(members)) if (m.userId !== undefined && !index.has(m.userId)) index.set(m.userId, m);
    return index;
  }).get(userId);
}

export const isProponent = (proposal: Proposal, memberId: string | null): boolean =>
  memberId !== null && proposal.proponents.some((p) => p.memberId === memberId);
