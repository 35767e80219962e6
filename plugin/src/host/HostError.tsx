import { Body1, Button, Title3 } from '@fluentui/react-components';

/** Shown when Teams does not answer the handshake: say what happened and what to do. */
export function HostError({ detail }: { detail: string }) {
  return (
    <main style={{ padding: 20, maxWidth: 560 }}>
      <Title3 as="h1">Convene could not talk to Teams</Title3>
      <Body1 as="p">
        Teams did not answer in time, so the tab cannot sign you in. Reload the tab; if it keeps happening, close and
        reopen the meeting, or open Convene in your browser instead.
      </Body1>
      <Body1 as="p">Details: {detail}</Body1>
      <Button appearance="primary" onClick={() => window.location.reload()}>
        Reload the tab
      </Button>
    </main>
  );
}
