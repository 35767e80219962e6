import type { ProcessView } from '../../../../server/domain/process/visibility.js';
import type { EngagementState } from '../../../../server/domain/state.js';

// The staff's Proposals view, pure parts: the register filtered by theme, status and engagement, and the
// interventions of this engagement not yet filed as proposals (PROPOSAL-12: staff file them from the speakers list).

export interface RegisterFilter {
  theme: string;
  status: string;
  engagementId: string;
}

export const ALL = '';

export function registerRows(view: ProcessView, filter: RegisterFilter) {
  return Object.values(view.proposals)
    .filter((p) => filter.theme === ALL || p.theme === filter.theme)
    .filter((p) => filter.status === ALL || p.status === filter.status)
    .filter((p) => filter.engagementId === ALL || p.source.engagementId === filter.engagementId)
    .sort((a, b) => a.number - b.number);
}

export const themesOf = (view: ProcessView): string[] =>
  [...new Set(Object.values(view.proposals).map((p) => p.theme))].sort((a, b) => a.localeCompare(b, 'en'));

/** Interventions heard in this engagement, oldest first, each with whether a proposal was already filed from it. */
export function interventionsToFile(state: EngagementState, view: ProcessView) {
  const filed = new Set(Object.values(view.proposals).flatMap((p) => (p.source.requestId ? [p.source.requestId] : [])));
  return Object.values(state.interventions)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .map((i) => {
      const who = state.participants[i.participantId];
      return { requestId: i.requestId, speaker: who ? `${who.organization} (${who.displayName})` : '', filed: filed.has(i.requestId) };
    });
}
