import { z } from 'zod';
import { Category, Role } from '../vocabulary.js';
import { FrameworkElement, PaperLanguage, SettableStatus } from './vocabulary.js';

// Every change to a process is one of these commands: `slice.verb` (process, proposal, paper, feedback),
// validated here once at the edge, strict objects so an unknown field is a 400. A process is its own
// aggregate beside the engagement (SPEC.md, PROCESS): the same write path will run these commands through
// authorizeProcess → decideProcess → evolveProcess. `process.create` is internal (its own endpoint).

const Id = z.string().min(1).max(64);
const Title = z.string().trim().min(1).max(200);
const ShortText = z.string().trim().max(500);
const LongText = z.string().trim().max(20_000);
const FieldText = z.string().trim().max(2_000);

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), ...shape });

// ---- process -----------------------------------------------------------------------------------
/** internal: POST /api/processes issues it; the creator becomes the process's Chair (PROCESS-1). */
export const ProcessCreate = cmd('process.create', {
  processId: Id.optional(),
  title: Title,
  description: LongText.optional(),
});
export const ProcessUpdate = cmd('process.update', { title: Title.optional(), description: LongText.nullable().optional() });
export const ProcessAddMember = cmd('process.addMember', {
  userId: Id.max(200),
  displayName: z.string().trim().min(1).max(120),
  organization: z.string().trim().min(1).max(200),
  category: Category,
  country: z.string().trim().max(100).optional(),
  role: Role,
});
export const ProcessSetRole = cmd('process.setRole', { memberId: Id, role: Role });
export const ProcessRemoveMember = cmd('process.removeMember', { memberId: Id });
export const ProcessLinkEngagement = cmd('process.linkEngagement', { engagementId: Id, title: Title });
export const ProcessUnlinkEngagement = cmd('process.unlinkEngagement', { engagementId: Id });

// ---- proposals ---------------------------------------------------------------------------------
/** Where the proposal was heard. The write path checks the ids against the engagement (PROPOSAL-1). */
export const ProposalSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('intervention'), engagementId: Id, requestId: Id, note: z.string().trim().max(5_000).optional() }),
  z.strictObject({ kind: z.literal('written-input'), engagementId: Id, inputId: Id }),
  z.strictObject({
    kind: z.literal('breakout-report'),
    engagementId: Id,
    roundId: Id,
    roomId: Id,
    text: z.string().trim().max(2_000).optional(),
  }),
  z.strictObject({ kind: z.literal('manual') }),
]);
export type ProposalSourceInput = z.infer<typeof ProposalSource>;

/** The fields that make a proposal "how" rather than "what". Every one may be filled in later. */
export const ImplementationInput = z.strictObject({
  action: FieldText.optional(),
  implementers: FieldText.optional(),
  beneficiaries: z.array(z.string().trim().min(1).max(200)).max(10).optional(),
  resources: FieldText.optional(),
  timeline: ShortText.optional(),
  frameworkElement: FrameworkElement.nullable().optional(),
});

export const ProposalPutForward = cmd('proposal.putForward', {
  source: ProposalSource,
  title: Title,
  description: z.string().trim().min(1).max(5_000),
  /** A guiding question or agenda item, as the Chair names it ("GQ 2", "Agenda item 5"). */
  questionRef: ShortText.optional(),
  theme: z.string().trim().min(1).max(200),
  implementation: ImplementationInput.optional(),
  /** Members who put it forward; a delegation or stakeholder putting it forward is its own proponent (PROPOSAL-2). */
  proponentIds: z.array(Id).max(50).optional(),
});
export const ProposalUpdate = cmd('proposal.update', {
  proposalId: Id,
  title: Title.optional(),
  description: z.string().trim().min(1).max(5_000).optional(),
  questionRef: ShortText.nullable().optional(),
  theme: z.string().trim().min(1).max(200).optional(),
  implementation: ImplementationInput.optional(),
});
export const ProposalSetStatus = cmd('proposal.setStatus', { proposalId: Id, status: SettableStatus, reason: ShortText.optional() });
export const ProposalMerge = cmd('proposal.merge', { proposalId: Id, intoProposalId: Id, reason: ShortText.optional() });
export const ProposalWithdraw = cmd('proposal.withdraw', { proposalId: Id, reason: ShortText.optional() });
export const ProposalAddProponent = cmd('proposal.addProponent', { proposalId: Id, memberId: Id });
/** PROPOSAL-8: a proponent agrees (named: true) or no longer agrees to be named outside the staff. */
export const ProposalSetConsent = cmd('proposal.setConsent', { proposalId: Id, named: z.boolean() });
export const ProposalAsk = cmd('proposal.ask', { proposalId: Id, text: z.string().trim().min(1).max(5_000), toMemberId: Id.optional() });
export const ProposalAnswer = cmd('proposal.answer', { questionId: Id, text: z.string().trim().min(1).max(20_000) });

// ---- concept papers ----------------------------------------------------------------------------
export const PaperSubmit = cmd('paper.submit', { proposalId: Id, title: Title, language: PaperLanguage, attachmentId: Id });
export const PaperRevise = cmd('paper.revise', { paperId: Id, title: Title.optional(), language: PaperLanguage, attachmentId: Id });
/** PAPER-3: publishes the paper as it stands now (every version up to the latest) to all and to the portal. */
export const PaperPublish = cmd('paper.publish', { paperId: Id });
export const PaperUnpublish = cmd('paper.unpublish', { paperId: Id });

// ---- feedback on papers ------------------------------------------------------------------------
export const FeedbackPost = cmd('feedback.post', { paperId: Id, parentId: Id.optional(), text: z.string().trim().min(1).max(5_000) });
export const FeedbackHide = cmd('feedback.hide', { feedbackId: Id, reason: ShortText.optional() });
export const FeedbackShow = cmd('feedback.show', { feedbackId: Id });

export const PROCESS_COMMANDS = [
  ProcessCreate,
  ProcessUpdate,
  ProcessAddMember,
  ProcessSetRole,
  ProcessRemoveMember,
  ProcessLinkEngagement,
  ProcessUnlinkEngagement,
  ProposalPutForward,
  ProposalUpdate,
  ProposalSetStatus,
  ProposalMerge,
  ProposalWithdraw,
  ProposalAddProponent,
  ProposalSetConsent,
  ProposalAsk,
  ProposalAnswer,
  PaperSubmit,
  PaperRevise,
  PaperPublish,
  PaperUnpublish,
  FeedbackPost,
  FeedbackHide,
  FeedbackShow,
] as const;

export const ProcessCommand = z.discriminatedUnion('type', [...PROCESS_COMMANDS]);
export type ProcessCommand = z.infer<typeof ProcessCommand>;
export type ProcessCommandType = ProcessCommand['type'];
export type ProcessCommandOf<T extends ProcessCommandType> = Extract<ProcessCommand, { type: T }>;

export const PROCESS_COMMAND_TYPES = PROCESS_COMMANDS.map((c) => c.shape.type.value) as ProcessCommandType[];

/** Issued through its own endpoint (POST /api/processes), never at the process's POST /commands. */
export const INTERNAL_PROCESS_COMMANDS: readonly ProcessCommandType[] = ['process.create'];
export const isInternalProcessCommand = (type: string): boolean => (INTERNAL_PROCESS_COMMANDS as readonly string[]).includes(type);
