import { Button, Link } from '@fluentui/react-components';
import { ShareScreenStartRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../host/HostProvider.js';

/** In Teams: "Share to stage" only when Teams allows this user to share. In a browser: open the stage view. */
export function ShareToStage({ engagementId, onError }: { engagementId: string; onError: (message: string) => void }) {
  const { t } = useTranslation();
  const host = useHost();
  const [allowed, setAllowed] = useState(false);
  const stagePath = `/stage/${encodeURIComponent(engagementId)}`;
  useEffect(() => {
    let live = true;
    host.teams?.canShareToStage().then((ok) => live && setAllowed(ok));
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
  if (!allowed || !host.teams) return null;
  return (
    <Button
      icon={<ShareScreenStartRegular />}
      onClick={() => host.teams!.shareToStage(`${window.location.origin}${stagePath}?inTeams=1`).catch((e: Error) => onError(e.message))}
    >
      {t('meeting.shareStage')}
    </Button>
  );
}
