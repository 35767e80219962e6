import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../live/SseConnection.js';

/** Visible whenever the live view may be stale, so nobody trusts a frozen countdown. */
export function ConnectionBanner({ connection, detail }: { connection: ConnectionStatus; detail: string | null }) {
  const { t } = useTranslation();
  if (connection === 'live' || connection === 'closed') return null;
  if (connection === 'failed') {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{t('connection.failed', { detail: detail ?? t('connection.refused') })}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="warning" role="status" data-testid="connection">
      <MessageBarBody>{t(connection === 'connecting' ? 'connection.connecting' : 'connection.reconnecting')}</MessageBarBody>
    </MessageBar>
  );
}
