import type { Category, Role } from '../vocabulary.js';
import type { FrameworkElement, PaperLanguage, ProposalSourceKind, ProposalStatus } from './vocabulary.js';

// STORED FOREVER. Every process event ever appended must stay readable by `evolveProcess`: add new event
// types or new optional fields; never rename, remove or change the meaning of a field. Past tense
// (`slice.verbed`); `at` is when the server recorded it (UTC ISO); `version` is assigned by the process's
// own log. `byMemberId` is who acted: staff see it, nobody else (PROCESS-VIEW-3).

export interface MemberRecord {
  id: string;
  /** Who signed in. Staff and the member alone see it (PROCESS-VIEW-2). */
  userId?: string;
  displayName: string;
  organization: string;
  category: Category;
  country: string | null;
  role: Role;
}

export interface ProcessSettings {
  title: string;
  description: string | null;
}

/** Where a proposal was heard. Outside staff and its proponents only `kind` and `engagementId` are seen (PROCESS-VIEW-4). */
export interface ProposalSourceRecord {
  kind: ProposalSourceKind;
  engagementId: string | null;
  requestId: string | null;
  inputId: string | null;
  roundId: string | null;
  roomId: string | null;
  /** The intervention's note, or the rapporteur's line, as staff took it down. */
  text: string | null;
}

export interface Implementation {
  action: string | null;
  implementers: string | null;
  beneficiaries: string[];
  resources: string | null;
  timeline: string | null;
  frameworkElement: FrameworkElement | null;
}

/** A proponent of a proposal; its name is a copy of the member's, taken when it became a proponent. */
export interface Proponent {
  memberId: string;
  organization: string;
  displayName: string;
  category: Category;
  /** PROPOSAL-8: named outside the staff only with the proponent's own consent; false by default. */
  named: boolean;
}

export interface ProposalRecord {
  id: string;
  /** 1, 2, 3, … in the order proposals were put forward across the whole process. */
  number: number;
  source: ProposalSourceRecord;
  title: string;
  description: string;
  questionRef: string | null;
  theme: string;
  implementation: Implementation;
  proponents: Proponent[];
}

export type ProposalChanges = Partial<Pick<ProposalRecord, 'title' | 'description' | 'questionRef' | 'theme' | 'implementation'>>;

export interface PaperVersionRecord {
  /** 1, 2, 3, … per paper. */
  version: number;
  title: string;
  language: PaperLanguage;
  /** An attachment stored and checked as written inputs' attachments are (type, size). */
  attachmentId: string;
  byMemberId: string | null;
}

type E<T extends string, P> = { type: T; at: string } & P;

export type ProcessEvent =
  // the process
  | E<'process.created', { processId: string; settings: ProcessSettings; chair: MemberRecord }>
  | E<'process.updated', { changes: Partial<ProcessSettings> }>
  | E<'process.memberAdded', { member: MemberRecord }>
  | E<'process.memberRoleChanged', { memberId: string; role: Role }>
  | E<'process.memberRemoved', { memberId: string }>
  | E<'process.engagementLinked', { engagementId: string; title: string }>
  | E<'process.engagementUnlinked', { engagementId: string }>
  // the proposals register
  | E<'proposal.putForward', { proposal: ProposalRecord; byMemberId: string | null }>
  | E<'proposal.updated', { proposalId: string; changes: ProposalChanges; byMemberId: string | null }>
  | E<
      'proposal.statusChanged',
      { proposalId: string; from: ProposalStatus; status: ProposalStatus; reason: string | null; byMemberId: string | null }
    >
  | E<
      'proposal.merged',
      { proposalId: string; intoProposalId: string; from: ProposalStatus; reason: string | null; byMemberId: string | null }
    >
  | E<'proposal.withdrawn', { proposalId: string; from: ProposalStatus; reason: string | null; byMemberId: string | null }>
  | E<'proposal.proponentAdded', { proposalId: string; proponent: Proponent }>
  | E<'proposal.consentSet', { proposalId: string; memberId: string; named: boolean }>
  | E<
      'proposal.questionAsked',
      { questionId: string; proposalId: string; toMemberId: string | null; text: string; byMemberId: string | null }
    >
  | E<'proposal.questionAnswered', { questionId: string; proposalId: string; text: string; byMemberId: string | null }>
  // concept papers
  /** `paperVersion`, never `version`: the log uses `version` for the process's own event number. */
  | E<'paper.submitted', { paperId: string; proposalId: string; paperVersion: PaperVersionRecord }>
  | E<'paper.revised', { paperId: string; proposalId: string; paperVersion: PaperVersionRecord }>
  /** PAPER-3: every version up to `publishedVersion` is published. */
  | E<'paper.published', { paperId: string; proposalId: string; publishedVersion: number; byMemberId: string | null }>
  | E<'paper.unpublished', { paperId: string; proposalId: string; byMemberId: string | null }>
  // feedback on papers
  | E<'feedback.posted', { feedbackId: string; paperId: string; parentId: string | null; text: string; authorId: string }>
  | E<'feedback.hidden', { feedbackId: string; paperId: string; reason: string | null; byMemberId: string | null }>
  | E<'feedback.shown', { feedbackId: string; paperId: string; byMemberId: string | null }>;

export type ProcessEventType = ProcessEvent['type'];
export type ProcessEventOf<T extends ProcessEventType> = Extract<ProcessEvent, { type: T }>;

/** As the process's log holds it: numbered 1, 2, 3, … without gaps. */
export type StoredProcessEvent = ProcessEvent & { version: number };

export const PROCESS_EVENT_TYPES = [
  'process.created',
  'process.updated',
  'process.memberAdded',
  'process.memberRoleChanged',
  'process.memberRemoved',
  'process.engagementLinked',
  'process.engagementUnlinked',
  'proposal.putForward',
  'proposal.updated',
  'proposal.statusChanged',
  'proposal.merged',
  'proposal.withdrawn',
  'proposal.proponentAdded',
  'proposal.consentSet',
  'proposal.questionAsked',
  'proposal.questionAnswered',
  'paper.submitted',
  'paper.revised',
  'paper.published',
  'paper.unpublished',
  'feedback.posted',
  'feedback.hidden',
  'feedback.shown',
] as const satisfies readonly ProcessEventType[];

/** Compile-time: the list names every event type of the union (a new type must be added above). */
type Unlisted = Exclude<ProcessEventType, (typeof PROCESS_EVENT_TYPES)[number]>;
export const PROCESS_EVENT_TYPES_COMPLETE: [Unlisted] extends [never] ? true : Unlisted = true;
