import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, Textarea, Title3, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import type { BreakoutReport, BreakoutRoom } from '../../../../server/domain/breakouts/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { draftFromReport, emptyReportDraft, reportFromDraft, type ReportDraft } from './reportDraft.js';
import { runBreakoutCommand } from './runBreakoutCommand.js';

const useStyles = makeStyles({
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  // Who, what and when side by side where each can be 8.75rem wide (it grows with the text size).
  step: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 8.75rem), 1fr))',
    alignItems: 'end',
  },
  /** Fluent's Input keeps a minimum width of its own; in the 280 px panel it must shrink with its column. */
  narrow: { minWidth: 0, width: '100%' },
});

/** The rapporteur's structured report (BREAKOUT-19): key points, proposals, who/what/when, open questions. */
export function RapporteurReportForm({
  roundId,
  room,
  existing,
  commands,
}: {
  roundId: string;
  room: BreakoutRoom;
  existing: BreakoutReport | null;
  commands: CommandRunner;
}) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ReportDraft>(() => (existing ? draftFromReport(existing) : emptyReportDraft()));
  const [problems, setProblems] = useState<string[]>([]);
  const [sent, setSent] = useState<string | null>(null);
  const set = <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setRow = (i: number, key: 'who' | 'what' | 'when', value: string) =>
    set(
      'implementation',
      draft.implementation.map((row, j) => (j === i ? { ...row, [key]: value } : row)),
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = reportFromDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    const result = await runBreakoutCommand(commands, { type: 'breakouts.report', roundId, roomId: room.id, ...checked.report });
    if (result) setSent(existing ? t('breakouts.report.revisedFiled') : t('breakouts.report.filed'));
  };
  const headingId = `report-h-${room.id}`;
  return (
    <section aria-labelledby={headingId}>
      <Title3 block as="h2" id={headingId}>
        {t('breakouts.report.title', { theme: room.theme })}
      </Title3>
      {existing && <p className={layout.quote}>{t('breakouts.report.existing', { revision: existing.revision })}</p>}
      {sent && <p role="status">{sent}</p>}
      {problems.length > 0 && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{problems.join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      <form onSubmit={submit} className={layout.stack}>
        <Field label={t('breakouts.report.keyPoints')} hint={t('breakouts.report.onePerLine')}>
          <Textarea value={draft.keyPoints} onChange={(_, d) => set('keyPoints', d.value)} rows={4} resize="vertical" />
        </Field>
        <Field label={t('breakouts.report.proposals')} hint={t('breakouts.report.onePerLine')}>
          <Textarea value={draft.proposals} onChange={(_, d) => set('proposals', d.value)} rows={3} resize="vertical" />
        </Field>
        <fieldset className={layout.fieldset}>
          <legend className={styles.legend}>{t('breakouts.report.implementation')}</legend>
          {draft.implementation.map((row, i) => (
            <div key={i} role="group" aria-label={t('breakouts.report.step', { number: i + 1 })} className={styles.step}>
              <Field label={t('breakouts.report.who')}>
                <Input className={styles.narrow} value={row.who} onChange={(_, d) => setRow(i, 'who', d.value)} />
              </Field>
              <Field label={t('breakouts.report.what')}>
                <Input className={styles.narrow} value={row.what} onChange={(_, d) => setRow(i, 'what', d.value)} />
              </Field>
              <Field label={t('breakouts.report.when')}>
                <Input
                  className={styles.narrow}
                  value={row.when}
                  placeholder={t('breakouts.report.whenPlaceholder')}
                  onChange={(_, d) => setRow(i, 'when', d.value)}
                />
              </Field>
              <Button
                icon={<DeleteRegular />}
                aria-label={t('breakouts.report.removeStep', { number: i + 1 })}
                disabled={draft.implementation.length === 1}
                onClick={() =>
                  set(
                    'implementation',
                    draft.implementation.filter((_, j) => j !== i),
                  )
                }
              />
            </div>
          ))}
          <Button icon={<AddRegular />} onClick={() => set('implementation', [...draft.implementation, { who: '', what: '', when: '' }])}>
            {t('breakouts.report.addStep')}
          </Button>
        </fieldset>
        <Field label={t('breakouts.report.openQuestions')} hint={t('breakouts.report.onePerLine')}>
          <Textarea value={draft.openQuestions} onChange={(_, d) => set('openQuestions', d.value)} rows={3} resize="vertical" />
        </Field>
        <Button type="submit" appearance="primary" disabledFocusable={commands.busy}>
          {existing ? t('breakouts.report.fileRevised') : t('breakouts.report.file')}
        </Button>
      </form>
    </section>
  );
}
