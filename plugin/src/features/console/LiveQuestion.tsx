import { Body1, Button, Dropdown, Field, Option, Title3 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { EngagementState } from '../../../../server/domain/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { openQuestion } from '../shared/selectors.js';

/** Which guiding question is open now; opening another closes its list to new requests. */
export function LiveQuestion({ state, commands }: { state: EngagementState; commands: CommandRunner }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const open = openQuestion(state);
  return (
    <section aria-labelledby="liveq-h" className={layout.stack}>
      <Title3 as="h2" id="liveq-h">
        {t('console.liveQuestion.title')}
      </Title3>
      <Body1 as="p" dir="auto" className={layout.lead} data-testid="open-question">
        {open ? open.text : state.questions.length ? t('console.liveQuestion.noneOpen') : t('console.liveQuestion.addFirst')}
      </Body1>
      <div className={layout.row}>
        {state.questions.length > 0 && (
          <Field label={t('console.liveQuestion.openLabel')}>
            <Dropdown
              className={layout.fit}
              placeholder={t('console.liveQuestion.choose')}
              selectedOptions={open ? [open.id] : []}
              value={open?.text ?? ''}
              onOptionSelect={(_, d) =>
                d.optionValue && d.optionValue !== open?.id && void commands.run({ type: 'question.open', questionId: d.optionValue })
              }
            >
              {state.questions.map((q) => (
                <Option key={q.id} value={q.id} text={q.text}>
                  {q.text}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
        {open && (
          <Button disabledFocusable={commands.busy} onClick={() => void commands.run({ type: 'question.close', questionId: open.id })}>
            {t('console.liveQuestion.close')}
          </Button>
        )}
      </div>
    </section>
  );
}
