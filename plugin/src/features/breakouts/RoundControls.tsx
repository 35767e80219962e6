import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Textarea, Title3 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { useState, type FormEvent } from 'react';
import type { EngagementState } from '../../../../server/domain/index.js';
import type { BreakoutRound, HardStopWarning } from '../../../../server/domain/breakouts/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { useServerClock } from '../../live/useEngagement.js';
import { extendWarningPreview, startWarningPreview } from './roundClock.js';
import { RoundCountdown } from './RoundCountdown.js';
import { runBreakoutCommand } from './runBreakoutCommand.js';

function HardStopBar({ warning, title }: { warning: HardStopWarning; title: string }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {t('bconsole.controls.rule', { message: warning.message, rule: warning.rule })}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Start (with the hard-stop warning before and after, BREAKOUT-14), message all rooms, extend, end. */
export function RoundControls({
  state,
  round,
  serverNow,
  commands,
}: {
  state: EngagementState;
  round: BreakoutRound;
  serverNow: () => number;
  commands: CommandRunner;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
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
      <section aria-labelledby={`controls-h-${round.id}`} className={layout.stack}>
        <Title3 block as="h3" id={`controls-h-${round.id}`}>
          {t('bconsole.controls.startTitle')}
        </Title3>
        {warning && <HardStopBar warning={warning} title={t('bconsole.controls.startWouldPass')} />}
        {notLive && <p className={layout.plain}>{t('bconsole.controls.notLive')}</p>}
        <Button
          appearance="primary"
          disabledFocusable={notLive || commands.busy}
          onClick={() => void runBreakoutCommand(commands, { type: 'breakouts.start', roundId: round.id })}
        >
          {t(warning ? 'bconsole.controls.startAnyway' : 'bconsole.controls.start', { minutes: round.durationMinutes })}
        </Button>
      </section>
    );
  }
  if (round.status === 'ended') return null;

  const broadcast = async (e: FormEvent) => {
    e.preventDefault();
    if (await runBreakoutCommand(commands, { type: 'breakouts.broadcast', roundId: round.id, message: message.trim() })) {
      setMessage('');
      setSent(t('bconsole.controls.sent'));
    }
  };
  const extendWarning = extendBy > 0 ? extendWarningPreview(round, state.hardStop, extendBy) : null;
  return (
    <section aria-labelledby={`controls-h-${round.id}`} className={layout.stackWide}>
      <Title3 block as="h3" id={`controls-h-${round.id}`}>
        {t('bconsole.controls.running')}
      </Title3>
      <RoundCountdown round={round} serverNow={serverNow} size="large" />
      {round.hardStopWarning && <HardStopBar warning={round.hardStopWarning} title={t('bconsole.controls.passes')} />}
      <form onSubmit={broadcast} className={layout.stack}>
        <Field label={t('bconsole.controls.message')}>
          <Textarea value={message} onChange={(_, d) => setMessage(d.value)} rows={2} resize="vertical" />
        </Field>
        <Button type="submit" disabledFocusable={!message.trim() || commands.busy}>
          {t('bconsole.controls.send')}
        </Button>
        {sent && (
          <p role="status" className={layout.plain}>
            {sent}
          </p>
        )}
      </form>
      <div className={layout.stack}>
        <Field label={t('bconsole.controls.extendBy')}>
          <Input type="number" min={1} max={120} value={minutes} onChange={(_, d) => setMinutes(d.value)} />
        </Field>
        {extendWarning && <HardStopBar warning={extendWarning} title={t('bconsole.controls.extendWouldPass')} />}
        <Button
          disabledFocusable={extendBy < 1 || extendBy > 120 || commands.busy}
          onClick={() => void runBreakoutCommand(commands, { type: 'breakouts.extend', roundId: round.id, minutes: extendBy })}
        >
          {extendBy > 0 ? t('bconsole.controls.extendMinutes', { count: extendBy }) : t('bconsole.controls.extend')}
        </Button>
      </div>
      {confirmEnd ? (
        <div role="group" aria-label={t('bconsole.controls.confirmEnd')} className={layout.rowCenter}>
          <span>{t('bconsole.controls.endQuestion')}</span>
          <Button
            appearance="primary"
            disabledFocusable={commands.busy}
            onClick={async () => {
              await runBreakoutCommand(commands, { type: 'breakouts.end', roundId: round.id });
              setConfirmEnd(false);
            }}
          >
            {t('bconsole.controls.end')}
          </Button>
          <Button onClick={() => setConfirmEnd(false)}>{t('bconsole.controls.keep')}</Button>
        </div>
      ) : (
        <Button onClick={() => setConfirmEnd(true)}>{t('bconsole.controls.endNow')}</Button>
      )}
    </section>
  );
}
