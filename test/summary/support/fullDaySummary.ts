import { buildSummary } from '../../../server/summary/buildSummary.js';
import { fullDayEngagement } from './fullDayEngagement.js';

/** The fixed generation time of the summary tests, so that a summary built twice is equal. */
export const GENERATED_AT = '2026-12-01T10:00:00.000Z';

/** The full day, its ledger, and its summary as built at GENERATED_AT: where the summary tests start. */
export function fullDaySummary() {
  const { state, ledger } = fullDayEngagement();
  return { state, ledger, summary: buildSummary(state, { generatedAt: GENERATED_AT }) };
}
