import { Button, Field, Input, Title3 } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { SummaryReviewState } from '../../../../server/domain/summaryReview/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { instantFromLocalInput, localInputValue } from './draftSections.js';
import { runSummaryCommand } from './runSummaryCommand.js';

/** Open the review window to delegations and the stakeholders who spoke (SUMMARY-3). */
export function CirculateForm({ review, ended, serverNow, commands }: { review: SummaryReviewState; ended: boolean; serverNow: () => number; commands: CommandRunner }) {
  const [until, setUntil] = useState(() => localInputValue(serverNow(), 72));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const reviewUntil = instantFromLocalInput(until);
    if (!reviewUntil) return setProblem('Enter the date and time the review closes.');
    if (Date.parse(reviewUntil) <= serverNow()) return setProblem('The review must close in the future.');
    setProblem(null);
    await runSummaryCommand(commands, { type: 'summary.circulate', reviewUntil });
  };
  const again = review.review !== null;
  return (
    <section aria-labelledby="circulate-h" style={{ display: 'grid', gap: 8 }}>
      <Title3 block as="h3" id="circulate-h">
        {again ? 'Circulate again' : 'Circulate for review'}
      </Title3>
      {review.review && (
        <p style={{ margin: 0 }}>
          {review.status === 'circulated' ? 'Under review' : 'Last review closed'} until {new Date(review.review.reviewUntil).toLocaleString()} (
          {review.review.reviewerIds.length} stakeholders who spoke, and every delegation).
        </p>
      )}
      {!ended && <p style={{ margin: 0 }}>The summary can be circulated once the engagement has ended (SUMMARY-3).</p>}
      <form onSubmit={submit} style={{ display: 'grid', gap: 8 }}>
        <Field label="Review closes (your local time)" validationMessage={problem ?? undefined} validationState={problem ? 'error' : 'none'}>
          <Input type="datetime-local" value={until} onChange={(_, d) => setUntil(d.value)} />
        </Field>
        <Button type="submit" disabled={!ended || commands.busy}>
          {again ? 'Open a new review window' : 'Circulate the draft'}
        </Button>
      </form>
    </section>
  );
}
