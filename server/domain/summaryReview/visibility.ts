import type { Membership } from '../context.js';
import { assertNever } from '../events.js';
import { SUMMARY_ALLOWED } from './commands.js';
import type { SummaryEvent } from './events.js';
import { notFound, forbidden } from '../errors.js';
import { emptySummaryReview, type Correction, type PublishedSummary, type SummaryReviewState } from './state.js';

// Who sees what of the summary cycle (SUMMARY-VIEW-1..5, SPEC.md). `projectSummaryReview` cuts the
// state down; `redactSummaryEvent` cuts one event down so that folding it with `evolveSummary` into the
// viewer's projection gives the next projection (the VIEW-9 invariant), or answers 'resync' where what the
// viewer may see changes shape (the draft appears to reviewers on circulation and leaves them on publication:
// both are rare, so a snapshot is cheaper than a second fold). No view carries a version's content, not even
// staff's (see state.ts): `publishedVersionFor` serves it. So view.ts calls both for every audience, staff
// included: `summaryReview: projectSummaryReview(state.summaryReview, me)` in each branch of `project`, and
// `if (isSummaryEvent(event)) return redactSummaryEvent(event, before.summaryReview, me)` in `redact` before
// its staff shortcut.

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

/** A version as views list it: number, time, hash, who; the content stays on the server. */
function withoutContent(p: PublishedSummary): PublishedSummary {
  const { content: _content, ...listed } = p;
  return listed;
}

export function projectSummaryReview(review: SummaryReviewState, me: Membership): SummaryReviewState {
  // SUMMARY-VIEW-1: staff see the draft, every edit and every correction.
  if (me.audience === 'staff') return { ...review, published: review.published.map(withoutContent) };
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
    published: review.published.map(withoutContent),
  };
}

/** One summary event as this viewer may see it; null when not at all (the version still advances); 'resync' for a snapshot. */
export function redactSummaryEvent<T extends SummaryEvent>(event: T, before: SummaryReviewState, me: Membership): T | null | 'resync';
export function redactSummaryEvent(event: SummaryEvent, before: SummaryReviewState, me: Membership): SummaryEvent | null | 'resync' {
  if (event.type === 'summary.published') {
    // Every audience gets the version without its content (a view never holds it).
    const { content: _content, ...listed } = event;
    if (me.audience === 'staff') return listed as SummaryEvent;
    if (!isMember(me)) return null;
    // A reviewer who saw the circulated draft no longer does once it is published.
    return seesDraft(before, me) ? 'resync' : (listed as SummaryEvent);
  }
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
    default:
      return assertNever(event);
  }
}

/**
 * SUMMARY-VIEW-4, SUMMARY-9: one published version with its content, for a viewer who may read it — version
 * `version`, or the latest when it is omitted. The engagement service answers `publishedSummary` with this.
 */
export function publishedVersionFor(review: SummaryReviewState, me: Membership, version?: number): PublishedSummary & { content: string } {
  if (!summaryAccessOf(review, me).published) {
    throw forbidden('SUMMARY-VIEW-4', 'The published summary is for the participants of this engagement.');
  }
  const found = version === undefined ? review.published.at(-1) : review.published.find((p) => p.version === version);
  if (!found || found.content === undefined) {
    const list = review.published.map((p) => p.version).join(', ');
    throw notFound(
      'SUMMARY-8',
      review.published.length === 0
        ? 'No version of the summary has been published yet.'
        : `There is no published version ${version}; the published versions are ${list}.`,
    );
  }
  return { ...found, content: found.content };
}
