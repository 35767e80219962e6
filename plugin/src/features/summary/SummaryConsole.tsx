import { Badge, Body1, Button, makeStyles, mergeClasses, Spinner, Title2, Title3, tokens } from '@fluentui/react-components';
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
import { useSummaryStyles } from './useSummaryStyles.js';
import { VersionsList } from './VersionsList.js';

const useStyles = makeStyles({
  header: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  // The side panel's title a step smaller, as on the console (ChairConsole.tsx).
  titleCompact: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  // The draft on the start side, the review's cards beside it (at least 17.5rem, growing with the text).
  columns: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'minmax(0, 2fr) minmax(min(17.5rem, 100%), 1fr)',
    alignItems: 'start',
  },
  columnsCompact: { gridTemplateColumns: 'minmax(0, 1fr)' },
  cardHead: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    alignItems: 'center',
  },
});

/**
 * The Chair's and the secretariat's summary: read and reword the generated paragraphs, download the draft,
 * circulate it for review, answer corrections, publish versions, and download any version.
 */
export function SummaryConsole({ state, me: _me, serverNow, commands: given, compact = false }: SectionProps & { compact?: boolean }) {
  const layout = useLayoutStyles();
  const summary = useSummaryStyles();
  const styles = useStyles();
  const { t } = useTranslation();
  const commands = useSectionCommands(state.id, given);
  const review = summaryReviewOf(state);
  const { draft, error, loading, reload } = useDraftSummary(state.id, true, draftRefreshKey(state, review));
  const sections = draft ? draftSections(draft, review.edits) : null;
  const corrections = Object.values(review.corrections);
  const pending = corrections.filter((c) => c.status === 'pending').length;
  const ended = state.status === 'ended';
  return (
    <section aria-labelledby="summary-console-h" className={layout.stackWide}>
      <header className={styles.header}>
        <Title2 block as="h2" id="summary-console-h" className={compact ? styles.titleCompact : undefined}>
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
      <div className={mergeClasses(styles.columns, compact && styles.columnsCompact)}>
        <div className={summary.card}>
          <div className={styles.cardHead}>
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
          <div className={summary.card}>
            <CirculateForm review={review} ended={ended} serverNow={serverNow} commands={commands} />
          </div>
          <div className={summary.card}>
            <CorrectionsList state={state} corrections={corrections} sections={sections} commands={commands} />
          </div>
          <div className={summary.card}>
            <PublishSection engagementId={state.id} ended={ended} pendingCorrections={pending} nextVersion={review.published.length + 1} />
          </div>
          <div className={summary.card}>
            <VersionsList engagementId={state.id} published={review.published} />
          </div>
        </div>
      </div>
    </section>
  );
}
