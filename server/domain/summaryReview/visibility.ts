import type { Membership } from '../context.js';
import { assertNever } from '../events.js';
import { SUMMARY_ALLOWED } from './commands.js';
import type { SummaryEvent } from './events.js';
import { emptySummaryReview, type Correction, type SummaryReviewState } from './state.js';

// Who sees what of the summary cycle (SUMMARY-VIEW-1..5, SPEC-summary.md). `projectSummaryReview` cuts the
// state down; `redactSummaryEvent` cuts one event down so that folding it with `evolveSummary` into the
// viewer's projection gives the next projection (the VIEW-9 invariant), or answers 'resync' where what the
// viewer may see changes shape (the draft appears to reviewers on circulation and leaves them on publication:
// both are rare, so a snapshot is cheaper than a second fold). The lead calls them from view.ts:
// `summaryReview: projectSummaryReview(state.summaryReview, me)` in `project`, and in `redact` for every
// `summary.*` event: `redactSummaryEvent(event, before.summaryReview, me)`.

/** Approved participants who are not staff: delegations, stakeholders, observers. */
const isMember = (me: Membership): boolean => me.audience === 'delegation' || me.audience === 'member';

/** SUMMARY-VIEW-2: the reviewers of a circulated draft are the delegations and the stakeholders who spoke. */
export function isReviewer(reviewerIds: readonly string[], me: Membership): boolean {
  if (me.audience === 'delegation') return true;
  return me.audience === 'member' && me.role === 'stakeholder' && me.participantId !== null && reviewerIds.includes(me.participantId);
}

const seesDraft = (review: SummaryReviewState, me: Membership): boolean =>
  me.audience === 'staff' || (review.status === 'circulated' && review.review !== null && isReviewer(review.review.reviewerIds, me));

/** What a viewer may download: the summary routes ask this and nothing else. */
export interface SummaryAccess {
  /** The current draft (built now, with the Chair's edits): staff always, reviewers while it is circulated. */
  draft: boolean;
  /** The attributive annex (who said what): staff only (SUMMARY-VIEW-1). */
  attributive: boolean;
  /** Published versions: every approved participant (SUMMARY-VIEW-4). */
  published: boolean;
  /** Publishing a new version: the `summary.publish` row of SUMMARY_ALLOWED (SUMMARY-8). */
  publish: boolean;
}

export function summaryAccessOf(review: SummaryReviewState, me: Membership): SummaryAccess {
  const staff = me.audience === 'staff';
  const publish = me.status === 'approved' && me.role !== null && SUMMARY_ALLOWED['summary.publish'].includes(me.role);
  return { draft: seesDraft(review, me), attributive: staff, published: staff || isMember(me), publish };
}

const onlyMine = (corrections: Record<string, Correction>, me: Membership): Record<string, Correction> =>
  Object.fromEntries(Object.entries(corrections).filter(([, c]) => c.participantId === me.participantId));

export function projectSummaryReview(review: SummaryReviewState, me: Membership): SummaryReviewState {
  // SUMMARY-VIEW-1: staff see the draft, every edit and every correction.
  if (me.audience === 'staff') return review;
  // SUMMARY-VIEW-5: applicants and the public see nothing of the summary.
  if (!isMember(me)) return emptySummaryReview();
  return {
    status: review.status,
    review: review.review,
    // SUMMARY-VIEW-2: the Chair's wording is part of the draft, which reviewers see only while circulated.
    edits: seesDraft(review, me) ? review.edits : {},
    // SUMMARY-VIEW-3: a correction is seen by staff and by the participant who asked for it.
    corrections: onlyMine(review.corrections, me),
    // SUMMARY-VIEW-4: published versions are for every member.
    published: review.published,
  };
}

/** One summary event as this viewer may see it; null when not at all (the version still advances); 'resync' for a snapshot. */
export function redactSummaryEvent(event: SummaryEvent, before: SummaryReviewState, me: Membership): SummaryEvent | null | 'resync' {
  if (me.audience === 'staff') return event;
  if (!isMember(me)) return null;
  switch (event.type) {
    case 'summary.paragraphEdited':
      return seesDraft(before, me) ? event : null;
    case 'summary.circulated':
      // A reviewer now sees the draft with all its edits, which no event they received carried.
      return isReviewer(event.reviewerIds, me) ? 'resync' : event;
    case 'summary.correctionRequested':
    case 'summary.correctionResolved':
      return event.participantId === me.participantId ? event : null;
    case 'summary.published':
      // A reviewer who saw the circulated draft no longer does once it is published.
      return seesDraft(before, me) ? 'resync' : event;
    default:
      return assertNever(event);
  }
}
