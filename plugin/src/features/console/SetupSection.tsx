import { Body1, Button, Field, Input, Title3 } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { EngagementState } from '../../../../server/domain/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { engagementStatusLabel } from '../shared/labels.js';
import { fromLocalInput, toLocalInput } from '../shared/localTime.js';

/** Title, theme, schedule and speaking time; and the engagement's own cycle: open → start → end. */
export function SetupSection({ state, commands }: { state: EngagementState; commands: CommandRunner }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const s = state.settings;
  const [title, setTitle] = useState(s.title);
  const [theme, setTheme] = useState(s.theme ?? '');
  const [start, setStart] = useState(toLocalInput(s.scheduledStart));
  const [planned, setPlanned] = useState(String(s.plannedMinutes));
  const [speaking, setSpeaking] = useState(String(s.speakingSeconds));
  const save = (e: FormEvent) => {
    e.preventDefault();
    void commands.run({
      type: 'engagement.update',
      title: title.trim(),
      theme: theme.trim(),
      scheduledStart: fromLocalInput(start),
      plannedMinutes: Number(planned) || 0,
      speakingSeconds: Number(speaking) || s.speakingSeconds,
    });
  };
  return (
    <section aria-labelledby="setup-h" className={layout.stack}>
      <Title3 as="h2" id="setup-h">
        {t('console.setup.title')}
      </Title3>
      <Body1 as="p" className={layout.plain}>
        <Trans
          t={t}
          i18nKey="console.setup.status"
          values={{ status: engagementStatusLabel(state.status) }}
          components={{ status: <strong data-testid="engagement-status" /> }}
        />{' '}
        {t(`console.setup.${state.status}`)}
      </Body1>
      <div className={layout.buttons}>
        {state.status === 'draft' && (
          <Button appearance="primary" disabledFocusable={commands.busy} onClick={() => void commands.run({ type: 'engagement.open' })}>
            {t('console.setup.openButton')}
          </Button>
        )}
        {state.status === 'open' && (
          <Button appearance="primary" disabledFocusable={commands.busy} onClick={() => void commands.run({ type: 'engagement.start' })}>
            {t('console.setup.startButton')}
          </Button>
        )}
        {state.status === 'live' && (
          <Button disabledFocusable={commands.busy} onClick={() => void commands.run({ type: 'engagement.end' })}>
            {t('console.setup.endButton')}
          </Button>
        )}
      </div>
      <form onSubmit={save} className={layout.fields}>
        <Field label={t('console.setup.titleLabel')} required>
          <Input value={title} onChange={(_, d) => setTitle(d.value)} />
        </Field>
        <Field label={t('console.setup.theme')}>
          <Input value={theme} onChange={(_, d) => setTheme(d.value)} />
        </Field>
        <Field label={t('console.setup.scheduledStart')}>
          <Input type="datetime-local" value={start} onChange={(_, d) => setStart(d.value)} />
        </Field>
        <Field label={t('console.setup.plannedMinutes')}>
          <Input type="number" min={0} value={planned} onChange={(_, d) => setPlanned(d.value)} />
        </Field>
        <Field label={t('console.setup.speakingTime')}>
          <Input type="number" min={10} max={3600} value={speaking} onChange={(_, d) => setSpeaking(d.value)} />
        </Field>
        <Button type="submit" disabledFocusable={commands.busy || !title.trim()}>
          {t('console.setup.save')}
        </Button>
      </form>
    </section>
  );
}
