import type { DecideContext } from '../context.js';
import { forbidden, notFound, violation } from '../errors.js';
import { assertNever } from '../events.js';
import { roleOf } from '../policies.js';
import type { EngagementState, Participant } from '../state.js';
import { isCanonicalJsonObject } from './canonicalJson.js';
import type { SummaryCommand, SummaryCommandOf } from './commands.js';
import type { SummaryEvent } from './events.js';
import { isReviewWindowOpen, type WithSummaryReview } from './state.js';

// The rules of the summary cycle (SPEC.md). Who may issue a command at all is SUMMARY_ALLOWED
// (policies); what depends on the actor relative to the data — a stakeholder who spoke, their own floor
// request, the review window — is checked here. Returns the events or throws a DomainError naming the rule;
// never half-applies. Pure: time and ids come from `ctx`.

export type SummaryDecideState = EngagementState & WithSummaryReview;

export function decideSummary(state: SummaryDecideState, command: SummaryCommand, ctx: DecideContext): SummaryEvent[] {
  if (state.id === '') throw notFound('LIFE-0', 'This engagement does not exist. Create it first with POST /api/engagements.');
  const at = ctx.now;
  const by = actorParticipant(state, ctx)?.id ?? null;
  switch (command.type) {
    case 'summary.editParagraph':
      return [edited(state, command, at, by)];
    case 'summary.circulate':
      return [circulated(state, command, at, by)];
    case 'summary.requestCorrection':
      return [correctionRequested(state, command, ctx)];
    case 'summary.resolveCorrection': {
      const correction = state.summaryReview.corrections[command.correctionId];
      if (!correction) throw notFound('SUMMARY-7', 'There is no correction with this id in this engagement.');
      if (correction.status !== 'pending') {
        throw violation('SUMMARY-7', `This correction was already ${correction.status}; a correction is answered once.`);
      }
      return [
        {
          type: 'summary.correctionResolved',
          at,
          correctionId: correction.id,
          participantId: correction.participantId,
          decision: command.decision,
          reply: command.reply,
          byParticipantId: by,
        },
      ];
    }
    case 'summary.publish':
      return [published(state, command, at, by)];
    default:
      return assertNever(command);
  }
}

function actorParticipant(state: EngagementState, ctx: DecideContext): Participant | undefined {
  const actor = ctx.actor;
  if (actor.kind !== 'user') return undefined;
  return Object.values(state.participants).find((p) => p.userId === actor.userId && p.status === 'approved');
}

/** SUMMARY-2: a question key must name a guiding question of this engagement. */
function requireKnownParagraph(state: EngagementState, paragraphKey: string): void {
  const question = /^question:(.+):[0-9]+$/.exec(paragraphKey);
  if (question && !state.questions.some((q) => q.id === question[1])) {
    throw violation('SUMMARY-2', `"${paragraphKey}" names a guiding question this engagement does not have; take the key from the draft.`);
  }
}

function requireEnded(state: EngagementState, rule: string, what: string): void {
  if (state.status !== 'ended') {
    throw violation(rule, `${what} once the engagement has ended, so that it records the whole meeting; this one is ${state.status}.`);
  }
}

function edited(
  state: SummaryDecideState,
  command: SummaryCommandOf<'summary.editParagraph'>,
  at: string,
  by: string | null,
): SummaryEvent {
  requireKnownParagraph(state, command.paragraphKey);
  const current = state.summaryReview.edits[command.paragraphKey]?.text ?? '';
  if (current === command.text) {
    throw violation(
      'SUMMARY-1',
      command.text === ''
        ? 'This paragraph already reads as generated; there is no edit to undo.'
        : 'This paragraph already reads exactly so.',
    );
  }
  return { type: 'summary.paragraphEdited', at, paragraphKey: command.paragraphKey, text: command.text, byParticipantId: by };
}

