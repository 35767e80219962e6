import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ConnectionStatus } from '../live/SseConnection.js';

/** Visible whenever the live view may be stale, so nobody trusts a frozen countdown. */
export function ConnectionBanner({ connection, detail }: { connection: ConnectionStatus; detail: string | null }) {
  if (connection === 'live' || connection === 'closed') return null;
  if (connection === 'failed') {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          The live view stopped: {detail ?? 'the server refused the connection.'} Sign in again or reload the tab.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="warning" role="status" data-testid="connection">
      <MessageBarBody>{connection === 'connecting' ? 'Connecting…' : 'Reconnecting…'} What you see may be out of date.</MessageBarBody>
    </MessageBar>
  );
}
