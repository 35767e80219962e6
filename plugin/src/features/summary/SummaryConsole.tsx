import { Badge, Body1, Button, Spinner, Title2, Title3, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { ErrorBar } from '../../components/ErrorBar.js';
import { useSectionCommands, type SectionProps } from '../../components/sectionProps.js';
import { CirculateForm } from './CirculateForm.js';
import { CorrectionsList } from './CorrectionsList.js';
import { DownloadButtons } from './DownloadButtons.js';
import { draftRefreshKey } from './draftRefreshKey.js';
import { draftSections } from './draftSections.js';
import { ParagraphEditor } from './ParagraphEditor.js';
import { PublishSection } from './PublishSection.js';
import { summaryReviewOf } from './summaryReviewOf.js';
import { useDraftSummary } from './useDraftSummary.js';
import { VersionsList } from './VersionsList.js';

/**
 * The Chair's and the secretariat's summary: read and reword the generated paragraphs, download the draft,
 * circulate it for review, answer corrections, publish versions, and download any version.
 */
export function SummaryConsole({ state, me: _me, serverNow, commands: given, compact = false }: SectionProps & { compact?: boolean }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const commands = useSectionCommands(state.id, given);
  const review = summaryReviewOf(state);
  const { draft, error, loading, reload } = useDraftSummary(state.id, true, draftRefreshKey(state, review));
  const sections = draft ? draftSections(draft, review.edits) : null;
  const corrections = Object.values(review.corrections);
  const pending = corrections.filter((c) => c.status === 'pending').length;
  const ended = state.status === 'ended';
  const card = {
    padding: 12,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: 8,
    display: 'grid',
    gap: 8,
    minWidth: 0,
  } as const;
  return (
    <section aria-labelledby="summary-console-h" className={layout.stackWide}>
      <header style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Title2 block as="h2" id="summary-console-h" style={{ fontSize: compact ? 18 : undefined }}>
          {t('summary.title')}
        </Title2>
        <Badge
          appearance="tint"
          color={review.status === 'published' ? 'success' : review.status === 'circulated' ? 'warning' : 'informative'}
        >
          {t(`summary.status.${review.status}`)}
        </Badge>
      </header>
      {!given && <ErrorBar message={commands.error} onDismiss={commands.clearError} />}
      <div
        style={{
          display: 'grid',
          gap: 12,
          gridTemplateColumns: compact ? '1fr' : 'minmax(0, 2fr) minmax(280px, 1fr)',
          alignItems: 'start',
        }}
      >
        <div style={card}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
            <Title3 block as="h3">
              {t('summary.theDraft')}
            </Title3>
            <Button size="small" onClick={reload} disabled={loading}>
              {t('summary.reloadDraft')}
            </Button>
          </div>
          <Body1 block as="p" className={layout.plain}>
            {t('summary.draftIntro')}
          </Body1>
          <DownloadButtons engagementId={state.id} label={t('summary.currentDraft')} />
          <ErrorBar message={error} title={t('summary.draftNotLoaded')} />
          {loading && !sections && <Spinner size="small" label={t('summary.loadingDraft')} />}
          {sections && <ParagraphEditor sections={sections} commands={commands} onSaved={reload} />}
        </div>
        <div className={layout.stackWide}>
          <div style={card}>
            <CirculateForm review={review} ended={ended} serverNow={serverNow} commands={commands} />
          </div>
          <div style={card}>
            <CorrectionsList state={state} corrections={corrections} sections={sections} commands={commands} />
          </div>
          <div style={card}>
            <PublishSection engagementId={state.id} ended={ended} pendingCorrections={pending} nextVersion={review.published.length + 1} />
          </div>
          <div style={card}>
            <VersionsList engagementId={state.id} published={review.published} />
          </div>
        </div>
      </div>
    </section>
  );
}
