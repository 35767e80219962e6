import { Button, Field, MessageBar, MessageBarBody, makeStyles, Select, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/problem.js';
import { ErrorBar } from '../../components/ErrorBar.js';
import { LANGUAGES, NATIVE_NAME } from '../../i18n/languages.js';
import { downloadSummary } from './downloadSummary.js';
import { formatLabel, SUMMARY_FORMATS, type SummaryFormat } from './summaryFiles.js';

const useStyles = makeStyles({
  group: { display: 'grid', gap: tokens.spacingVerticalS },
  formats: { display: 'flex', gap: tokens.spacingHorizontalSNudge, flexWrap: 'wrap' },
});

/**
 * The six formats of one summary (the draft, or a published version), in the language chosen: by default the
 * summary's own (the engagement's summary language, LIFE-7), or any of the six. After a download the exact
 * words "Results successfully downloaded" are shown (Teams Store rule).
 */
export function DownloadButtons({ engagementId, version, label }: { engagementId: string; version?: number | null; label: string }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const [busy, setBusy] = useState<SummaryFormat | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lang, setLang] = useState('');
  const download = async (format: SummaryFormat) => {
    setBusy(format);
    setDone(null);
    setError(null);
    try {
      setDone(await downloadSummary(engagementId, format, version, lang || null));
    } catch (failure) {
      setError(t('summary.downloadFailedDetail', { format: formatLabel(format), error: errorMessage(failure) }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div role="group" aria-label={label} className={styles.group}>
      <Field label={t('summary.downloadLanguage')} size="small">
        <Select size="small" value={lang} onChange={(_, data) => setLang(data.value)}>
          <option value="">{t('summary.downloadLanguageDefault')}</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {NATIVE_NAME[l]}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.formats}>
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
