import { Badge, Body1, Caption1, Title3 } from '@fluentui/react-components';
import { isReviewer, isReviewWindowOpen } from '../../../../server/domain/summaryReview/index.js';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { formatDateTime } from '../../i18n/format.js';
import { ErrorBar } from '../../components/ErrorBar.js';
import { useSectionCommands, type SectionProps } from '../../components/sectionProps.js';
import { useServerClock } from '../../live/useEngagement.js';
import { correctionContext } from './CorrectionsList.js';
import { CorrectionRequestForm } from './CorrectionRequestForm.js';
import { DownloadButtons } from './DownloadButtons.js';
import { draftRefreshKey } from './draftRefreshKey.js';
import { draftSections } from './draftSections.js';
import { summaryReviewOf } from './summaryReviewOf.js';
import { useDraftSummary } from './useDraftSummary.js';
import { VersionsList } from './VersionsList.js';

/**
 * The summary for delegations, stakeholders and observers, one column (320 px): while it is circulated,
 * reviewers read the draft and ask for corrections; everyone reads and downloads the published versions.
 * Renders nothing before there is anything to show.
 */
export function SummaryPanel({ state, me, serverNow, commands: given }: SectionProps) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const commands = useSectionCommands(state.id, given);
  const now = useServerClock(serverNow, 30_000);
  const review = summaryReviewOf(state);
  // SUMMARY-VIEW-2: delegations, and the stakeholders who had spoken when it was circulated.
  const reviewer = Boolean(me && review.status === 'circulated' && review.review && isReviewer(review.review.reviewerIds, me));
  const windowOpen = reviewer && isReviewWindowOpen(review, new Date(now).toISOString());
  const { draft, error } = useDraftSummary(state.id, reviewer, draftRefreshKey(state, review));
  const sections = draft ? draftSections(draft, review.edits) : null;
  const mine = Object.values(review.corrections).filter((c) => c.participantId === me?.participantId);
  if (!me || me.status !== 'approved') return null;
  if (!reviewer && review.published.length === 0 && mine.length === 0) return null;
  return (
    <section aria-labelledby="summary-panel-h" className={layout.card}>
      <Title3 block as="h2" id="summary-panel-h">
        {t('summary.title')}
      </Title3>
      {!given && <ErrorBar message={commands.error} onDismiss={commands.clearError} />}
      {reviewer && review.review && (
        <div className={layout.stack}>
          <Body1 block as="p" className={layout.plain}>
            {t('summary.circulatedUntil', { date: formatDateTime(review.review.reviewUntil) })}
            {!windowOpen && ` ${t('summary.windowClosed')}`}
          </Body1>
          <DownloadButtons engagementId={state.id} label={t('summary.circulatedDraft')} />
          <ErrorBar message={error} title={t('summary.draftNotLoaded')} />
          {sections && (
            <details>
              <summary>{t('summary.readDraft')}</summary>
              {sections.map((s) => (
                <section key={s.id} aria-label={s.title}>
                  <h3 className={layout.quoteHeading}>{s.title}</h3>
                  {s.paragraphs.map((p) => (
                    <p key={p.key} className={layout.quote}>
                      <strong>{p.number}.</strong> {p.text}
                    </p>
                  ))}
                </section>
              ))}
            </details>
          )}
          {windowOpen && <CorrectionRequestForm state={state} me={me} sections={sections} commands={commands} />}
        </div>
      )}
      {mine.length > 0 && (
        <section aria-labelledby="my-corrections-h" className={layout.stack}>
          <Title3 block as="h3" id="my-corrections-h" className={layout.minor}>
            {t('summary.yourCorrections')}
          </Title3>
          <ul className={layout.bare}>
            {mine.map((c) => (
              <li key={c.id} className={layout.stackTight}>
                <span>
                  <Badge appearance="tint" color={c.status === 'accepted' ? 'success' : c.status === 'declined' ? 'subtle' : 'warning'}>
                    {c.status === 'pending'
                      ? t('summary.waitingForChair')
                      : c.status === 'accepted'
                        ? t('summary.accepted')
                        : t('summary.declined')}
                  </Badge>{' '}
                  {t('summary.onTarget', { target: correctionContext(state, c, sections) })}
                </span>
                <Caption1 className={layout.pre}>{c.text}</Caption1>
                {c.reply && <Caption1>{t('summary.reply', { reply: c.reply })}</Caption1>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {review.published.length > 0 && <VersionsList engagementId={state.id} published={review.published} />}
    </section>
  );
}
