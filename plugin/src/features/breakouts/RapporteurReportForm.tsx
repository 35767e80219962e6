import { Button, Field, Input, MessageBar, MessageBarBody, Textarea, Title3 } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import type { BreakoutReport, BreakoutRoom } from '../../../../server/domain/breakouts/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { draftFromReport, emptyReportDraft, reportFromDraft, type ReportDraft } from './reportDraft.js';
import { runBreakoutCommand } from './runBreakoutCommand.js';

/** Fluent's Input keeps a minimum width of its own; in the 280 px panel it must shrink with its column. */
const narrow = { minWidth: 0, width: '100%' } as const;

/** The rapporteur's structured report (BREAKOUT-19): key points, proposals, who/what/when, open questions. */
export function RapporteurReportForm({ roundId, room, existing, commands }: { roundId: string; room: BreakoutRoom; existing: BreakoutReport | null; commands: CommandRunner }) {
  const [draft, setDraft] = useState<ReportDraft>(() => (existing ? draftFromReport(existing) : emptyReportDraft()));
  const [problems, setProblems] = useState<string[]>([]);
  const [sent, setSent] = useState<string | null>(null);
  const set = <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setRow = (i: number, key: 'who' | 'what' | 'when', value: string) =>
    set('implementation', draft.implementation.map((row, j) => (j === i ? { ...row, [key]: value } : row)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = reportFromDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    const result = await runBreakoutCommand(commands, { type: 'breakouts.report', roundId, roomId: room.id, ...checked.report });
    if (result) setSent(existing ? 'Your revised report was filed; it replaces the earlier one.' : 'Your report was filed. The Chair will call on you at the report-back.');
  };
  const headingId = `report-h-${room.id}`;
  return (
    <section aria-labelledby={headingId}>
      <Title3 block as="h2" id={headingId}>
        Rapporteur’s report: {room.theme}
      </Title3>
      {existing && <p style={{ marginBlock: 4 }}>Filed (revision {existing.revision}). Sending again replaces it.</p>}
      {sent && <p role="status">{sent}</p>}
      {problems.length > 0 && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{problems.join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      <form onSubmit={submit} style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 8 }}>
        <Field label="Key points" hint="One per line.">
          <Textarea value={draft.keyPoints} onChange={(_, d) => set('keyPoints', d.value)} rows={4} resize="vertical" />
        </Field>
        <Field label="Proposals" hint="One per line.">
          <Textarea value={draft.proposals} onChange={(_, d) => set('proposals', d.value)} rows={3} resize="vertical" />
        </Field>
        <fieldset style={{ border: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }}>
          <legend style={{ fontWeight: 600, marginBottom: 4 }}>For implementation: who does what, by when</legend>
          {draft.implementation.map((row, i) => (
            <div key={i} role="group" aria-label={`Step ${i + 1}`} style={{ display: 'grid', gap: 4, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 140px), 1fr))', alignItems: 'end' }}>
              <Field label="Who">
                <Input style={narrow} value={row.who} onChange={(_, d) => setRow(i, 'who', d.value)} />
              </Field>
              <Field label="What">
                <Input style={narrow} value={row.what} onChange={(_, d) => setRow(i, 'what', d.value)} />
              </Field>
              <Field label="When">
                <Input style={narrow} value={row.when} placeholder="e.g. by the next session" onChange={(_, d) => setRow(i, 'when', d.value)} />
              </Field>
              <Button
                icon={<DeleteRegular />}
                aria-label={`Remove step ${i + 1}`}
                disabled={draft.implementation.length === 1}
                onClick={() => set('implementation', draft.implementation.filter((_, j) => j !== i))}
              />
            </div>
          ))}
          <Button icon={<AddRegular />} onClick={() => set('implementation', [...draft.implementation, { who: '', what: '', when: '' }])}>
            Add a step
          </Button>
        </fieldset>
        <Field label="Open questions" hint="One per line.">
          <Textarea value={draft.openQuestions} onChange={(_, d) => set('openQuestions', d.value)} rows={3} resize="vertical" />
        </Field>
        <Button type="submit" appearance="primary" disabled={commands.busy}>
          {existing ? 'File the revised report' : 'File the report'}
        </Button>
      </form>
    </section>
  );
}
