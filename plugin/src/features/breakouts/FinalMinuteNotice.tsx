import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BreakoutRound } from '../../../../server/domain/breakouts/index.js';
import { useServerClock } from '../../live/useEngagement.js';
import { roundClock } from './roundClock.js';

/** The one-minute warning (BREAKOUT-15), and then "time is up" until the server closes the round. */
export function FinalMinuteNotice({ round, serverNow }: { round: BreakoutRound; serverNow: () => number }) {
  const { t } = useTranslation();
  const now = useServerClock(serverNow, 1000);
  const { phase } = roundClock(round, now);
  return (
    <div aria-live="assertive" aria-atomic="true">
      {phase === 'final-minute' && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('breakouts.finalMinute')}</MessageBarBody>
        </MessageBar>
      )}
      {phase === 'time-up' && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('breakouts.timeUp')}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
