import { Badge, Body1, Caption1, Title3, tokens } from '@fluentui/react-components';
import { isReviewer, isReviewWindowOpen } from '../../../../server/domain/summaryReview/index.js';
import { useTranslation } from 'react-i18next';
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
export function SummaryPanel({
  state,
  me,
  serverNow,
  commands: given,
}: SectionProps) {
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
    <section
      aria-labelledby="summary-panel-h"
      style={{ display: 'grid', gap: 12, padding: 12, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: 8, minWidth: 0 }}
    >
      <Title3 block as="h2" id="summary-panel-h">
        {t('summary.title')}
      </Title3>
      {!given && <ErrorBar message={commands.error} onDismiss={commands.clearError} />}
      {reviewer && review.review && (
        <div style={{ display: 'grid', gap: 8 }}>
          <Body1 block as="p" style={{ margin: 0 }}>
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
                  <h3 style={{ fontSize: 14, marginBlock: '8px 4px' }}>{s.title}</h3>
                  {s.paragraphs.map((p) => (
                    <p key={p.key} style={{ marginBlock: 4 }}>
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
        <section aria-labelledby="my-corrections-h" style={{ display: 'grid', gap: 6 }}>
          <Title3 block as="h3" id="my-corrections-h" style={{ fontSize: 16 }}>
            {t('summary.yourCorrections')}
          </Title3>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 6 }}>
            {mine.map((c) => (
              <li key={c.id} style={{ display: 'grid', gap: 2 }}>
                <span>
                  <Badge appearance="tint" color={c.status === 'accepted' ? 'success' : c.status === 'declined' ? 'subtle' : 'warning'}>
                    {c.status === 'pending' ? t('summary.waitingForChair') : c.status === 'accepted' ? t('summary.accepted') : t('summary.declined')}
                  </Badge>{' '}
                  {t('summary.onTarget', { target: correctionContext(state, c, sections) })}
                </span>
                <Caption1 style={{ whiteSpace: 'pre-wrap' }}>{c.text}</Caption1>
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
