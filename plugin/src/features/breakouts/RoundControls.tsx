import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Textarea, Title3 } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { EngagementState } from '../../../../server/domain/index.js';
import type { BreakoutRound, HardStopWarning } from '../../../../server/domain/breakouts/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { useServerClock } from '../../live/useEngagement.js';
import { extendWarningPreview, startWarningPreview } from './roundClock.js';
import { RoundCountdown } from './RoundCountdown.js';
import { runBreakoutCommand } from './runBreakoutCommand.js';

function HardStopBar({ warning, title }: { warning: HardStopWarning; title: string }) {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {warning.message} (rule {warning.rule})
      </MessageBarBody>
    </MessageBar>
  );
}

/** Start (with the hard-stop warning before and after, BREAKOUT-14), message all rooms, extend, end. */
export function RoundControls({ state, round, serverNow, commands }: { state: EngagementState; round: BreakoutRound; serverNow: () => number; commands: CommandRunner }) {
  const now = useServerClock(serverNow, 5000);
  const [message, setMessage] = useState('');
  const [minutes, setMinutes] = useState('5');
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const extendBy = /^\d+$/.test(minutes.trim()) ? Number(minutes) : 0;

  if (round.status === 'planned') {
    const warning = startWarningPreview(round, state.hardStop, now);
    const notLive = state.status !== 'live';
    return (
      <section aria-labelledby={`controls-h-${round.id}`} style={{ display: 'grid', gap: 8 }}>
        <Title3 block as="h3" id={`controls-h-${round.id}`}>
          Start the round
        </Title3>
        {warning && <HardStopBar warning={warning} title="Starting now would pass the hard stop" />}
        {notLive && <p style={{ margin: 0 }}>The round can start once the engagement is live.</p>}
        <Button appearance="primary" disabled={notLive || commands.busy} onClick={() => void runBreakoutCommand(commands, { type: 'breakouts.start', roundId: round.id })}>
          {warning ? `Start anyway (${round.durationMinutes} minutes)` : `Start (${round.durationMinutes} minutes)`}
        </Button>
      </section>
    );
  }
  if (round.status === 'ended') return null;

  const broadcast = async (e: FormEvent) => {
    e.preventDefault();
    if (await runBreakoutCommand(commands, { type: 'breakouts.broadcast', roundId: round.id, message: message.trim() })) {
      setMessage('');
      setSent('Sent to every room.');
    }
  };
  const extendWarning = extendBy > 0 ? extendWarningPreview(round, state.hardStop, extendBy) : null;
  return (
    <section aria-labelledby={`controls-h-${round.id}`} style={{ display: 'grid', gap: 12 }}>
      <Title3 block as="h3" id={`controls-h-${round.id}`}>
        Round running
      </Title3>
      <RoundCountdown round={round} serverNow={serverNow} size={40} />
      {round.hardStopWarning && <HardStopBar warning={round.hardStopWarning} title="This round passes the hard stop" />}
      <form onSubmit={broadcast} style={{ display: 'grid', gap: 8 }}>
        <Field label="Message to all rooms">
          <Textarea value={message} onChange={(_, d) => setMessage(d.value)} rows={2} resize="vertical" />
        </Field>
        <Button type="submit" disabled={!message.trim() || commands.busy}>
          Send to all rooms
        </Button>
        {sent && <p role="status" style={{ margin: 0 }}>{sent}</p>}
      </form>
      <div style={{ display: 'grid', gap: 8 }}>
        <Field label="Extend by (minutes)">
          <Input type="number" min={1} max={120} value={minutes} onChange={(_, d) => setMinutes(d.value)} />
        </Field>
        {extendWarning && <HardStopBar warning={extendWarning} title="Extending would pass the hard stop" />}
        <Button disabled={extendBy < 1 || extendBy > 120 || commands.busy} onClick={() => void runBreakoutCommand(commands, { type: 'breakouts.extend', roundId: round.id, minutes: extendBy })}>
          {extendBy > 0 ? `Extend by ${extendBy} minute${extendBy === 1 ? '' : 's'}` : 'Extend'}
        </Button>
      </div>
      {confirmEnd ? (
        <div role="group" aria-label="Confirm ending the round" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
          <span>End now and bring everyone back to plenary?</span>
          <Button
            appearance="primary"
            disabled={commands.busy}
            onClick={async () => {
              await runBreakoutCommand(commands, { type: 'breakouts.end', roundId: round.id });
              setConfirmEnd(false);
            }}
          >
            End the round
          </Button>
          <Button onClick={() => setConfirmEnd(false)}>Keep it running</Button>
        </div>
      ) : (
        <Button onClick={() => setConfirmEnd(true)}>End the round now…</Button>
      )}
    </section>
  );
}