function circulated(
  state: SummaryDecideState,
  command: SummaryCommandOf<'summary.circulate'>,
  at: string,
  by: string | null,
): SummaryEvent {
  requireEnded(state, 'SUMMARY-3', 'The summary is circulated');
  if (Date.parse(command.reviewUntil) <= Date.parse(at)) {
    throw violation('SUMMARY-3', 'The review window must end in the future: choose a reviewUntil after now.');
  }
  // SUMMARY-3: "the stakeholders who spoke" — approved stakeholders who were given the floor at least once.
  const spoke = new Set(Object.values(state.interventions).map((i) => i.participantId));
  const reviewerIds = Object.values(state.participants)
    .filter((p) => p.status === 'approved' && p.role === 'stakeholder' && spoke.has(p.id))
    .map((p) => p.id)
    .sort();
  return {
    type: 'summary.circulated',
    at,
    reviewUntil: new Date(Date.parse(command.reviewUntil)).toISOString(),
    reviewerIds,
    byParticipantId: by,
  };
}

function correctionRequested(
  state: SummaryDecideState,
  command: SummaryCommandOf<'summary.requestCorrection'>,
  ctx: DecideContext,
): SummaryEvent {
  const review = state.summaryReview;
  const me = actorParticipant(state, ctx);
  const role = roleOf(state, ctx.actor);
  if (!me || (role !== 'delegation' && role !== 'stakeholder')) {
    throw forbidden('SUMMARY-4', 'Corrections come from delegations and from the stakeholders who spoke.');
  }
  if (!isReviewWindowOpen(review, ctx.now)) {
    const why =
      review.status !== 'circulated'
        ? review.status === 'published'
          ? 'the summary has been published; corrections reopen only if the Chair circulates a new draft'
          : 'the summary has not been circulated for review yet'
        : `the review window closed at ${review.review?.reviewUntil}`;
    throw violation('SUMMARY-5', `Corrections are accepted only during the review window, and ${why}. Write to the Chair's team instead.`);
  }
  // SUMMARY-4: a stakeholder reviews only if they spoke (they are in the circulated draft).
  if (role === 'stakeholder' && !review.review?.reviewerIds.includes(me.id)) {
    throw forbidden(
      'SUMMARY-4',
      'The draft was circulated to delegations and to the stakeholders who spoke; you did not speak, so there is nothing of yours to correct.',
    );
  }
  if (command.paragraphKey !== undefined) {
    // SUMMARY-6: the text of the summary is the delegations' to comment on; a stakeholder corrects only its own entries.
    if (role === 'stakeholder') {
      throw forbidden(
        'SUMMARY-6',
        'A stakeholder asks for corrections to its own entries only: name your floor request (requestId), not a paragraph.',
      );
    }
    requireKnownParagraph(state, command.paragraphKey);
  }
  if (command.requestId !== undefined) {
    const request = state.requests[command.requestId];
    if (!request) throw notFound('SUMMARY-6', 'There is no floor request with this id in this engagement.');
    if (request.participantId !== me.id) {
      throw forbidden('SUMMARY-6', "You may ask for corrections to your own entries only; this floor request is someone else's.");
    }
  }
  return {
    type: 'summary.correctionRequested',
    at: ctx.now,
    correctionId: ctx.newId(),
    participantId: me.id,
    paragraphKey: command.paragraphKey ?? null,
    requestId: command.requestId ?? null,
    text: command.text,
  };
}

function published(state: SummaryDecideState, command: SummaryCommandOf<'summary.publish'>, at: string, by: string | null): SummaryEvent {
  requireEnded(state, 'SUMMARY-8', 'The summary is published');
  // SUMMARY-9: what is published is canonical JSON, so its bytes and its hash never depend on who rendered it.
  if (!isCanonicalJsonObject(command.content)) {
    throw violation('SUMMARY-9', 'The content must be the canonical JSON of the summary (sorted keys, no spaces).');
  }
  const summaryVersion = state.summaryReview.published.length + 1;
  return { type: 'summary.published', at, summaryVersion, contentHash: command.contentHash, content: command.content, byParticipantId: by };
}
