// The read side of the engagement service: answers from the engagements in memory, never from the log. Each
// view is the domain's projection for the viewer (VIEW rules); nothing here changes state.
import { AppError } from '../appError.js';
import type { Clock } from '../clock.js';
import { previewReplan } from '../domain/floor/timeBudget.js';
import { authorize } from '../domain/policies.js';
import { publishedVersionFor, summaryAccessOf } from '../domain/summaryReview/visibility.js';
import { membershipOf, standingOf, viewFor } from '../domain/view.js';
import type { DomainLimits } from '../domain/context.js';
import type { EngagementIndexes } from './engagementIndexes.js';
import type { EngagementService } from './EngagementService.js';
import { asAppError } from '../appError.js';
import { engagementNotFound, type EngagementInMemory } from './groupCommit.js';

export type EngagementQueries = Pick<
  EngagementService,
  'get' | 'list' | 'publishedSummary' | 'draftSummarySource' | 'replanPreview' | 'breakoutRound'
>;

/** An engagement that exists (version 0 is a creation still in flight), or NOT_FOUND. */
export function existingEngagement(engagements: ReadonlyMap<string, EngagementInMemory>, id: string): EngagementInMemory {
  const engagement = engagements.get(id);
  if (!engagement || engagement.version === 0) throw engagementNotFound();
  return engagement;
}

export function createEngagementQueries(deps: {
  engagements: ReadonlyMap<string, EngagementInMemory>;
  indexes: EngagementIndexes;
  clock: Clock;
  /** The server's limits, for what a view says the viewer may still add (LIMIT-3). */
  domainLimits?: DomainLimits;
}): EngagementQueries {
  const { engagements, indexes, clock } = deps;
  const existing = (id: string) => existingEngagement(engagements, id);
  return {
    get(engagementId, viewer) {
      const entry = existing(engagementId);
      return viewFor(entry.state, entry.version, viewer, deps.domainLimits);
    },

    list(user) {
      const ids = indexes.byUser.get(user.userId) ?? new Set<string>();
      return [...ids].flatMap((id) => {
        const entry = engagements.get(id);
        if (!entry || entry.version === 0) return [];
        const me = membershipOf(entry.state, { userId: user.userId });
        const { title, scheduledStart } = entry.state.settings;
        return [{ id, title, status: entry.state.status, role: me.role, scheduledStart }];
      });
    },

    publishedSummary(engagementId, viewer, version) {
      const entry = existing(engagementId);
      return publishedVersionFor(entry.state.summaryReview, membershipOf(entry.state, viewer), version);
    },

    draftSummarySource(engagementId, viewer) {
      const entry = existing(engagementId);
      const me = membershipOf(entry.state, viewer);
      if (!summaryAccessOf(entry.state.summaryReview, me).draft) {
        throw new AppError('FORBIDDEN', 'The draft summary is for the Chair, the secretariat and, while it is circulated, its reviewers.');
      }
      const chair = Object.values(entry.state.participants).find((p) => p.role === 'chair' && p.status === 'approved' && p.userId);
      return {
        ...viewFor(entry.state, entry.version, { userId: chair?.userId ?? viewer.userId }),
        me: standingOf(entry.state, viewer, deps.domainLimits),
      };
    },

    replanPreview(engagementId, viewer, strategy, minSeconds, questionId) {
      const entry = existing(engagementId);
      try {
        // Who may re-plan may preview: the same policy as `time.replan`.
        authorize(
          entry.state,
          { kind: 'user', userId: viewer.userId, displayName: '' },
          { type: 'time.replan', strategy, minSeconds, questionId },
        );
        return previewReplan(entry.state, clock.now().toISOString(), strategy, minSeconds, questionId ?? entry.state.openQuestionId);
      } catch (error) {
        throw asAppError(error);
      }
    },

    breakoutRound(roundId) {
      return indexes.byBreakoutRound.get(roundId) ?? null;
    },
  };
}
