import { Body1, Button, Dropdown, Field, Option, Textarea, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import type { EngagementState } from '../../../../server/domain/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { fitWidth } from '../../components/fitWidth.js';

/**
 * A delegation may object to the admission of a stakeholder without ECOSOC status (non-objection
 * procedure), and is encouraged to tell the Chair why.
 */
export function ObjectionForm({ state, commands }: { state: EngagementState; commands: CommandRunner }) {
  const [participantId, setParticipantId] = useState('');
  const [reason, setReason] = useState('');
  const candidates = Object.values(state.participants).filter(
    (p) => p.role === 'stakeholder' && p.accreditation !== 'ecosoc' && p.status !== 'declined',
  );
  const chosen = candidates.find((p) => p.id === participantId);
  return (
    <section aria-labelledby="object-h">
      <Title3 as="h2" id="object-h">
        Object to an admission
      </Title3>
      {candidates.length === 0 ? (
        <Body1 as="p">No stakeholder is being admitted under the non-objection procedure.</Body1>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void commands.run({ type: 'participant.object', participantId, reason: reason.trim() }).then((r) => {
              if (r) setReason('');
            });
          }}
          style={{ display: 'grid', gap: 8 }}
        >
          <Field label="Stakeholder" required>
            <Dropdown
            style={fitWidth}
              placeholder="Choose an organization"
              value={chosen ? `${chosen.organization} (${chosen.displayName})` : ''}
              selectedOptions={participantId ? [participantId] : []}
              onOptionSelect={(_, d) => setParticipantId(d.optionValue ?? '')}
            >
              {candidates.map((p) => (
                <Option key={p.id} value={p.id}>{`${p.organization} (${p.displayName})`}</Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="Reason, for the Chair" required>
            <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
          </Field>
          <Button type="submit" disabled={commands.busy || !participantId || !reason.trim()}>
            Record the objection
          </Button>
        </form>
      )}
    </section>
  );
}
