import { Body1, Button, Dropdown, Field, Input, Option, Title3 } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, DeleteRegular, PlayRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENDA_KINDS, type AgendaKind, type EngagementState } from '../../../../server/domain/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';

/** The agenda with planned minutes; "Begin" records the actual start (and the end of the previous item). */
export function AgendaEditor({ state, commands }: { state: EngagementState; commands: CommandRunner }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const kindLabel = (k: AgendaKind) => t(`console.agenda.kind.${k}`);
  const [kind, setKind] = useState<AgendaKind>('opening');
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('10');
  const [questionId, setQuestionId] = useState('');
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const r = await commands.run({
      type: 'agenda.add',
      kind,
      plannedMinutes: Number(minutes) || 0,
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(kind === 'question' && questionId ? { questionId } : {}),
    });
    if (r) setTitle('');
  };
  return (
    <section aria-labelledby="agenda-h" className={layout.stack}>
      <Title3 as="h2" id="agenda-h">
        {t('console.agenda.title')}
      </Title3>
      {state.agenda.length === 0 ? (
        <Body1 as="p">{t('console.agenda.none')}</Body1>
      ) : (
        <ol className={layout.listStack}>
          {state.agenda.map((item, index) => (
            <li key={item.id}>
              <span className={layout.inline}>
                <strong>{item.title}</strong>
                <Body1>
                  {t(item.id === state.currentAgendaItemId ? 'console.agenda.itemRunning' : 'console.agenda.item', {
                    kind: kindLabel(item.kind),
                    minutes: item.plannedMinutes,
                  })}
                </Body1>
                <Button
                  size="small"
                  aria-label={t('console.agenda.moveUp', { title: item.title })}
                  icon={<ArrowUpRegular />}
                  disabledFocusable={index === 0 || commands.busy}
                  onClick={() => void commands.run({ type: 'agenda.move', itemId: item.id, position: index - 1 })}
                />
                <Button
                  size="small"
                  aria-label={t('console.agenda.moveDown', { title: item.title })}
                  icon={<ArrowDownRegular />}
                  disabledFocusable={index === state.agenda.length - 1 || commands.busy}
                  onClick={() => void commands.run({ type: 'agenda.move', itemId: item.id, position: index + 1 })}
                />
                <Button
                  size="small"
                  icon={<PlayRegular />}
                  disabledFocusable={commands.busy || item.id === state.currentAgendaItemId}
                  onClick={() => void commands.run({ type: 'agenda.begin', itemId: item.id })}
                >
                  {t('console.agenda.begin')}
                </Button>
                <Button
                  size="small"
                  aria-label={t('console.agenda.remove', { title: item.title })}
                  icon={<DeleteRegular />}
                  disabledFocusable={commands.busy}
                  onClick={() => void commands.run({ type: 'agenda.remove', itemId: item.id })}
                />
              </span>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={add} className={layout.row}>
        <Field label={t('console.agenda.kindLabel')}>
          <Dropdown
            className={layout.fit}
            value={kindLabel(kind)}
            selectedOptions={[kind]}
            onOptionSelect={(_, d) => d.optionValue && setKind(d.optionValue as AgendaKind)}
          >
            {AGENDA_KINDS.map((k) => (
              <Option key={k} value={k}>
                {kindLabel(k)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {kind === 'question' && (
          <Field label={t('console.agenda.question')}>
            <Dropdown
              className={layout.fit}
              placeholder={t('console.agenda.chooseQuestion')}
              value={state.questions.find((q) => q.id === questionId)?.text ?? ''}
              selectedOptions={questionId ? [questionId] : []}
              onOptionSelect={(_, d) => setQuestionId(d.optionValue ?? '')}
            >
              {state.questions.map((q) => (
                <Option key={q.id} value={q.id} text={q.text}>
                  {q.text}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
        <Field label={t('console.agenda.titleLabel')}>
          <Input value={title} onChange={(_, d) => setTitle(d.value)} placeholder={kindLabel(kind)} />
        </Field>
        <Field label={t('console.agenda.plannedMinutes')}>
          <Input type="number" min={0} value={minutes} onChange={(_, d) => setMinutes(d.value)} className={layout.number} />
        </Field>
        <Button type="submit" disabledFocusable={commands.busy}>
          {t('console.agenda.add')}
        </Button>
      </form>
    </section>
  );
}
