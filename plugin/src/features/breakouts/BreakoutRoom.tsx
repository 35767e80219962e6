import '@livekit/components-styles';
import {
  ControlBar,
  GridLayout,
  LiveKitRoom,
  ParticipantTile,
  PreJoin,
  RoomAudioRenderer,
  StartAudio,
  VideoConference,
  useTracks,
  type LocalUserChoices,
} from '@livekit/components-react';
import { Button, MessageBar, MessageBarBody, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Track } from 'livekit-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakoutJoin } from './joinToken.js';
import { ROOM_OPTIONS } from './roomOptions.js';
import { deviceFailureMessage, disconnectMessage } from './mediaProblems.js';
import { ensureLocalStorage } from './storageStandIn.js';
import { useTeamsAudioHandoff } from './useTeamsAudioHandoff.js';

// The breakout room itself, on LiveKit. Loaded with React.lazy only when someone joins,
// so livekit-client and the LiveKit components stay out of the tab's first load. A device check (PreJoin)
// comes first: people choose microphone and camera, and see a permission problem before they are in the room.

export interface BreakoutRoomProps {
  join: BreakoutJoin;
  displayName: string;
  theme: string;
  /** Side panel (320 px): a plain grid and a minimal control bar instead of the full conference layout. */
  compact: boolean;
  inTeams: boolean;
  onLeave: (message: string) => void;
}

// Once, when this chunk loads: before any LiveKit component reads the storage.
ensureLocalStorage();

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalS },
  preJoin: { maxWidth: '100%', overflow: 'hidden', borderRadius: tokens.borderRadiusXLarge },
  plain: { margin: 0 },
  // The video area: a frame of pictures, not text, so its height is in px and does not grow with the text size.
  // On a wrapper: LiveKit's own stylesheet gives .lk-room-container height 100% (it fills this frame).
  room: { height: '560px', borderRadius: tokens.borderRadiusXLarge, overflow: 'hidden' },
  roomCompact: { height: '420px' },
  compact: { display: 'flex', flexDirection: 'column', height: '100%' },
  grid: { flex: 1, minHeight: 0 },
});

export default function BreakoutRoom({ join, displayName, theme, compact, inTeams, onLeave }: BreakoutRoomProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [choices, setChoices] = useState<LocalUserChoices | null>(null);
  const [deviceProblem, setDeviceProblem] = useState<string | null>(null);
  // From "Join the room" until the room view goes (left, disconnected, round over): Teams' meeting sound is off.
  const teamsAudio = useTeamsAudioHandoff(choices !== null);
  const problemBar = deviceProblem && (
    <MessageBar intent="warning" role="alert">
      <MessageBarBody>{deviceProblem}</MessageBarBody>
    </MessageBar>
  );
  if (!choices) {
    return (
      <section aria-label={t('breakouts.checkDevices', { theme })} className={styles.section}>
        {problemBar}
        <div data-lk-theme="default" className={styles.preJoin}>
          <PreJoin
            defaults={{ username: displayName, audioEnabled: true, videoEnabled: false }}
            persistUserChoices={false}
            joinLabel={t('breakouts.join')}
            micLabel={t('breakouts.microphone')}
            camLabel={t('breakouts.camera')}
            userLabel={t('breakouts.yourName')}
            onSubmit={setChoices}
            onError={(error) => setDeviceProblem(deviceFailureMessage(errorName(error), undefined, inTeams))}
          />
        </div>
        <Button onClick={() => onLeave(t('breakouts.didNotJoin'))}>{t('breakouts.cancel')}</Button>
      </section>
    );
  }
  return (
    <section aria-label={t('breakouts.roomLabel', { theme })} className={styles.section}>
      {problemBar}
      {teamsAudio === 'muted' && (
        <p role="status" className={styles.plain}>
          {t('breakouts.teamsMuted')}
        </p>
      )}
      {teamsAudio === 'unavailable' && (
        <p role="status" className={styles.plain}>
          {t('breakouts.teamsMuteUnavailable')}
        </p>
      )}
      <div className={mergeClasses(styles.room, compact && styles.roomCompact)}>
        <LiveKitRoom
          serverUrl={join.serverUrl}
          token={join.token}
          connect
          options={ROOM_OPTIONS}
          audio={choices.audioEnabled ? { deviceId: choices.audioDeviceId || undefined } : false}
          video={choices.videoEnabled ? { deviceId: choices.videoDeviceId || undefined } : false}
          data-lk-theme="default"
          onMediaDeviceFailure={(failure, kind) => setDeviceProblem(deviceFailureMessage(failure, kind, inTeams))}
          onDisconnected={(reason) => onLeave(disconnectMessage(reason))}
          onError={(error) => setDeviceProblem(t('breakouts.roomProblem', { message: error.message }))}
        >
          {compact ? <CompactRoom /> : <VideoConference />}
          {/* Browsers may block sound until a click; this button shows only then. */}
          <StartAudio label={t('breakouts.clickToHear')} />
        </LiveKitRoom>
      </div>
    </section>
  );
}

/** 320 px: a grid of tiles, the people's audio, and microphone, camera and leave. */
function CompactRoom() {
  const styles = useStyles();
  const tracks = useTracks([{ source: Track.Source.Camera, withPlaceholder: true }], { onlySubscribed: false });
  return (
    <div className={styles.compact}>
      <GridLayout tracks={tracks} className={styles.grid}>
        <ParticipantTile />
      </GridLayout>
      <RoomAudioRenderer />
      <ControlBar
        variation="minimal"
        controls={{ microphone: true, camera: true, screenShare: false, chat: false, leave: true }}
        saveUserChoices={false}
      />
    </div>
  );
}

const errorName = (error: Error): string =>
  error.name === 'NotAllowedError' || error.name === 'SecurityError'
    ? 'PermissionDenied'
    : error.name === 'NotFoundError'
      ? 'NotFound'
      : error.name === 'NotReadableError'
        ? 'DeviceInUse'
        : 'Other';
