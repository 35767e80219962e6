import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  Label,
  makeStyles,
  Option,
  Textarea,
  Title3,
  tokens,
  useId,
} from '@fluentui/react-components';
import { uploadAttachment, type Attachment } from '../../api/endpoints.js';
import { errorMessage } from '../../api/problem.js';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../server/domain/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { formatNumber } from '../../i18n/format.js';

const useStyles = makeStyles({
  // minmax(0, 1fr): the column never grows wider than the panel, whatever a child's natural width.
  form: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS },
  file: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalXXS },
  // The browser's file input has a fixed natural width that does not shrink; at 200 % text it overflowed.
  fileInput: { maxWidth: '100%', minWidth: 0, fontSize: tokens.fontSizeBase300, whiteSpace: 'normal', overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1 },
  files: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, overflowWrap: 'anywhere' },
});

/** A written statement on a question; when `requestId` is given it answers a deferred floor request. */
export function WrittenInputForm({
  engagementId,
  questions,
  commands,
  requestId,
  questionId: fixedQuestion,
  heading,
  inputsLeft = null,
}: {
  engagementId: string;
  questions: Question[];
  commands: CommandRunner;
  requestId?: string;
  questionId?: string;
  heading?: string;
  /** LIMIT-3: written inputs I may still submit; null: no quota. */
  inputsLeft?: number | null;
}) {
  const { t } = useTranslation();
  const [questionId, setQuestionId] = useState(fixedQuestion ?? '');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const fileId = useId('attachment');
  const [files, setFiles] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const upload = async (list: FileList | null) => {
    if (!list?.length) return;
    setUploading(true);
    setUploadError(null);
    try {
      for (const file of Array.from(list)) {
        const saved = await uploadAttachment(engagementId, file);
        setFiles((current) => [...current, saved]);
      }
    } catch (failure) {
      setUploadError(t('input.uploadFailed', { error: errorMessage(failure) }));
    } finally {
      setUploading(false);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await commands.run({
      type: 'input.submit',
      title: title.trim(),
      text: text.trim(),
      ...(questionId ? { questionId } : {}),
      ...(requestId ? { requestId } : {}),
      ...(files.length ? { attachmentIds: files.map((f) => f.id) } : {}),
    });
    if (result) {
      setTitle('');
      setText('');
      setFiles([]);
      setSent(true);
    }
  };
  const id = `input-h-${requestId ?? 'any'}`;
  const styles = useStyles();
  const layout = useLayoutStyles();
  return (
    <section aria-labelledby={id}>
      <Title3 as="h2" id={id}>
        {heading ?? t('input.heading')}
      </Title3>
      {sent && <p role="status">{t('input.received')}</p>}
      <form onSubmit={submit} className={styles.form}>
        {!fixedQuestion && (
          <Field label={t('input.question')}>
            <Dropdown
              className={layout.fit}
              placeholder={t('input.general')}
              value={questions.find((q) => q.id === questionId)?.text ?? ''}
              selectedOptions={questionId ? [questionId] : []}
              onOptionSelect={(_, d) => setQuestionId(d.optionValue ?? '')}
            >
              {questions.map((q) => (
                <Option key={q.id} value={q.id} text={q.text}>
                  {q.text}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
        <Field label={t('input.title')} required>
          <Input value={title} onChange={(_, d) => setTitle(d.value)} />
        </Field>
        <Field label={t('input.statement')} required>
          <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={5} resize="vertical" />
        </Field>
        <div className={styles.file}>
          <Label htmlFor={fileId}>{t('input.attach')}</Label>
          <input
            id={fileId}
            type="file"
            className={styles.fileInput}
            aria-describedby={`${fileId}-hint`}
            accept=".pdf,.docx,.odt,.txt,.md,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,text/plain,text/markdown"
            onChange={(e) => {
              void upload(e.target.files);
              e.target.value = '';
            }}
            disabled={uploading || files.length >= 10}
          />
          <Caption1 id={`${fileId}-hint`}>{t('input.formats')}</Caption1>
          {uploadError && (
            <Caption1 role="alert" className={styles.error}>
              {uploadError}
            </Caption1>
          )}
        </div>
        {files.length > 0 && (
          <ul aria-label={t('input.attached')} className={styles.files}>
            {files.map((f) => (
              <li key={f.id}>
                {t('input.fileSize', { name: f.filename, size: formatNumber(Math.ceil(f.size / 1024)) })}{' '}
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() => setFiles((current) => current.filter((x) => x.id !== f.id))}
                  aria-label={t('common.removeNamed', { name: f.filename })}
                >
                  {t('common.remove')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        {inputsLeft !== null && (
          // Not a live region (one per surface): the submit button is described by it, so it is read with the button.
          <Caption1 id={`${id}-left`}>{t('input.left', { count: inputsLeft })}</Caption1>
        )}
        <Button
          type="submit"
          appearance="primary"
          aria-describedby={inputsLeft !== null ? `${id}-left` : undefined}
          disabledFocusable={commands.busy || uploading || !title.trim() || !text.trim() || inputsLeft === 0}
        >
          {t('common.submit')}
        </Button>
      </form>
    </section>
  );
}
