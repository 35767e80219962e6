import { Body1, Title3 } from '@fluentui/react-components';
import { Trans, useTranslation } from 'react-i18next';
import type { EngagementState } from '../../../../server/domain/index.js';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { nameOf } from '../shared/selectors.js';

/** Written inputs received, by question, with those that answer a deferred request marked. */
export function WrittenInputs({ state }: { state: EngagementState }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const inputs = Object.values(state.inputs).filter((i) => !i.withdrawnAt);
  const deferred = Object.values(state.requests).filter((r) => r.status === 'deferred');
  const open = deferred.filter((r) => !r.fulfilledByInputId).length;
  return (
    <section aria-labelledby="inputs-h" className={layout.stack}>
      <Title3 as="h2" id="inputs-h">
        {t('console.inputs.title')}
      </Title3>
      <Body1 as="p" className={layout.plain}>
        {t('console.inputs.deferred', { count: deferred.length, open })}
      </Body1>
      {inputs.length === 0 ? (
        <Body1 as="p">{t('console.inputs.none')}</Body1>
      ) : (
        <ul className={layout.list}>
          {inputs.map((i) => (
            <li key={i.id}>
              <Body1>
                <Trans
                  t={t}
                  i18nKey="console.inputs.by"
                  values={{ title: i.title, name: nameOf(state.participants[i.participantId]) }}
                  components={{ title: <strong /> }}
                />
                {i.questionId
                  ? t('console.inputs.onQuestion', {
                      question: state.questions.find((q) => q.id === i.questionId)?.text ?? t('console.inputs.aQuestion'),
                    })
                  : ''}
                {i.requestId ? t('console.inputs.inPlace') : ''}
                {i.attachmentIds.length ? t('console.inputs.attachments', { count: i.attachmentIds.length }) : ''}
              </Body1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
