import { Badge, Body1, Button, Field, Input, makeStyles, Textarea, Title3, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementState, Question } from '../../../../server/domain/index.js';
import { useAnnounce } from '../../components/Announcer.js';
import type { CommandRunner } from '../../components/useCommand.js';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: tokens.spacingVerticalS },
  tight: { display: 'grid', gap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  text: { flex: '1 1 15rem', minWidth: 0, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalS },
  add: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  minutes: { width: '7rem' },
});

function QuestionRow({
  q,
  index,
  count,
  state,
  commands,
}: {
  q: Question;
  index: number;
  count: number;
  state: EngagementState;
  commands: CommandRunner;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(q.text);
  const [context, setContext] = useState(q.context ?? '');
  const label = q.text.length > 40 ? `${q.text.slice(0, 40)}…` : q.text;
  const busy = commands.busy;
  const styles = useStyles();
  return (
    <li className={styles.tight} data-testid="question-row">
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void commands
              .run({ type: 'question.update', questionId: q.id, text: text.trim(), context: context.trim() })
              .then((r) => r && setEditing(false));
          }}
          className={styles.stack}
        >
          <Field label={t('console.questions.question')} required>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} />
          </Field>
          <Field label={t('console.questions.context')}>
            <Textarea value={context} onChange={(_, d) => setContext(d.value)} />
          </Field>
          <span className={styles.buttons}>
            <Button type="submit" appearance="primary" disabledFocusable={busy || !text.trim()}>
              {t('console.questions.save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('console.questions.cancel')}</Button>
          </span>
        </form>
      ) : (
        <span className={styles.row}>
          <Body1 className={styles.text}>{q.text}</Body1>
          <Badge appearance={q.status === 'open' ? 'filled' : 'outline'} color={q.status === 'open' ? 'success' : 'informative'}>
            {t(`console.questions.status.${q.status}`)}
          </Badge>
          {q.status !== 'open' ? (
            <Button
              size="small"
              appearance="primary"
              disabledFocusable={busy}
              onClick={() => void commands.run({ type: 'question.open', questionId: q.id })}
              aria-label={t('console.questions.openNamed', { label })}
            >
              {t('console.questions.open')}
            </Button>
          ) : (
            <Button
              size="small"
              disabledFocusable={busy}
              onClick={() => void commands.run({ type: 'question.close', questionId: q.id })}
              aria-label={t('console.questions.closeNamed', { label })}
            >
              {t('console.questions.close')}
            </Button>
          )}
          <Button
            size="small"
            icon={<EditRegular />}
            aria-label={t('console.questions.editNamed', { label })}
            onClick={() => setEditing(true)}
          />
          <Button
            size="small"
            icon={<ArrowUpRegular />}
            aria-label={t('console.questions.moveUp', { label })}
            disabledFocusable={busy || index === 0}
            onClick={() => void commands.run({ type: 'question.move', questionId: q.id, position: index - 1 })}
          />
          <Button
            size="small"
            icon={<ArrowDownRegular />}
            aria-label={t('console.questions.moveDown', { label })}
            disabledFocusable={busy || index === count - 1}
            onClick={() => void commands.run({ type: 'question.move', questionId: q.id, position: index + 1 })}
          />
          <Button
            size="small"
            icon={<DeleteRegular />}
            aria-label={t('console.questions.removeNamed', { label })}
            disabledFocusable={busy || state.openQuestionId === q.id}
            onClick={() => void commands.run({ type: 'question.remove', questionId: q.id })}
          />
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
  const styles = useStyles();
  const announce = useAnnounce();
  const newQuestion = useRef<HTMLTextAreaElement>(null);
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
      // The Chair continues with the next question: focus back to its field, and the result said aloud.
      newQuestion.current?.focus();
      announce(t('a11y.announce.questionAdded'));
    }
  };
  return (
    <section aria-labelledby="questions-edit-h" className={styles.stack}>
      <Title3 as="h2" id="questions-edit-h">
        {t('console.questions.title')}
      </Title3>
      {state.questions.length === 0 ? (
        <Body1 as="p">{t('console.questions.none')}</Body1>
      ) : (
        <ol className={styles.list}>
          {state.questions.map((q, i) => (
            <QuestionRow key={q.id} q={q} index={i} count={state.questions.length} state={state} commands={commands} />
          ))}
        </ol>
      )}
      <form onSubmit={add} className={styles.stack}>
        <Field label={t('console.questions.new')} required>
          <Textarea ref={newQuestion} value={text} onChange={(_, d) => setText(d.value)} name="question" />
        </Field>
        <Field label={t('console.questions.contextOptional')}>
          <Textarea value={context} onChange={(_, d) => setContext(d.value)} />
        </Field>
        <span className={styles.add}>
          <Field label={t('console.questions.plannedMinutes')}>
            <Input type="number" min={0} value={minutes} onChange={(_, d) => setMinutes(d.value)} className={styles.minutes} />
          </Field>
          <Button type="submit" disabledFocusable={commands.busy || !text.trim()}>
            {t('console.questions.add')}
          </Button>
        </span>
      </form>
    </section>
  );
}
