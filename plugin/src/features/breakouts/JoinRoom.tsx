import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { useHost } from '../../host/HostProvider.js';
import { requestJoinToken, type JoinOutcome } from './joinToken.js';

// "Join" / "Enter room": asks the server for a token, then loads the LiveKit view on demand. The LiveKit code
// (livekit-client, the components, their CSS) is a separate chunk fetched only here.
const BreakoutRoom = lazy(() => import('./BreakoutRoom.js'));

export function JoinRoom({
  engagementId,
  roomId,
  theme,
  displayName,
  compact,
  label = 'Join the room',
  teamsNote = true,
}: {
  engagementId: string;
  roomId: string;
  theme: string;
  displayName: string;
  compact: boolean;
  label?: string;
  /** Off where a list of rooms shows the note once above them. */
  teamsNote?: boolean;
}) {
  const host = useHost();
  const inTeams = host.mode === 'teams';
  const [outcome, setOutcome] = useState<JoinOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [left, setLeft] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    setLeft(null);
    try {
      setOutcome(await requestJoinToken(engagementId, roomId));
    } finally {
      setBusy(false);
    }
  };
  const browserUrl = browserUrlOf(engagementId, compact);
  return (
    <div style={{ display: 'grid', gap: 8 }}>
      {inTeams && teamsNote && <TeamsMediaNote browserUrl={browserUrl} />}
      {left && (
        <p role="status" style={{ margin: 0 }}>
          {left}
        </p>
      )}
      {outcome?.kind === 'no-media' && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>
            <MessageBarTitle>No audio and video here</MessageBarTitle> {outcome.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'refused' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Could not join the room</MessageBarTitle> {outcome.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'ready' ? (
        <Suspense fallback={<Spinner label="Loading the breakout room…" />}>
          <BreakoutRoom
            join={outcome.join}
            displayName={displayName}
            theme={theme}
            compact={compact}
            inTeams={inTeams}
            onLeave={(message) => {
              setOutcome(null);
              setLeft(message);
            }}
          />
        </Suspense>
      ) : (
        <Button appearance="primary" onClick={start} disabled={busy} aria-label={`${label}: ${theme}`}>
          {busy ? 'Asking for a place…' : label}
        </Button>
      )}
    </div>
  );
}

/** Outside Teams the tab signs in again (dev sign-in or an invitation); the round and the room are the same. */
export const browserUrlOf = (engagementId: string, compact: boolean): string =>
  `${typeof window === 'undefined' ? '' : window.location.origin}/e/${encodeURIComponent(engagementId)}?view=${compact ? 'panel' : 'console'}`;

/** Inside Teams: device permission may be missing in the tab's frame (notes/livekit.md §5.3); name the ways out. */
export function TeamsMediaNote({ browserUrl }: { browserUrl: string }) {
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        Teams may not let this tab use your microphone and camera. If joining fails, allow media under the tab’s “App permissions” and reload, or{' '}
        <Link href={browserUrl} target="_blank" rel="noopener noreferrer">
          open Convene in your browser
        </Link>
        . Mute the Teams meeting while you are in the room, so you do not hear both.
      </MessageBarBody>
    </MessageBar>
  );
}
