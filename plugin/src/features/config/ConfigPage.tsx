import { Body1, MessageBar, MessageBarBody, Title2 } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useHost } from '../../host/HostProvider.js';
import { EngagementList } from '../home/EngagementList.js';
import { SignIn } from '../home/SignIn.js';
import { useSession } from '../home/useSession.js';

/**
 * The Teams configuration page (frame context `settings`): create or pick the engagement this meeting
 * runs. Save stays disabled until one is chosen; then the tab's contentUrl carries the `inTeams=1` marker.
 */
export default function ConfigPage() {
  const host = useHost();
  const session = useSession();
  const [chosen, setChosen] = useState<string | null>(null);
  const chosenRef = useRef<string | null>(null);
  const registered = useRef(false);

  useEffect(() => {
    const teams = host.teams;
    if (!teams || registered.current) return;
    registered.current = true;
    teams.setConfigValid(false);
    teams.configure({
      onSave: async () => {
        const id = chosenRef.current;
        if (!id) throw new Error('Choose or create an engagement first.');
        const origin = window.location.origin;
        return {
          entityId: id,
          contentUrl: `${origin}/e/${encodeURIComponent(id)}?inTeams=1`,
          websiteUrl: `${origin}/e/${encodeURIComponent(id)}`,
        };
      },
    });
  }, [host.teams]);

  const choose = (id: string) => {
    chosenRef.current = id;
    setChosen(id);
    host.teams?.setConfigValid(true);
  };

  const signedIn = host.mode === 'teams' ? !host.teams?.isAnonymous : Boolean(session);
  return (
    <main style={{ padding: 20, maxWidth: 640, display: 'grid', gap: 12 }}>
      <Title2 as="h1">Add Convene to this meeting</Title2>
      <Body1 as="p" style={{ margin: 0 }}>
        Choose the engagement this meeting runs, or create one. Then select Save.
      </Body1>
      {host.mode === 'browser' && (
        <MessageBar intent="info">
          <MessageBarBody>This is the page Teams shows when the app is added to a meeting. Outside Teams there is nothing to save.</MessageBarBody>
        </MessageBar>
      )}
      {chosen && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>Engagement chosen. Select Save to add the tab.</MessageBarBody>
        </MessageBar>
      )}
      {signedIn ? <EngagementList onOpen={choose} openLabel="Use" /> : <SignIn />}
    </main>
  );
}
