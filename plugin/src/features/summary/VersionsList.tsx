import { Caption1, makeStyles, mergeClasses, Title3 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { formatDateTime } from '../../i18n/format.js';
import type { PublishedSummary } from '../../../../server/domain/summaryReview/index.js';
import { DownloadButtons } from './DownloadButtons.js';
import { useSummaryStyles } from './useSummaryStyles.js';

// A hash has no spaces: it breaks anywhere rather than widen the card.
const useStyles = makeStyles({ hash: { wordBreak: 'break-all' } });

/** Published versions, newest first, each downloadable in the six formats and checkable by its hash (SUMMARY-9). */
export function VersionsList({
  engagementId,
  published,
}: {
  engagementId: string;
  published: readonly Pick<PublishedSummary, 'version' | 'publishedAt' | 'contentHash'>[];
}) {
  const layout = useLayoutStyles();
  const summary = useSummaryStyles();
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="versions-h" className={layout.stack}>
      <Title3 block as="h3" id="versions-h">
        {t('summary.versions')}
      </Title3>
      {published.length === 0 ? (
        <p className={layout.plain}>{t('summary.nothingPublished')}</p>
      ) : (
        <ul className={layout.bare}>
          {[...published]
            .sort((a, b) => b.version - a.version)
            .map((v) => (
              <li key={v.version} className={mergeClasses(summary.item, summary.itemStack)}>
                <strong>
                  {v.version === published.length
                    ? t('summary.versionLatest', { version: v.version })
                    : t('summary.versionN', { version: v.version })}
                </strong>
                <Caption1>{t('summary.publishedAt', { date: formatDateTime(v.publishedAt) })}</Caption1>
                <Caption1 className={styles.hash}>SHA-256 {v.contentHash}</Caption1>
                <DownloadButtons engagementId={engagementId} version={v.version} label={t('summary.versionN', { version: v.version })} />
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
