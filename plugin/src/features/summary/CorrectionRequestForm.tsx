import { Button, Field, Radio, RadioGroup, Select, Textarea, Title3 } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import type { EngagementState, FloorRequest, Membership } from '../../../../server/domain/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { formatTimeSeconds } from '../../i18n/format.js';
import type { DraftSection } from './draftSections.js';
import { runSummaryCommand } from './runSummaryCommand.js';

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
export function CorrectionRequestForm({
  state,
  me,
  sections,
  commands,
}: {
  state: EngagementState;
  me: Membership;
  sections: DraftSection[] | null;
  commands: CommandRunner;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
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
    return i >= 0 ? t('summary.questionN', { number: i + 1 }) : t('summary.aQuestion');
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
    <section aria-labelledby="correction-h" className={layout.stack}>
      <Title3 block as="h3" id="correction-h">
        {t('summary.askCorrection')}
      </Title3>
      {sent && <p role="status">{t('summary.correctionSent')}</p>}
      <form onSubmit={submit} className={layout.stack}>
        {canParagraph && (
          <RadioGroup
            value={target}
            onChange={(_, d) => setTarget(d.value as 'paragraph' | 'entry')}
            aria-label={t('summary.whatToCorrect')}
          >
            <Radio value="paragraph" label={t('summary.aParagraph')} />
            <Radio value="entry" label={t('summary.myEntry')} disabled={entries.length === 0} />
          </RadioGroup>
        )}
        {target === 'paragraph' ? (
          <Field label={t('summary.paragraph')} required>
            <Select value={paragraphKey} onChange={(_, d) => setParagraphKey(d.value)}>
              <option value="">{t('summary.chooseParagraph')}</option>
              {paragraphs.map((p) => (
                <option key={p.key} value={p.key}>
                  {`${p.number}. ${p.text.length > 70 ? `${p.text.slice(0, 70)}…` : p.text}`}
                </option>
              ))}
            </Select>
          </Field>
        ) : entries.length === 0 ? (
          <p className={layout.plain}>{t('summary.noEntry')}</p>
        ) : (
          <Field label={t('summary.yourEntry')} required>
            <Select value={requestId} onChange={(_, d) => setRequestId(d.value)}>
              {entries.map((r) => (
                <option key={r.id} value={r.id}>
                  {t('summary.entryOption', {
                    question: question(r.questionId),
                    time: formatTimeSeconds(r.requestedAt),
                    outcome: t(`summary.outcome.${r.status}`),
                  })}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label={t('summary.whatShouldItSay')} required>
          <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={3} resize="vertical" />
        </Field>
        <Button type="submit" appearance="primary" disabledFocusable={!ready || commands.busy}>
          {t('summary.sendCorrection')}
        </Button>
      </form>
    </section>
  );
}
