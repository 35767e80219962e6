import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { BreakoutRound } from '../../../../server/domain/breakouts/index.js';

/**
 * The Chair's latest message to all rooms. The live region is always in the page, so that screen readers
 * announce a new message when its text arrives (a region inserted together with its text is often missed).
 */
export function BroadcastBanner({ round }: { round: BreakoutRound }) {
  const { t } = useTranslation();
  const latest = round.status === 'running' ? round.broadcasts.at(-1) : undefined;
  return (
    <div aria-live="assertive" aria-atomic="true">
      {latest && (
        <MessageBar intent="info" key={latest.id}>
          <MessageBarBody>
            <MessageBarTitle>{t('breakouts.messageFromChair')}</MessageBarTitle> {latest.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
