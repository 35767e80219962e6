import { Body1, Button, Spinner, Title2 } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { saveSession } from '../../api/session.js';
import { useHost } from '../../host/HostProvider.js';
import { navigate } from '../../router.js';
import { SignIn } from './SignIn.js';
import { useSession } from './useSession.js';

// The list reads the domain's vocabulary (and with it zod): loaded on demand, that cost stays out of the
// entry that every route, the Chair's console first, evaluates before it shows anything (issue 3).
const EngagementList = lazy(() => import('./EngagementList.js').then((m) => ({ default: m.EngagementList })));

export function HomePage() {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const host = useHost();
  const session = useSession();
  const signedIn = host.mode === 'teams' ? !host.teams?.isAnonymous || Boolean(session) : Boolean(session);
  usePageTitle(t(signedIn ? 'a11y.title.home' : 'a11y.title.signIn'));
  return (
    <main className={layout.page}>
      <header className={layout.header}>
        <Title2 as="h1">Convene</Title2>
        {session && host.mode === 'browser' && (
          <span>
            <Body1>{t('home.signedInAs', { name: session.user.displayName })}</Body1>{' '}
            <Button size="small" onClick={() => saveSession(null)}>
              {t('home.signOut')}
            </Button>
          </span>
        )}
      </header>
      {signedIn ? (
        <Suspense fallback={<Spinner size="small" label={t('home.loadingMine')} />}>
          <EngagementList onOpen={(id) => navigate(`/e/${encodeURIComponent(id)}`)} />
        </Suspense>
      ) : host.mode === 'teams' ? (
        <Body1 as="p">{t('home.guest')}</Body1>
      ) : (
        <SignIn />
      )}
    </main>
  );
}
