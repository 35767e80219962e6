import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandRunner } from '../../components/useCommand.js';
import { useHost } from '../../host/HostProvider.js';
import { hardStopOffer } from '../../host/meetingSchedule.js';
import { formatTime } from '../../i18n/format.js';

/**
 * In a Teams meeting: the meeting's scheduled end offered as the hard stop. Nothing changes until the Chair
 * presses the button (time.setHardStop); hidden outside Teams, when Teams does not say, and once it is the
 * hard stop already.
 */
export function MeetingEndOffer({ hardStop, now, commands }: { hardStop: string | null; now: number; commands: CommandRunner }) {
  const { t } = useTranslation();
  const teams = useHost().teams;
  const [scheduledEnd, setScheduledEnd] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    teams?.meetingScheduledEnd().then((end) => live && setScheduledEnd(end));
    return () => {
      live = false;
    };
  }, [teams]);
  const offer = hardStopOffer(scheduledEnd, now, hardStop);
  if (!offer) return null;
  return (
    <MessageBar intent="info">
      <MessageBarBody>{t('console.time.meetingEnds', { time: formatTime(offer) })}</MessageBarBody>
      <MessageBarActions>
        <Button disabled={commands.busy} onClick={() => void commands.run({ type: 'time.setHardStop', at: offer })}>
          {t('console.time.useMeetingEnd')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
