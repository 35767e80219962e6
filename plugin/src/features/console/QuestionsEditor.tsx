import { Badge, Body1, Button, Field, Input, Textarea, Title3 } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementState, Question } from '../../../../server/domain/index.js';
import type { CommandRunner } from '../../components/useCommand.js';

function QuestionRow({ q, index, count, state, commands }: { q: Question; index: number; count: number; state: EngagementState; commands: CommandRunner }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(q.text);
  const [context, setContext] = useState(q.context ?? '');
  const label = q.text.length > 40 ? `${q.text.slice(0, 40)}…` : q.text;
  const busy = commands.busy;
  return (
    <li style={{ display: 'grid', gap: 4 }} data-testid="question-row">
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void commands.run({ type: 'question.update', questionId: q.id, text: text.trim(), context: context.trim() }).then((r) => r && setEditing(false));
          }}
          style={{ display: 'grid', gap: 6 }}
        >
          <Field label={t('console.questions.question')} required>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} />
          </Field>
          <Field label={t('console.questions.context')}>
            <Textarea value={context} onChange={(_, d) => setContext(d.value)} />
          </Field>
          <span style={{ display: 'flex', gap: 6 }}>
            <Button type="submit" appearance="primary" disabled={busy || !text.trim()}>
              {t('console.questions.save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('console.questions.cancel')}</Button>
          </span>
        </form>
      ) : (
        <span style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
          <Body1 style={{ flex: '1 1 240px' }}>{q.text}</Body1>
          <Badge appearance={q.status === 'open' ? 'filled' : 'outline'} color={q.status === 'open' ? 'success' : 'informative'}>
            {t(`console.questions.status.${q.status}`)}
          </Badge>
          {q.status !== 'open' ? (
            <Button size="small" appearance="primary" disabled={busy} onClick={() => void commands.run({ type: 'question.open', questionId: q.id })} aria-label={t('console.questions.openNamed', { label })}>
              {t('console.questions.open')}
            </Button>
          ) : (
            <Button size="small" disabled={busy} onClick={() => void commands.run({ type: 'question.close', questionId: q.id })} aria-label={t('console.questions.closeNamed', { label })}>
              {t('console.questions.close')}
            </Button>
          )}
          <Button size="small" icon={<EditRegular />} aria-label={t('console.questions.editNamed', { label })} onClick={() => setEditing(true)} />
          <Button size="small" icon={<ArrowUpRegular />} aria-label={t('console.questions.moveUp', { label })} disabled={busy || index === 0} onClick={() => void commands.run({ type: 'question.move', questionId: q.id, position: index - 1 })} />
          <Button
            size="small"
            icon={<ArrowDownRegular />}
            aria-label={t('console.questions.moveDown', { label })}
            disabled={busy || index === count - 1}
            onClick={() => void commands.run({ type: 'question.move', questionId: q.id, position: index + 1 })}
          />
          <Button size="small" icon={<DeleteRegular />} aria-label={t('console.questions.removeNamed', { label })} disabled={busy || state.openQuestionId === q.id} onClick={() => void commands.run({ type: 'question.remove', questionId: q.id })} />
        </span>
      )}
    </li>
  );
}

/** The guiding questions: everything (interventions, inputs, the summary) links to one of them. */
export function QuestionsEditor({ state, commands }: { state: EngagementState; commands: CommandRunner }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [context, setContext] = useState('');
  const [minutes, setMinutes] = useState('');
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const r = await commands.run({
      type: 'question.add',
      text: text.trim(),
      ...(context.trim() ? { context: context.trim() } : {}),
      ...(minutes ? { plannedMinutes: Number(minutes) } : {}),
    });
    if (r) {
      setText('');
      setContext('');
    }
  };
  return (
    <section aria-labelledby="questions-edit-h" style={{ display: 'grid', gap: 8 }}>
      <Title3 as="h3" id="questions-edit-h">
        {t('console.questions.title')}
      </Title3>
      {state.questions.length === 0 ? (
        <Body1 as="p">{t('console.questions.none')}</Body1>
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: 20, display: 'grid', gap: 8 }}>
          {state.questions.map((q, i) => (
            <QuestionRow key={q.id} q={q} index={i} count={state.questions.length} state={state} commands={commands} />
          ))}
        </ol>
      )}
      <form onSubmit={add} style={{ display: 'grid', gap: 8 }}>
        <Field label={t('console.questions.new')} required>
          <Textarea value={text} onChange={(_, d) => setText(d.value)} name="question" />
        </Field>
        <Field label={t('console.questions.contextOptional')}>
          <Textarea value={context} onChange={(_, d) => setContext(d.value)} />
        </Field>
        <span style={{ display: 'flex', gap: 8, alignItems: 'end' }}>
          <Field label={t('console.questions.plannedMinutes')}>
            <Input type="number" min={0} value={minutes} onChange={(_, d) => setMinutes(d.value)} style={{ width: 100 }} />
          </Field>
          <Button type="submit" disabled={commands.busy || !text.trim()}>
            {t('console.questions.add')}
          </Button>
        </span>
      </form>
    </section>
  );
}
