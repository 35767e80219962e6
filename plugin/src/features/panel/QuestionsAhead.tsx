import { Badge, Body1, Title3 } from '@fluentui/react-components';
import type { Question } from '../../../../server/domain/index.js';

/** The guiding questions, published ahead so stakeholders come prepared. */
export function QuestionsAhead({ questions }: { questions: Question[] }) {
  return (
    <section aria-labelledby="questions-h">
      <Title3 as="h2" id="questions-h">
        Guiding questions
      </Title3>
      {questions.length === 0 ? (
        <Body1 as="p">The Chair has not published the guiding questions yet.</Body1>
      ) : (
        <ol style={{ paddingInlineStart: 20, display: 'grid', gap: 8, margin: 0 }}>
          {questions.map((q) => (
            <li key={q.id}>
              <Body1>{q.text}</Body1>{' '}
              {q.status === 'open' && <Badge color="success">open now</Badge>}
              {q.status === 'closed' && <Badge appearance="outline">closed</Badge>}
              {q.context && (
                <Body1 as="p" style={{ margin: '4px 0 0' }}>
                  {q.context}
                </Body1>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
