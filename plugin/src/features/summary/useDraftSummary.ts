import { useCallback, useEffect, useState } from 'react';
import { SummaryDraftResponse } from '../../../../server/domain/wireContract.js';
import { apiFetch } from '../../api/http.js';
import { errorMessage } from '../../api/problem.js';
import { i18n } from '../../i18n/i18n.js';
import type { DraftSummary } from './draftSections.js';
import { summaryPath } from './summaryFiles.js';

/**
 * The current draft as JSON (GET …/summary?format=json): staff always, reviewers while it is circulated.
 * Fetched again when `refreshKey` changes (the engagement's version), so edits and new notes show.
 */
export function useDraftSummary(engagementId: string, enabled: boolean, refreshKey: unknown) {
  const [draft, setDraft] = useState<DraftSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    setLoading(true);
    apiFetch(summaryPath(engagementId, 'json'), SummaryDraftResponse)
      .then((d) => {
        if (!cancelled) {
          setDraft(d);
          setError(null);
        }
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(i18n.t('summary.draftLoadFailed', { error: errorMessage(failure) }));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [engagementId, enabled, refreshKey, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { draft: enabled ? draft : null, error, loading, reload };
}
