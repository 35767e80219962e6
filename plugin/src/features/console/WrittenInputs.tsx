import { Body1, Title3 } from '@fluentui/react-components';
import type { EngagementState } from '../../../../server/domain/index.js';
import { nameOf } from '../shared/selectors.js';

/** Written inputs received, by question, with those that answer a deferred request marked. */
export function WrittenInputs({ state }: { state: EngagementState }) {
  const inputs = Object.values(state.inputs).filter((i) => !i.withdrawnAt);
  const deferred = Object.values(state.requests).filter((r) => r.status === 'deferred');
  const open = deferred.filter((r) => !r.fulfilledByInputId).length;
  return (
    <section aria-labelledby="inputs-h" style={{ display: 'grid', gap: 6 }}>
      <Title3 as="h3" id="inputs-h">
        Written inputs
      </Title3>
      <Body1 as="p" style={{ margin: 0 }}>
        {deferred.length} deferred speaker{deferred.length === 1 ? '' : 's'}; {open} still to submit in writing.
      </Body1>
      {inputs.length === 0 ? (
        <Body1 as="p">No written input yet.</Body1>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {inputs.map((i) => (
            <li key={i.id}>
              <Body1>
                <strong>{i.title}</strong> by {nameOf(state.participants[i.participantId])}
                {i.questionId ? ` on “${state.questions.find((q) => q.id === i.questionId)?.text ?? 'a question'}”` : ''}
                {i.requestId ? ' (in place of a deferred intervention)' : ''}
                {i.attachmentIds.length ? `, ${i.attachmentIds.length} attachment${i.attachmentIds.length === 1 ? '' : 's'}` : ''}
              </Body1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
