import { Body1, Button, Spinner, Title2 } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { redeemInvitation } from '../../api/endpoints.js';
import { errorMessage } from '../../api/problem.js';
import { saveSession } from '../../api/session.js';
import { navigate } from '../../router.js';

/**
 * `/join#code=…`: redeem the invitation at once, then strip the code from the address (history.replaceState)
 * so that it is in no history entry, bookmark or screenshot. The fragment never reaches a server log.
 */
export function JoinPage() {
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const code = new URLSearchParams(window.location.hash.slice(1)).get('code');
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    if (!code) {
      setError('This link has no invitation code. Ask the Chair or the secretariat for a new link.');
      return;
    }
    redeemInvitation(code).then(
      ({ token, user, engagementId }) => {
        saveSession({ token, user, kind: 'convene' });
        navigate(`/e/${encodeURIComponent(engagementId)}`);
      },
      (failure: unknown) =>
        setError(`${errorMessage(failure)} An invitation works once and expires: ask the Chair or the secretariat for a new link.`),
    );
  }, []);
  return (
    <main style={{ padding: 20, maxWidth: 560 }}>
      <Title2 as="h1">Joining the engagement</Title2>
      {error ? (
        <>
          <Body1 as="p" role="alert">
            {error}
          </Body1>
          <Button onClick={() => navigate('/')}>Go to your engagements</Button>
        </>
      ) : (
        <Spinner label="Checking your invitation…" />
      )}
    </main>
  );
}
