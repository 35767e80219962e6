import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { useHost } from '../../host/HostProvider.js';
import { requestJoinToken, type JoinOutcome } from './joinToken.js';
import { useTeamsAutoMute } from './useTeamsAudioHandoff.js';

// "Join" / "Enter room": asks the server for a token, then loads the LiveKit view on demand. The LiveKit code
// (livekit-client, the components, their CSS) is a separate chunk fetched only here.
const BreakoutRoom = lazy(() => import('./BreakoutRoom.js'));

export function JoinRoom({
  engagementId,
  roomId,
  theme,
  displayName,
  compact,
  label,
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
  const layout = useLayoutStyles();
  const { t } = useTranslation();
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
    <div className={layout.stack}>
      {inTeams && teamsNote && <TeamsMediaNote browserUrl={browserUrl} />}
      {left && (
        <p role="status" className={layout.plain}>
          {left}
        </p>
      )}
      {outcome?.kind === 'no-media' && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>
            <MessageBarTitle>{t('breakouts.noMediaTitle')}</MessageBarTitle> {outcome.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'refused' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('breakouts.couldNotJoin')}</MessageBarTitle> {outcome.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'ready' ? (
        <Suspense fallback={<Spinner label={t('breakouts.loadingRoom')} />}>
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
        <Button
          appearance="primary"
          onClick={start}
          disabledFocusable={busy}
          aria-label={t('breakouts.joinNamed', { label: label ?? t('breakouts.join'), theme })}
        >
          {busy ? t('breakouts.asking') : (label ?? t('breakouts.join'))}
        </Button>
      )}
    </div>
  );
}

/** Outside Teams the tab signs in again (dev sign-in or an invitation); the round and the room are the same. */
export const browserUrlOf = (engagementId: string, compact: boolean): string =>
  `${typeof window === 'undefined' ? '' : window.location.origin}/e/${encodeURIComponent(engagementId)}?view=${compact ? 'panel' : 'console'}`;

/** Inside Teams: device permission may be missing in the tab's frame; name the ways out. */
export function TeamsMediaNote({ browserUrl }: { browserUrl: string }) {
  const { t } = useTranslation();
  const autoMute = useTeamsAutoMute();
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <Trans
          t={t}
          i18nKey="breakouts.teamsMedia"
          components={{ link: <Link href={browserUrl} target="_blank" rel="noopener noreferrer" /> }}
        />{' '}
        {autoMute ? t('breakouts.autoMute') : t('breakouts.muteYourself')}
      </MessageBarBody>
    </MessageBar>
  );
}
