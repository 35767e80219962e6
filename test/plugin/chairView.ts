import { emptyState } from '../../server/domain/index.js';

/** Engagement `e1` as its Chair sees it in a stream's snapshot, at `version`. */
export const chairView = (version: number) => ({
  ...emptyState(),
  id: 'e1',
  settings: { ...emptyState().settings, title: 'Capacity-building' },
  version,
  me: { participantId: 'p1', role: 'chair', status: 'approved', audience: 'staff', inputQuota: null, inputsLeft: null },
});
