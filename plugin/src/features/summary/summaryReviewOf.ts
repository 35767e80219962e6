import type { EngagementState } from '../../../../server/domain/index.js';
import { emptySummaryReview, type SummaryReviewState } from '../../../../server/domain/summaryReview/index.js';

// The lead adds `summaryReview` to EngagementState; until then the live state may carry it untyped (or not
// at all). Like the server's summary routes, a state without it reads as a fresh draft.
export function summaryReviewOf(state: EngagementState): SummaryReviewState {
  return (state as unknown as { summaryReview?: SummaryReviewState | null }).summaryReview ?? emptySummaryReview();
}
