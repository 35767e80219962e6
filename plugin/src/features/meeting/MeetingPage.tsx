import { Body1, Button, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle.js';
import { isStaffRole } from '../../../../server/domain/vocabulary.js';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { useHost } from '../../host/HostProvider.js';
import { useEngagement } from '../../live/useEngagement.js';
import { navigate } from '../../router.js';
import { MeetingShell } from './MeetingShell.js';

// Each surface is its own chunk, fetched once the snapshot says which one this viewer gets: the page itself
// stays small, so that the engagement's title shows while the console's code loads (issue 3).
const ChairConsole = lazy(() => import('../console/ChairConsole.js').then((m) => ({ default: m.ChairConsole })));
const SidePanel = lazy(() => import('../panel/SidePanel.js').then((m) => ({ default: m.SidePanel })));
const StageView = lazy(() => import('../stage/StageView.js').then((m) => ({ default: m.StageView })));

const useStyles = makeStyles({ page: { padding: tokens.spacingHorizontalXL } });

/** The stream refused or failed for good: say so, and offer the way home. */
function CannotShow({ detail }: { detail: string | null }) {
  const { t } = useTranslation();
  const styles = useStyles();
  usePageTitle(t('a11y.title.cannotShow'));
  return (
    <div className={styles.page}>
      <main>
        <Title2 as="h1">{t('meeting.cannotShow')}</Title2>
        <Body1 as="p" role="alert">
          {t('meeting.checkInvited', { detail: detail ?? t('meeting.refused') })}
        </Body1>
        <Button onClick={() => navigate('/')}>{t('common.goHome')}</Button>
      </main>
    </div>
  );
}

/**
 * `/e/:id`: the meeting surface. Teams' frame context (or `?view=` in a browser) picks the surface;
 * otherwise the role does: staff get the console, everyone else the panel.
 */
export default function MeetingPage({ engagementId }: { engagementId: string }) {
  const host = useHost();
  const live = useEngagement(engagementId);
  const banner = <ConnectionBanner connection={live.connection} detail={live.connectionDetail} />;
  if (!live.state) {
    if (live.connection !== 'failed') return <MeetingShell engagementId={engagementId} />;
    return <CannotShow detail={live.connectionDetail} />;
  }
  const staff = isStaffRole(live.me?.role ?? null);
  const surface = host.surface ?? (staff ? 'content' : 'sidePanel');
  return (
    <>
      {banner}
      <Suspense fallback={<MeetingShell engagementId={engagementId} heading={live.state.settings} />}>
        {surface === 'meetingStage' ? (
          <StageView state={live.state} serverNow={live.serverNow} />
        ) : surface === 'sidePanel' ? (
          staff ? (
            <ChairConsole state={live.state} me={live.me} serverNow={live.serverNow} compact />
          ) : (
            <SidePanel state={live.state} me={live.me} serverNow={live.serverNow} />
          )
        ) : staff ? (
          <ChairConsole state={live.state} me={live.me} serverNow={live.serverNow} />
        ) : (
          <SidePanel state={live.state} me={live.me} serverNow={live.serverNow} />
        )}
      </Suspense>
    </>
  );
}
