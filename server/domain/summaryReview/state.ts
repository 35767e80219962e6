import type { CorrectionDecision } from './commands.js';

// The summary's own cycle, folded from summary events by `evolveSummary`. Plain JSON like the rest of the
// state: `EngagementState.summaryReview` (server/domain/state.ts), `emptySummaryReview()` in `emptyState()`.
//
// Where a published version's `content` lives: in the event (stored forever, the record) and in the server's
// in-memory state, from which `publishedVersionFor` serves it to the summary routes; NOT in any view. A full
// day's summary is ~270 kB of canonical JSON (measured on test/summary/support/fullDayEngagement.ts): kept in
// the projection, every snapshot after publication would carry it once per version, and a few versions would
// pass the live hub's 1 MiB slow-reader limit. Views list versions with their hash; the file is one GET away.

export const SUMMARY_REVIEW_STATUSES = ['draft', 'circulated', 'published'] as const;
export type SummaryReviewStatus = (typeof SUMMARY_REVIEW_STATUSES)[number];

export interface ParagraphEdit {
  text: string;
  at: string;
  byParticipantId: string | null;
}

export interface ReviewWindow {
  circulatedAt: string;
  reviewUntil: string;
  /** Stakeholders who had spoken when the summary was circulated; delegations review by their role. */
  reviewerIds: string[];
}

export type CorrectionStatus = 'pending' | CorrectionDecision;

export interface Correction {
  id: string;
  participantId: string;
  paragraphKey: string | null;
  requestId: string | null;
  text: string;
  requestedAt: string;
  status: CorrectionStatus;
  reply: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface PublishedSummary {
  /** 1, 2, 3, … in order of publication (SUMMARY-8). */
  version: number;
  publishedAt: string;
  /** sha256 (hex) of `content`'s UTF-8 bytes (SUMMARY-9). */
  contentHash: string;
  /** The canonical JSON of the Summary, byte for byte as published. Server state only: views leave it out. */
  content?: string;
  byParticipantId: string | null;
}

export interface SummaryReviewState {
  status: SummaryReviewStatus;
  /** paragraphKey → the Chair's wording (SUMMARY-1). Kept across publications: they shape the next version too. */
  edits: Record<string, ParagraphEdit>;
  /** The latest review window, or null before the first circulation. */
  review: ReviewWindow | null;
  corrections: Record<string, Correction>;
  /** Oldest first; never changed once appended (SUMMARY-8). */
  published: PublishedSummary[];
}

export const emptySummaryReview = (): SummaryReviewState => ({ status: 'draft', edits: {}, review: null, corrections: {}, published: [] });

/** Anything that carries the summary cycle (the engagement's state does). */
export interface WithSummaryReview {
  summaryReview: SummaryReviewState;
}

/** SUMMARY-5: the window is open while the summary is circulated and `now` is before `reviewUntil`. */
export const isReviewWindowOpen = (review: SummaryReviewState, now: string): boolean =>
  review.status === 'circulated' && review.review !== null && Date.parse(now) < Date.parse(review.review.reviewUntil);

/** Versions without their content: what `GET /summary/versions` lists. */
export const versionsOf = (review: SummaryReviewState): { version: number; publishedAt: string; contentHash: string }[] =>
  review.published.map(({ version, publishedAt, contentHash }) => ({ version, publishedAt, contentHash }));
