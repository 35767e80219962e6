import { Badge, Body1, Title3 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import type { Question } from '../../../../server/domain/index.js';

/** The guiding questions, published ahead so stakeholders come prepared. */
export function QuestionsAhead({ questions }: { questions: Question[] }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="questions-h">
      <Title3 as="h2" id="questions-h">
        {t('questions.title')}
      </Title3>
      {questions.length === 0 ? (
        <Body1 as="p">{t('questions.none')}</Body1>
      ) : (
        <ol className={layout.listStack}>
          {questions.map((q) => (
            <li key={q.id}>
              <Body1 dir="auto">{q.text}</Body1> {q.status === 'open' && <Badge color="success">{t('questions.openNow')}</Badge>}
              {q.status === 'closed' && <Badge appearance="outline">{t('questions.closed')}</Badge>}
              {q.context && (
                <Body1 as="p" dir="auto" className={layout.under}>
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
