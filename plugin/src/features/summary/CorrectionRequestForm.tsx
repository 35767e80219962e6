import { Button, Field, Radio, RadioGroup, Select, Textarea, Title3 } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { EngagementState, FloorRequest, Membership } from '../../../../server/domain/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import type { DraftSection } from './draftSections.js';
import { runSummaryCommand } from './runSummaryCommand.js';

const OUTCOME: Record<FloorRequest['status'], string> = {
  waiting: 'waiting',
  speaking: 'speaking',
  heard: 'heard',
  withdrawn: 'withdrawn',
  skipped: 'skipped',
  deferred: 'deferred to writing',
};

/** My own entries in the speakers list, as the summary's annex records them. */
export const myEntries = (state: EngagementState, me: Membership | null): FloorRequest[] =>
  me?.participantId
    ? Object.values(state.requests)
        .filter((r) => r.participantId === me.participantId)
        .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
    : [];

/**
 * Ask for a correction (SUMMARY-4..6): delegations on a paragraph or on their own entry in the speakers list;
 * stakeholders who spoke on their own entry only.
 */
export function CorrectionRequestForm({ state, me, sections, commands }: { state: EngagementState; me: Membership; sections: DraftSection[] | null; commands: CommandRunner }) {
  const canParagraph = me.role === 'delegation';
  const entries = myEntries(state, me);
  const [target, setTarget] = useState<'paragraph' | 'entry'>(canParagraph ? 'paragraph' : 'entry');
  const [paragraphKey, setParagraphKey] = useState('');
  const [requestId, setRequestId] = useState(entries[0]?.id ?? '');
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const paragraphs = sections?.flatMap((s) => s.paragraphs) ?? [];
  const question = (id: string) => {
    const i = state.questions.findIndex((q) => q.id === id);
    return i >= 0 ? `question ${i + 1}` : 'a question';
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const named = target === 'paragraph' ? { paragraphKey } : { requestId };
    if (await runSummaryCommand(commands, { type: 'summary.requestCorrection', ...named, text: text.trim() })) {
      setText('');
      setSent(true);
    }
  };
  const ready = text.trim() && (target === 'paragraph' ? paragraphKey : requestId);
  return (
    <section aria-labelledby="correction-h" style={{ display: 'grid', gap: 8 }}>
      <Title3 block as="h3" id="correction-h">
        Ask for a correction
      </Title3>
      {sent && <p role="status">Your correction was sent to the Chair. The answer will show below.</p>}
      <form onSubmit={submit} style={{ display: 'grid', gap: 8 }}>
        {canParagraph && (
          <RadioGroup value={target} onChange={(_, d) => setTarget(d.value as 'paragraph' | 'entry')} aria-label="What to correct">
            <Radio value="paragraph" label="A paragraph of the summary" />
            <Radio value="entry" label="My entry in the speakers list" disabled={entries.length === 0} />
          </RadioGroup>
        )}
        {target === 'paragraph' ? (
          <Field label="Paragraph" required>
            <Select value={paragraphKey} onChange={(_, d) => setParagraphKey(d.value)}>
              <option value="">Choose a paragraph</option>
              {paragraphs.map((p) => (
                <option key={p.key} value={p.key}>
                  {`${p.number}. ${p.text.length > 70 ? `${p.text.slice(0, 70)}…` : p.text}`}
                </option>
              ))}
            </Select>
          </Field>
        ) : entries.length === 0 ? (
          <p style={{ margin: 0 }}>You have no entry in the speakers list to correct.</p>
        ) : (
          <Field label="Your entry" required>
            <Select value={requestId} onChange={(_, d) => setRequestId(d.value)}>
              {entries.map((r) => (
                <option key={r.id} value={r.id}>
                  {`On ${question(r.questionId)}, asked ${new Date(r.requestedAt).toLocaleTimeString()} — ${OUTCOME[r.status]}`}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label="What should it say, and why?" required>
          <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={3} resize="vertical" />
        </Field>
        <Button type="submit" appearance="primary" disabled={!ready || commands.busy}>
          Send the correction
        </Button>
      </form>
    </section>
  );
}
