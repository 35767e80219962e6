import { Button, Field, Input, Title3 } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import type { SummaryReviewState } from '../../../../server/domain/summaryReview/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { formatDateTime } from '../../i18n/format.js';
import { instantFromLocalInput, localInputValue } from './draftSections.js';
import { runSummaryCommand } from './runSummaryCommand.js';

/** Open the review window to delegations and the stakeholders who spoke (SUMMARY-3). */
export function CirculateForm({
  review,
  ended,
  serverNow,
  commands,
}: {
  review: SummaryReviewState;
  ended: boolean;
  serverNow: () => number;
  commands: CommandRunner;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const [until, setUntil] = useState(() => localInputValue(serverNow(), 72));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const reviewUntil = instantFromLocalInput(until);
    if (!reviewUntil) return setProblem(t('summary.enterReviewClose'));
    if (Date.parse(reviewUntil) <= serverNow()) return setProblem(t('summary.reviewFuture'));
    setProblem(null);
    await runSummaryCommand(commands, { type: 'summary.circulate', reviewUntil });
  };
  const again = review.review !== null;
  return (
    <section aria-labelledby="circulate-h" className={layout.stack}>
      <Title3 block as="h3" id="circulate-h">
        {again ? t('summary.circulateAgain') : t('summary.circulateForReview')}
      </Title3>
      {review.review && (
        <p className={layout.plain}>
          {t(review.status === 'circulated' ? 'summary.underReviewUntil' : 'summary.lastReviewClosed', {
            date: formatDateTime(review.review.reviewUntil),
            count: review.review.reviewerIds.length,
          })}
        </p>
      )}
      {!ended && <p className={layout.plain}>{t('summary.circulateAfterEnd')}</p>}
      <form onSubmit={submit} className={layout.stack}>
        <Field label={t('summary.reviewCloses')} validationMessage={problem ?? undefined} validationState={problem ? 'error' : 'none'}>
          <Input type="datetime-local" value={until} onChange={(_, d) => setUntil(d.value)} />
        </Field>
        <Button type="submit" disabledFocusable={!ended || commands.busy}>
          {again ? t('summary.newWindow') : t('summary.circulateDraft')}
        </Button>
      </form>
    </section>
  );
}
