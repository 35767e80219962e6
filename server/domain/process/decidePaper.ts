import type { DecideContext } from '../context.js';
import { forbidden, notFound, violation } from '../errors.js';
import { assertNever } from '../events.js';
import type { ProcessCommandOf } from './commands.js';
import type { ProcessEvent } from './events.js';
import {
  actingMember,
  canSeePaper,
  isStaff,
  requireLive,
  requirePaper,
  requireProcess,
  requireProposal,
  requireStaffOrProponent,
} from './guards.js';
import { statusChanged } from './decideProposal.js';
import type { ProcessState } from './state.js';
import type { ProposalStatus } from './vocabulary.js';

// Concept papers (PAPER-1..4) and the feedback on them (FEEDBACK-1..3).

type PaperCommand = ProcessCommandOf<
  'paper.submit' | 'paper.revise' | 'paper.publish' | 'paper.unpublish' | 'feedback.post' | 'feedback.hide' | 'feedback.show'
>;

/** A first concept paper moves a proposal that was not yet elaborated to `elaborated` (PAPER-1). */
const BEFORE_PAPER: readonly ProposalStatus[] = ['put-forward', 'under-study', 'question-to-proponent'];

export function decidePaper(state: ProcessState, command: PaperCommand, ctx: DecideContext): ProcessEvent[] {
  requireProcess(state);
  const me = actingMember(state, ctx);
  const at = ctx.now;
  switch (command.type) {
    case 'paper.submit': {
      const proposal = requireProposal(state, command.proposalId);
      requireStaffOrProponent(proposal, me, 'submit a concept paper for');
      requireLive(proposal);
      const { title, language, attachmentId } = command;
      const submitted: ProcessEvent = {
        type: 'paper.submitted',
        at,
        paperId: ctx.newId(),
        proposalId: proposal.id,
        paperVersion: { version: 1, title, language, attachmentId, byMemberId: me.id },
      };
      return BEFORE_PAPER.includes(proposal.status) ? [submitted, statusChanged(proposal, 'elaborated', null, me.id, at)] : [submitted];
    }
    case 'paper.revise': {
      const paper = requirePaper(state, command.paperId);
      const proposal = requireProposal(state, paper.proposalId);
      requireStaffOrProponent(proposal, me, 'revise a concept paper of');
      requireLive(proposal);
      const last = paper.versions[paper.versions.length - 1];
      // PAPER-2: a version is never changed: building on feedback makes the next version.
      const version = {
        version: last.version + 1,
        title: command.title ?? last.title,
        language: command.language,
        attachmentId: command.attachmentId,
        byMemberId: me.id,
      };
      if (paper.versions.some((v) => v.attachmentId === command.attachmentId))
        throw violation('PAPER-2', 'This attachment is already a version of the paper.');
      return [{ type: 'paper.revised', at, paperId: paper.id, proposalId: proposal.id, paperVersion: version }];
    }
    case 'paper.publish': {
      const paper = requirePaper(state, command.paperId);
      const latest = paper.versions[paper.versions.length - 1].version;
      if (paper.publishedVersion === latest) throw violation('PAPER-3', `Version ${latest} of the paper is already published.`);
      return [
        { type: 'paper.published', at, paperId: paper.id, proposalId: paper.proposalId, publishedVersion: latest, byMemberId: me.id },
      ];
    }
    case 'paper.unpublish': {
      const paper = requirePaper(state, command.paperId);
      if (paper.publishedVersion === null) throw violation('PAPER-3', 'The paper is not published.');
      return [{ type: 'paper.unpublished', at, paperId: paper.id, proposalId: paper.proposalId, byMemberId: me.id }];
    }
    case 'feedback.post': {
      const paper = requirePaper(state, command.paperId);
      // FEEDBACK-1: one comments on what one may read.
      if (!canSeePaper(state, paper, me)) throw forbidden('FEEDBACK-1', 'The paper is not published yet.');
      const parent = command.parentId === undefined ? null : state.feedback[command.parentId];
      if (command.parentId !== undefined && (!parent || parent.paperId !== paper.id)) {
        throw notFound('FEEDBACK-2', 'A reply answers a comment on the same paper.');
      }
      if (parent?.hidden && !isStaff(me)) throw violation('FEEDBACK-2', 'The comment was hidden by the staff: it takes no replies.');
      return [
        {
          type: 'feedback.posted',
          at,
          feedbackId: ctx.newId(),
          paperId: paper.id,
          parentId: parent?.id ?? null,
          text: command.text,
          authorId: me.id,
        },
      ];
    }
    case 'feedback.hide':
    case 'feedback.show': {
      const feedback = state.feedback[command.feedbackId];
      if (!feedback) throw notFound('FEEDBACK-3', `No comment ${command.feedbackId} in this process.`);
      const hide = command.type === 'feedback.hide';
      if (feedback.hidden === hide) throw violation('FEEDBACK-3', hide ? 'The comment is already hidden.' : 'The comment is not hidden.');
      return hide
        ? [
            {
              type: 'feedback.hidden',
              at,
              feedbackId: feedback.id,
              paperId: feedback.paperId,
              reason: command.reason ?? null,
              byMemberId: me.id,
            },
          ]
        : [{ type: 'feedback.shown', at, feedbackId: feedback.id, paperId: feedback.paperId, byMemberId: me.id }];
    }
    default:
      return assertNever(command);
  }
}
