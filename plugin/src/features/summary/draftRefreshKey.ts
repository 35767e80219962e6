import type { EngagementState } from '../../../../server/domain/index.js';
import type { SummaryReviewState } from '../../../../server/domain/summaryReview/index.js';

/**
 * What the draft's text depends on, as a key that changes when the draft would: edits, status, notes, inputs,
 * the agenda and questions, the end. Refetching on every engagement change would reload it during the live
 * meeting at every floor event, for nothing.
 */
export function draftRefreshKey(state: EngagementState, review: SummaryReviewState): string {
  const lastEdit = Object.values(review.edits).reduce((max, e) => (e.at > max ? e.at : max), '');
  return [
    review.status,
    Object.keys(review.edits).length,
    lastEdit,
    review.published.length,
    state.status,
    state.endedAt ?? '',
    state.notes.length,
    Object.keys(state.inputs).length,
    state.questions.length,
    state.agenda.length,
  ].join('|');
}
