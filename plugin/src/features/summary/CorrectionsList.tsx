import { Badge, Button, Caption1, Field, Textarea, Title3, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { EngagementState } from '../../../../server/domain/index.js';
import type { Correction, CorrectionDecision } from '../../../../server/domain/summaryReview/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { correctionTarget, type DraftSection } from './draftSections.js';
import { runSummaryCommand } from './runSummaryCommand.js';

const STATUS: Record<Correction['status'], { label: string; color: 'warning' | 'success' | 'subtle' }> = {
  pending: { label: 'To answer', color: 'warning' },
  accepted: { label: 'Accepted', color: 'success' },
  declined: { label: 'Declined', color: 'subtle' },
};

/** What a correction is about, with the text it points at, for the person answering it. */
export function correctionContext(state: EngagementState, correction: Correction, sections: DraftSection[] | null): string {
  const where = correctionTarget(correction, sections);
  if (correction.requestId) {
    const request = state.requests[correction.requestId];
    const question = request ? state.questions.findIndex((q) => q.id === request.questionId) : -1;
    return question >= 0 ? `${where} (question ${question + 1}, requested ${new Date(request!.requestedAt).toLocaleTimeString()})` : where;
  }
  return where;
}

/** Corrections asked during the review, oldest first; staff accept or decline each, with a reply (SUMMARY-7). */
export function CorrectionsList({ state, corrections, sections, commands }: { state: EngagementState; corrections: Correction[]; sections: DraftSection[] | null; commands: CommandRunner }) {
  const pending = corrections.filter((c) => c.status === 'pending').length;
  return (
    <section aria-labelledby="corrections-h" style={{ display: 'grid', gap: 8 }}>
      <Title3 block as="h3" id="corrections-h">
        Corrections{pending ? ` (${pending} to answer)` : ''}
      </Title3>
      {corrections.length === 0 ? (
        <p style={{ margin: 0 }}>No corrections asked for.</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }}>
          {[...corrections]
            .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
            .map((c) => (
              <CorrectionItem key={c.id} state={state} correction={c} sections={sections} commands={commands} />
            ))}
        </ul>
      )}
    </section>
  );
}

function CorrectionItem({ state, correction, sections, commands }: { state: EngagementState; correction: Correction; sections: DraftSection[] | null; commands: CommandRunner }) {
  const [reply, setReply] = useState('');
  const who = state.participants[correction.participantId];
  const resolve = (decision: CorrectionDecision) =>
    runSummaryCommand(commands, { type: 'summary.resolveCorrection', correctionId: correction.id, decision, reply: reply.trim() });
  const status = STATUS[correction.status];
  return (
    <li style={{ padding: 8, borderRadius: 6, border: `1px solid ${tokens.colorNeutralStroke2}`, display: 'grid', gap: 6 }}>
      <div style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
        <Badge appearance="tint" color={status.color}>
          {status.label}
        </Badge>
        <strong>{who ? `${who.displayName}${who.organization ? `, ${who.organization}` : ''}` : 'A participant'}</strong>
        <Caption1>on {correctionContext(state, correction, sections)}</Caption1>
      </div>
      <p style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{correction.text}</p>
      {correction.status === 'pending' ? (
        <>
          <Field label="Reply" hint="Accepting records your answer; change the wording itself with Edit on the paragraph.">
            <Textarea value={reply} onChange={(_, d) => setReply(d.value)} rows={2} resize="vertical" />
          </Field>
          <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
            <Button appearance="primary" disabled={commands.busy} onClick={() => void resolve('accepted')}>
              Accept
            </Button>
            <Button disabled={commands.busy} onClick={() => void resolve('declined')}>
              Decline
            </Button>
          </div>
        </>
      ) : (
        correction.reply && <Caption1>Reply: {correction.reply}</Caption1>
      )}
    </li>
  );
}
