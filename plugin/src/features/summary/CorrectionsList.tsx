import { Badge, Button, Caption1, Field, Textarea, Title3, mergeClasses } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import type { EngagementState } from '../../../../server/domain/index.js';
import type { Correction, CorrectionDecision } from '../../../../server/domain/summaryReview/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { formatTimeSeconds } from '../../i18n/format.js';
import { i18n } from '../../i18n/i18n.js';
import { correctionTarget, type DraftSection } from './draftSections.js';
import { runSummaryCommand } from './runSummaryCommand.js';
import { useSummaryStyles } from './useSummaryStyles.js';

const STATUS = {
  pending: { label: 'summary.toAnswer', color: 'warning' },
  accepted: { label: 'summary.accepted', color: 'success' },
  declined: { label: 'summary.declined', color: 'subtle' },
} as const satisfies Record<Correction['status'], { label: string; color: 'warning' | 'success' | 'subtle' }>;

/** What a correction is about, with the text it points at, for the person answering it. */
export function correctionContext(state: EngagementState, correction: Correction, sections: DraftSection[] | null): string {
  const where = correctionTarget(correction, sections);
  if (correction.requestId) {
    const request = state.requests[correction.requestId];
    const question = request ? state.questions.findIndex((q) => q.id === request.questionId) : -1;
    return question >= 0
      ? i18n.t('summary.targetWithRequest', { where, number: question + 1, time: formatTimeSeconds(request!.requestedAt) })
      : where;
  }
  return where;
}

/** Corrections asked during the review, oldest first; staff accept or decline each, with a reply (SUMMARY-7). */
export function CorrectionsList({
  state,
  corrections,
  sections,
  commands,
}: {
  state: EngagementState;
  corrections: Correction[];
  sections: DraftSection[] | null;
  commands: CommandRunner;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const pending = corrections.filter((c) => c.status === 'pending').length;
  return (
    <section aria-labelledby="corrections-h" className={layout.stack}>
      <Title3 block as="h3" id="corrections-h">
        {pending ? t('summary.correctionsPending', { count: pending }) : t('summary.corrections')}
      </Title3>
      {corrections.length === 0 ? (
        <p className={layout.plain}>{t('summary.noCorrections')}</p>
      ) : (
        <ul className={layout.bare}>
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

function CorrectionItem({
  state,
  correction,
  sections,
  commands,
}: {
  state: EngagementState;
  correction: Correction;
  sections: DraftSection[] | null;
  commands: CommandRunner;
}) {
  const layout = useLayoutStyles();
  const summary = useSummaryStyles();
  const { t } = useTranslation();
  const [reply, setReply] = useState('');
  const who = state.participants[correction.participantId];
  const resolve = (decision: CorrectionDecision) =>
    runSummaryCommand(commands, { type: 'summary.resolveCorrection', correctionId: correction.id, decision, reply: reply.trim() });
  const status = STATUS[correction.status];
  return (
    <li className={mergeClasses(summary.item, summary.itemStackLoose)}>
      <div className={layout.rowCenter}>
        <Badge appearance="tint" color={status.color}>
          {t(status.label)}
        </Badge>
        <strong>
          {who
            ? who.organization
              ? t('summary.whoOrg', { name: who.displayName, organization: who.organization })
              : who.displayName
            : t('common.aParticipant')}
        </strong>
        <Caption1>{t('summary.onTargetLower', { target: correctionContext(state, correction, sections) })}</Caption1>
      </div>
      <p className={mergeClasses(layout.plain, layout.pre)}>{correction.text}</p>
      {correction.status === 'pending' ? (
        <>
          <Field label={t('summary.replyLabel')} hint={t('summary.replyHint')}>
            <Textarea value={reply} onChange={(_, d) => setReply(d.value)} rows={2} resize="vertical" />
          </Field>
          <div className={layout.buttons}>
            <Button appearance="primary" disabledFocusable={commands.busy} onClick={() => void resolve('accepted')}>
              {t('summary.accept')}
            </Button>
            <Button disabledFocusable={commands.busy} onClick={() => void resolve('declined')}>
              {t('summary.decline')}
            </Button>
          </div>
        </>
      ) : (
        correction.reply && <Caption1>{t('summary.reply', { reply: correction.reply })}</Caption1>
      )}
    </li>
  );
}
