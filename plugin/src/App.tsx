import { Body1, makeStyles, Spinner, Title3, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './components/usePageTitle.js';
import { HomePage } from './features/home/HomePage.js';
import { JoinPage } from './features/join/JoinPage.js';
import { MeetingShell } from './features/meeting/MeetingShell.js';
import { useHost } from './host/HostProvider.js';
import { useEarlyHeading, useEarlyHeadingPending } from './live/earlyHeading.js';
import { useRoute } from './router.js';

// Heavy surfaces load on demand so that the first paint (sign-in, side panel shell) stays small.
const MeetingPage = lazy(() => import('./features/meeting/MeetingPage.js'));
const StagePage = lazy(() => import('./features/stage/StagePage.js'));
const ConfigPage = lazy(() => import('./features/config/ConfigPage.js'));
const LegalPage = lazy(() => import('./features/legal/LegalPage.js'));

/**
 * `/e/:id`: the page's shell, then the page. While the early stream's snapshot is on its way the page's code
 * is not even asked for: evaluating it (the domain's fold, and zod with it) takes the main thread for
 * longer than the snapshot takes to come, and would hold the title back (issue 3).
 */
function EngagementRoute({ engagementId }: { engagementId: string }) {
  const pending = useEarlyHeadingPending(engagementId);
  const staff = useEarlyHeading(engagementId)?.staff === true;
  const onStage = useHost().surface === 'meetingStage';
  useEffect(() => {
    // Staff will get the console: fetch its code alongside the page's rather than after it.
    if (!pending && staff && !onStage) import('./features/console/ChairConsole.js').catch(() => undefined);
  }, [pending, staff, onStage]);
  const shell = <MeetingShell engagementId={engagementId} />;
  if (pending) return shell;
  return (
    <Suspense fallback={shell}>
      <MeetingPage engagementId={engagementId} />
    </Suspense>
  );
}

const useStyles = makeStyles({ page: { padding: tokens.spacingHorizontalXL }, loading: { padding: tokens.spacingHorizontalXXL } });

function NotFound() {
  const { t } = useTranslation();
  const styles = useStyles();
  usePageTitle(t('a11y.title.notFound'));
  return (
    <main className={styles.page}>
      <Title3 as="h1">{t('app.notFoundTitle')}</Title3>
      <Body1 as="p">
        {t('app.notFoundBody')} <a href="/">{t('common.goHome')}</a>
      </Body1>
    </main>
  );
}

export function App() {
  const { t } = useTranslation();
  const styles = useStyles();
  const route = useRoute();
  return (
    <Suspense fallback={<Spinner label={t('app.loading')} className={styles.loading} />}>
      {route.name === 'home' && <HomePage />}
      {route.name === 'join' && <JoinPage />}
      {route.name === 'config' && <ConfigPage />}
      {(route.name === 'privacy' || route.name === 'terms') && <LegalPage page={route.name} />}
      {route.name === 'engagement' && <EngagementRoute engagementId={route.engagementId} />}
      {route.name === 'stage' && <StagePage engagementId={route.engagementId} />}
      {route.name === 'notFound' && <NotFound />}
    </Suspense>
  );
}
