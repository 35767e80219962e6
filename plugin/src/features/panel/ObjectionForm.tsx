import { Body1, Button, Dropdown, Field, Option, Textarea, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementState } from '../../../../server/domain/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';

/**
 * A delegation may object to the admission of a stakeholder without ECOSOC status (non-objection
 * procedure), and is encouraged to tell the Chair why.
 */
export function ObjectionForm({ state, commands }: { state: EngagementState; commands: CommandRunner }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const [participantId, setParticipantId] = useState('');
  const [reason, setReason] = useState('');
  const candidates = Object.values(state.participants).filter(
    (p) => p.role === 'stakeholder' && p.accreditation !== 'ecosoc' && p.status !== 'declined',
  );
  const chosen = candidates.find((p) => p.id === participantId);
  return (
    <section aria-labelledby="object-h">
      <Title3 as="h2" id="object-h">
        {t('objection.title')}
      </Title3>
      {candidates.length === 0 ? (
        <Body1 as="p">{t('objection.none')}</Body1>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void commands.run({ type: 'participant.object', participantId, reason: reason.trim() }).then((r) => {
              if (r) setReason('');
            });
          }}
          className={layout.stack}
        >
          <Field label={t('objection.stakeholder')} required>
            <Dropdown
              className={layout.fit}
              placeholder={t('objection.choose')}
              value={chosen ? `${chosen.organization} (${chosen.displayName})` : ''}
              selectedOptions={participantId ? [participantId] : []}
              onOptionSelect={(_, d) => setParticipantId(d.optionValue ?? '')}
            >
              {candidates.map((p) => (
                <Option key={p.id} value={p.id}>{`${p.organization} (${p.displayName})`}</Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t('objection.reason')} required>
            <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
          </Field>
          <Button type="submit" disabledFocusable={commands.busy || !participantId || !reason.trim()}>
            {t('objection.record')}
          </Button>
        </form>
      )}
    </section>
  );
}
