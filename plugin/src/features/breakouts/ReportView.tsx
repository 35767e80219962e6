import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { formatTimeSeconds } from '../../i18n/format.js';
import type { BreakoutReport } from '../../../../server/domain/breakouts/index.js';

const useStyles = makeStyles({
  report: { margin: `${tokens.spacingVerticalXS} 0`, display: 'grid', gap: tokens.spacingVerticalXS },
});

/** A filed rapporteur report, read-only, for the Chair's report-back. */
export function ReportView({ report, theme }: { report: BreakoutReport; theme: string }) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { t } = useTranslation();
  const list = (title: string, items: string[]) =>
    items.length > 0 && (
      <>
        <dt className={layout.strong}>{title}</dt>
        <dd className={layout.plain}>
          <ul className={layout.list}>
            {items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </dd>
      </>
    );
  return (
    <details>
      <summary>{t('breakouts.report.read', { theme })}</summary>
      <dl className={styles.report}>
        {list(t('breakouts.report.keyPoints'), report.keyPoints)}
        {list(t('breakouts.report.proposals'), report.proposals)}
        {list(
          t('breakouts.report.forImplementation'),
          report.implementation.map((s) => `${s.who}: ${s.what} (${s.when})`),
        )}
        {list(t('breakouts.report.openQuestions'), report.openQuestions)}
      </dl>
      <Caption1>{t('breakouts.report.filedAt', { time: formatTimeSeconds(report.at), revision: report.revision })}</Caption1>
    </details>
  );
}
