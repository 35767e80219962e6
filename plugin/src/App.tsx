import { Body1, Spinner, Title3 } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { HomePage } from './features/home/HomePage.js';
import { JoinPage } from './features/join/JoinPage.js';
import { useRoute } from './router.js';

// Heavy surfaces load on demand so that the first paint (sign-in, side panel shell) stays small.
const MeetingPage = lazy(() => import('./features/meeting/MeetingPage.js'));
const StagePage = lazy(() => import('./features/stage/StagePage.js'));
const ConfigPage = lazy(() => import('./features/config/ConfigPage.js'));
const LegalPage = lazy(() => import('./features/legal/LegalPage.js'));

export function App() {
  const route = useRoute();
  return (
    <Suspense fallback={<Spinner label="Loading Convene…" style={{ padding: 24 }} />}>
      {route.name === 'home' && <HomePage />}
      {route.name === 'join' && <JoinPage />}
      {route.name === 'config' && <ConfigPage />}
      {(route.name === 'privacy' || route.name === 'terms') && <LegalPage page={route.name} />}
      {route.name === 'engagement' && <MeetingPage engagementId={route.engagementId} />}
      {route.name === 'stage' && <StagePage engagementId={route.engagementId} />}
      {route.name === 'notFound' && (
        <main style={{ padding: 20 }}>
          <Title3 as="h1">Page not found</Title3>
          <Body1 as="p">
            This address is not part of Convene. <a href="/">Go to your engagements</a>.
          </Body1>
        </main>
      )}
    </Suspense>
  );
}
