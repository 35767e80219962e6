import { Body1, Button, Spinner, Title2 } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { redeemInvitation } from '../../api/endpoints.js';
import { errorMessage } from '../../api/problem.js';
import { saveSession } from '../../api/session.js';
import { navigate } from '../../router.js';

/**
 * `/join#code=…`: redeem the invitation at once, then strip the code from the address (history.replaceState)
 * so that it is in no history entry, bookmark or screenshot. The fragment never reaches a server log.
 */
export function JoinPage() {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  usePageTitle(t('a11y.title.join'));
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const code = new URLSearchParams(window.location.hash.slice(1)).get('code');
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    if (!code) {
      setError(t('join.noCode'));
      return;
    }
    redeemInvitation(code).then(
      ({ token, user, engagementId }) => {
        saveSession({ token, user, kind: 'convene' });
        navigate(engagementId ? `/e/${encodeURIComponent(engagementId)}` : '/');
      },
      (failure: unknown) => setError(t('join.failed', { error: errorMessage(failure) })),
    );
  }, [t]);
  return (
    <main className={layout.page}>
      <Title2 as="h1">{t('join.title')}</Title2>
      {error ? (
        <>
          <Body1 as="p" role="alert">
            {error}
          </Body1>
          <Button onClick={() => navigate('/')}>{t('common.goHome')}</Button>
        </>
      ) : (
        <Spinner label={t('join.checking')} />
      )}
    </main>
  );
}
