import { Button, MessageBar, MessageBarBody, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { SummaryPublishedResponse } from '../../../../server/domain/wireContract.js';
import { apiFetch } from '../../api/http.js';
import { errorMessage } from '../../api/problem.js';
import { ErrorBar } from '../../components/ErrorBar.js';

/**
 * Publish the next version (SUMMARY-8): the server builds, hashes and records it. A version is never changed
 * afterwards, so the button asks once more; unanswered corrections are named first.
 */
export function PublishSection({
  engagementId,
  ended,
  pendingCorrections,
  nextVersion,
}: {
  engagementId: string;
  ended: boolean;
  pendingCorrections: number;
  nextVersion: number;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await apiFetch(`/api/engagements/${encodeURIComponent(engagementId)}/summary/publish`, SummaryPublishedResponse, {
        method: 'POST',
        body: {},
      });
      setDone(t('summary.versionPublished', { version: result.version }));
      setConfirming(false);
    } catch (failure) {
      setError(t('summary.nothingWasPublished', { error: errorMessage(failure) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="publish-h" className={layout.stack}>
      <Title3 block as="h3" id="publish-h">
        {t('summary.publish')}
      </Title3>
      {!ended && <p className={layout.plain}>{t('summary.publishAfterEnd')}</p>}
      {pendingCorrections > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('summary.unanswered', { count: pendingCorrections })}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar message={error} title={t('summary.couldNotPublish')} onDismiss={() => setError(null)} />
      {done && (
        <p role="status" className={layout.plain}>
          {done}
        </p>
      )}
      {confirming ? (
        <div role="group" aria-label={t('summary.confirmPublication')} className={layout.rowCenter}>
          <span>{t('summary.confirmText', { version: nextVersion })}</span>
          <Button appearance="primary" disabledFocusable={busy} onClick={() => void publish()}>
            {busy ? t('summary.publishing') : t('summary.publishVersion', { version: nextVersion })}
          </Button>
          <Button onClick={() => setConfirming(false)}>{t('summary.notYet')}</Button>
        </div>
      ) : (
        <Button appearance="primary" disabled={!ended} onClick={() => setConfirming(true)}>
          {t('summary.publishVersionEllipsis', { version: nextVersion })}
        </Button>
      )}
    </section>
  );
}
