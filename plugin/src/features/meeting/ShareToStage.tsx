import { Button, Link, makeStyles } from '@fluentui/react-components';
import { ShareScreenStartRegular, ShareScreenStopRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../host/HostProvider.js';

const useStyles = makeStyles({ status: { alignSelf: 'center' } });

/**
 * In Teams: "Share to stage" only when Teams allows this user to share; while the tab is on the stage, says
 * so and offers "Stop sharing" to the presenter. In a browser: open the stage view.
 */
export function ShareToStage({ engagementId, onError }: { engagementId: string; onError: (message: string) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const host = useHost();
  const [allowed, setAllowed] = useState(false);
  const [sharing, setSharing] = useState(false);
  const stagePath = `/stage/${encodeURIComponent(engagementId)}`;
  const refresh = useCallback(() => host.teams?.isSharingToStage().then(setSharing), [host.teams]);
  useEffect(() => {
    let live = true;
    host.teams?.canShareToStage().then((ok) => live && setAllowed(ok));
    host.teams?.isSharingToStage().then((on) => live && setSharing(on));
    return () => {
      live = false;
    };
  }, [host.teams]);
  if (host.mode === 'browser') {
    return (
      <Link href={`${stagePath}${host.theme === 'light' ? '' : `?theme=${host.theme}`}`} target="_blank" rel="noopener">
        {t('meeting.openStage')}
      </Link>
    );
  }
  if (!host.teams) return null;
  const teams = host.teams;
  const fail = (e: Error) => onError(e.message);
  return (
    <>
      {sharing && (
        <span role="status" className={styles.status}>
          {t('meeting.onStage')}
        </span>
      )}
      {allowed && sharing && (
        <Button icon={<ShareScreenStopRegular />} onClick={() => teams.stopSharingToStage().then(refresh, fail)}>
          {t('meeting.stopSharing')}
        </Button>
      )}
      {allowed && !sharing && (
        <Button
          icon={<ShareScreenStartRegular />}
          onClick={() => teams.shareToStage(`${window.location.origin}${stagePath}?inTeams=1`).then(refresh, fail)}
        >
          {t('meeting.shareStage')}
        </Button>
      )}
    </>
  );
}
