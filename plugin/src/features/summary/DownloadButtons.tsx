import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/problem.js';
import { ErrorBar } from '../../components/ErrorBar.js';
import { downloadSummary } from './downloadSummary.js';
import { formatLabel, SUMMARY_FORMATS, type SummaryFormat } from './summaryFiles.js';

/**
 * The six formats of one summary (the draft, or a published version). After a download the exact words
 * "Results successfully downloaded" are shown (Teams Store rule, notes/teams.md §6).
 */
export function DownloadButtons({ engagementId, version, label }: { engagementId: string; version?: number | null; label: string }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<SummaryFormat | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (format: SummaryFormat) => {
    setBusy(format);
    setDone(null);
    setError(null);
    try {
      setDone(await downloadSummary(engagementId, format, version));
    } catch (failure) {
      setError(t('summary.downloadFailedDetail', { format: formatLabel(format), error: errorMessage(failure) }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div role="group" aria-label={label} style={{ display: 'grid', gap: 8 }}>
      <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
        {SUMMARY_FORMATS.map((format) => (
          <Button
            key={format}
            size="small"
            icon={<ArrowDownloadRegular />}
            disabledFocusable={busy !== null}
            aria-label={t('summary.downloadAs', { what: label.toLocaleLowerCase(i18n.language), format: formatLabel(format) })}
            onClick={() => void download(format)}
          >
            {format.toUpperCase()}
          </Button>
        ))}
      </div>
      <div aria-live="polite">
        {done && (
          <MessageBar intent="success">
            <MessageBarBody>{t('summary.downloaded')}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <ErrorBar message={error} title={t('summary.downloadFailed')} onDismiss={() => setError(null)} />
    </div>
  );
}
