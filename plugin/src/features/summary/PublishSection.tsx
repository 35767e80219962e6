import { Button, MessageBar, MessageBarBody, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { apiFetch } from '../../api/http.js';
import { errorMessage } from '../../api/problem.js';
import { ErrorBar } from '../../components/ErrorBar.js';

/**
 * Publish the next version (SUMMARY-8): the server builds, hashes and records it. A version is never changed
 * afterwards, so the button asks once more; unanswered corrections are named first.
 */
export function PublishSection({ engagementId, ended, pendingCorrections, nextVersion }: { engagementId: string; ended: boolean; pendingCorrections: number; nextVersion: number }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await apiFetch<{ version: number; contentHash: string }>(`/api/engagements/${encodeURIComponent(engagementId)}/summary/publish`, { method: 'POST', body: {} });
      setDone(`Version ${result.version} is published. Everyone in the engagement can read and download it.`);
      setConfirming(false);
    } catch (failure) {
      setError(`Nothing was published. ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="publish-h" style={{ display: 'grid', gap: 8 }}>
      <Title3 block as="h3" id="publish-h">
        Publish
      </Title3>
      {!ended && <p style={{ margin: 0 }}>The summary is published once the engagement has ended.</p>}
      {pendingCorrections > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {pendingCorrections} correction{pendingCorrections === 1 ? ' is' : 's are'} still unanswered. You may publish anyway; the summary is issued under your own responsibility.
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar message={error} title="Could not publish" onDismiss={() => setError(null)} />
      {done && (
        <p role="status" style={{ margin: 0 }}>
          {done}
        </p>
      )}
      {confirming ? (
        <div role="group" aria-label="Confirm publication" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
          <span>Publish version {nextVersion}? A published version cannot be changed; a later correction becomes a new version.</span>
          <Button appearance="primary" disabled={busy} onClick={() => void publish()}>
            {busy ? 'Publishing…' : `Publish version ${nextVersion}`}
          </Button>
          <Button onClick={() => setConfirming(false)}>Not yet</Button>
        </div>
      ) : (
        <Button appearance="primary" disabled={!ended} onClick={() => setConfirming(true)}>
          Publish version {nextVersion}…
        </Button>
      )}
    </section>
  );
}
