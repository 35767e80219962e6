import { Body1, Button, Field, Radio, RadioGroup, Textarea, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import type { EngagementState, NoteVisibility } from '../../../../server/domain/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { nameOf } from '../shared/selectors.js';

/** Notes on the current intervention (or the open question): for the secretariat only, or public. */
export function NotesPanel({ state, commands }: { state: EngagementState; commands: CommandRunner }) {
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<NoteVisibility>('secretariat');
  const requestId = state.currentRequestId;
  const about = requestId ? `${nameOf(state.participants[state.requests[requestId]?.participantId ?? ''])}’s intervention` : 'the open question';
  const subject = (note: EngagementState['notes'][number]) =>
    note.requestId
      ? nameOf(state.participants[state.requests[note.requestId]?.participantId ?? ''])
      : (state.questions.find((q) => q.id === note.questionId)?.text ?? 'General');
  return (
    <section aria-labelledby="notes-h" style={{ display: 'grid', gap: 8 }}>
      <Title3 as="h3" id="notes-h">
        Notes
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
        style={{ display: 'grid', gap: 6 }}
      >
        <Field label={`Note on ${about}`} required>
          <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
        </Field>
        <RadioGroup value={visibility} onChange={(_, d) => setVisibility(d.value as NoteVisibility)} layout="horizontal" aria-label="Who sees the note">
          <Radio value="secretariat" label="Secretariat only" />
          <Radio value="public" label="Public" />
        </RadioGroup>
        <Button type="submit" disabled={commands.busy || !text.trim()}>
          Add note
        </Button>
      </form>
      {state.notes.length === 0 ? (
        <Body1 as="p">No note yet.</Body1>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {[...state.notes].reverse().map((n) => (
            <li key={n.id}>
              <Body1>
                <strong>{subject(n)}</strong> ({n.visibility}): {n.text}
              </Body1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
