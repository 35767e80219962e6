import { Body1, Button, Field, Radio, RadioGroup, Textarea, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementState, NoteVisibility } from '../../../../server/domain/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { nameOf } from '../shared/selectors.js';

/** Notes on the current intervention (or the open question): for the secretariat only, or public. */
export function NotesPanel({ state, commands }: { state: EngagementState; commands: CommandRunner }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<NoteVisibility>('secretariat');
  const requestId = state.currentRequestId;
  const about = requestId
    ? t('console.notes.intervention', { name: nameOf(state.participants[state.requests[requestId]?.participantId ?? '']) })
    : t('console.notes.openQuestion');
  const subject = (note: EngagementState['notes'][number]) =>
    note.requestId
      ? nameOf(state.participants[state.requests[note.requestId]?.participantId ?? ''])
      : (state.questions.find((q) => q.id === note.questionId)?.text ?? t('console.notes.general'));
  return (
    <section aria-labelledby="notes-h" className={layout.stack}>
      <Title3 as="h2" id="notes-h">
        {t('console.notes.title')}
      </Title3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void commands
            .run({
              type: 'note.add',
              text: text.trim(),
              visibility,
              ...(requestId ? { requestId } : state.openQuestionId ? { questionId: state.openQuestionId } : {}),
            })
            .then((r) => r && setText(''));
        }}
        className={layout.stack}
      >
        <Field label={t('console.notes.noteOn', { about })} required>
          <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
        </Field>
        <RadioGroup
          value={visibility}
          onChange={(_, d) => setVisibility(d.value as NoteVisibility)}
          layout="horizontal"
          aria-label={t('console.notes.whoSees')}
        >
          <Radio value="secretariat" label={t('console.notes.secretariat')} />
          <Radio value="public" label={t('console.notes.public')} />
        </RadioGroup>
        <Button type="submit" disabledFocusable={commands.busy || !text.trim()}>
          {t('console.notes.add')}
        </Button>
      </form>
      {state.notes.length === 0 ? (
        <Body1 as="p">{t('console.notes.none')}</Body1>
      ) : (
        <ul className={layout.list}>
          {[...state.notes].reverse().map((n) => (
            <li key={n.id}>
              <Body1>
                <strong>{subject(n)}</strong> ({t(`console.notes.visibility.${n.visibility}`)}): {n.text}
              </Body1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
