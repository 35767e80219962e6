import { Body1, Button, Spinner, Title2 } from '@fluentui/react-components';
import { isStaffRole } from '../../../../server/domain/vocabulary.js';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { useHost } from '../../host/HostProvider.js';
import { useEngagement } from '../../live/useEngagement.js';
import { navigate } from '../../router.js';
import { ChairConsole } from '../console/ChairConsole.js';
import { SidePanel } from '../panel/SidePanel.js';
import { StageView } from '../stage/StageView.js';

/**
 * `/e/:id`: the meeting surface. Teams' frame context (or `?view=` in a browser) picks the surface;
 * otherwise the role does: staff get the console, everyone else the panel.
 */
export default function MeetingPage({ engagementId }: { engagementId: string }) {
  const host = useHost();
  const live = useEngagement(engagementId);
  const banner = <ConnectionBanner connection={live.connection} detail={live.connectionDetail} />;
  if (!live.state) {
    return (
      <div style={{ padding: 20 }}>
        {live.connection === 'failed' ? (
          <main>
            <Title2 as="h1">This engagement cannot be shown</Title2>
            <Body1 as="p" role="alert">
              {live.connectionDetail ?? 'The server refused the connection.'} Check that you are signed in and invited to this engagement.
            </Body1>
            <Button onClick={() => navigate('/')}>Go to your engagements</Button>
          </main>
        ) : (
          <Spinner label="Loading the engagement…" />
        )}
      </div>
    );
  }
  const staff = isStaffRole(live.me?.role ?? null);
  const surface = host.surface ?? (staff ? 'content' : 'sidePanel');
  return (
    <>
      {banner}
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
    </>
  );
}
