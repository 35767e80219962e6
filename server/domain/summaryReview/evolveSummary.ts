import { assertNever } from '../events.js';
import { put } from '../foldOwnership.js';
import type { SummaryEvent } from './events.js';
import type { SummaryReviewState, WithSummaryReview } from './state.js';

// Folding is mechanical: `decideSummary` checked every rule and numbered the version. An event about a
// correction the state does not hold changes nothing (a role's redacted stream must never break the tab's
// fold). Returns a new state; the input is not mutated.

function withReview<S extends WithSummaryReview>(state: S, change: (review: SummaryReviewState) => Partial<SummaryReviewState>): S {
  return { ...state, summaryReview: { ...state.summaryReview, ...change(state.summaryReview) } };
}

export function evolveSummary<S extends WithSummaryReview>(state: S, event: SummaryEvent): S {
  switch (event.type) {
    case 'summary.paragraphEdited':
      return withReview(state, (r) => {
        // An empty text restores the generated paragraph (SUMMARY-1): the edit goes away.
        const { [event.paragraphKey]: _old, ...rest } = r.edits;
        return {
          edits:
            event.text === ''
              ? rest
              : { ...rest, [event.paragraphKey]: { text: event.text, at: event.at, byParticipantId: event.byParticipantId } },
        };
      });
    case 'summary.circulated':
      return withReview(state, () => ({
        status: 'circulated',
        review: { circulatedAt: event.at, reviewUntil: event.reviewUntil, reviewerIds: event.reviewerIds },
      }));
    case 'summary.correctionRequested':
      return withReview(state, (r) => ({
        corrections: put(r.corrections, event.correctionId, {
          id: event.correctionId,
          participantId: event.participantId,
          paragraphKey: event.paragraphKey,
          requestId: event.requestId,
          text: event.text,
          requestedAt: event.at,
          status: 'pending',
          reply: null,
          resolvedAt: null,
          resolvedBy: null,
        }),
      }));
    case 'summary.correctionResolved': {
      const correction = state.summaryReview.corrections[event.correctionId];
      if (!correction) return state;
      return withReview(state, (r) => ({
        corrections: put(r.corrections, event.correctionId, {
          ...correction,
          status: event.decision,
          reply: event.reply,
          resolvedAt: event.at,
          resolvedBy: event.byParticipantId,
        }),
      }));
    }
    case 'summary.published':
      // SUMMARY-8: versions are appended, never replaced; a version already held is not folded twice.
      if (state.summaryReview.published.some((p) => p.version === event.summaryVersion)) return state;
      return withReview(state, (r) => ({
        status: 'published',
        published: [
          ...r.published,
          {
            version: event.summaryVersion,
            publishedAt: event.at,
            contentHash: event.contentHash,
            content: event.content,
            byParticipantId: event.byParticipantId,
          },
        ],
      }));
    default:
      return assertNever(event);
  }
}
