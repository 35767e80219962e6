import { Badge, Body1, Button, Caption1, Field, Input, Label, Select, Textarea, Title3 } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessView } from '../../../../server/domain/process/visibility.js';
import { getProcess, listProcesses, sendProcessCommand, uploadProcessAttachment } from '../../api/endpoints.js';
import { PAPER_LANGUAGES } from '../../../../server/domain/process/vocabulary.js';
import { errorMessage } from '../../api/problem.js';
import { ErrorBar } from '../../components/ErrorBar.js';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { myProposals, type MyProposal } from './myProposals.js';

// "My proposals" in the side panel (docs/processes.md): for a proponent, across the processes it belongs to,
// the questions staff put to it (answered here, in writing: PROPOSAL-10), its concept papers and the feedback
// they received. Nothing shows for someone who is proponent of nothing (and for invitation sessions, which
// reach one engagement only: the server answers 403 and the section stays away).

export function MyProposals() {
  const { t } = useTranslation();
  const layout = useLayoutStyles();
  const [views, setViews] = useState<ProcessView[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const rows = await listProcesses();
      setViews(await Promise.all(rows.map((row) => getProcess(row.id))));
    } catch {
      // Not signed in to processes (an invitation session), or none: nothing to show.
      setViews([]);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const mine = views.flatMap((view) =>
    myProposals(view).map((proposal) => ({ processId: view.id, processTitle: view.settings.title, proposal })),
  );
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="my-proposals-h" className={layout.stack}>
      <Title3 as="h2" id="my-proposals-h">
        {t('proposals.mine')}
      </Title3>
      <ErrorBar message={error} onDismiss={() => setError(null)} />
      {mine.map(({ processId, processTitle, proposal }) => (
        <ProposalCard
          key={proposal.id}
          processId={processId}
          processTitle={processTitle}
          proposal={proposal}
          onAnswered={load}
          onError={setError}
        />
      ))}
    </section>
  );
}

function ProposalCard(props: {
  processId: string;
  processTitle: string;
  proposal: MyProposal;
  onAnswered: () => Promise<void>;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const layout = useLayoutStyles();
  const { proposal } = props;
  const headingId = `proposal-${proposal.id}-h`;
  return (
    <article aria-labelledby={headingId} className={layout.stack}>
      <Body1 as="h3" id={headingId} dir="auto">
        <strong>{t('proposals.numbered', { number: proposal.number, title: proposal.title })}</strong>
      </Body1>
      <Caption1 as="p" dir="auto">
        {props.processTitle} ·{' '}
        <Badge appearance="outline">{t(`proposals.status.${proposal.status}`, { defaultValue: proposal.status })}</Badge>
      </Caption1>
      {proposal.openQuestions.length === 0 ? (
        <Body1 as="p">{t('proposals.noQuestions')}</Body1>
      ) : (
        proposal.openQuestions.map((q) => (
          <AnswerForm
            key={q.id}
            processId={props.processId}
            questionId={q.id}
            text={q.text}
            onAnswered={props.onAnswered}
            onError={props.onError}
          />
        ))
      )}
      <Body1 as="p">
        {proposal.papers.length === 0
          ? t('proposals.noPaper')
          : proposal.papers
              .map((p) => t(p.published ? 'proposals.paperPublished' : 'proposals.paperDraft', { title: p.title, count: p.versions }))
              .join(' ')}
      </Body1>
      <Body1 as="p">{t('proposals.feedback', { count: proposal.feedbackCount })}</Body1>
      {proposal.feedback.length > 0 && (
        <ul aria-label={t('proposals.feedbackList')}>
          {proposal.feedback.map((f) => (
            <li key={f.id} dir="auto">
              {f.text}
            </li>
          ))}
        </ul>
      )}
      {proposal.live && <PaperForm processId={props.processId} proposal={proposal} onDone={props.onAnswered} onError={props.onError} />}
    </article>
  );
}

function AnswerForm(props: {
  processId: string;
  questionId: string;
  text: string;
  onAnswered: () => Promise<void>;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const layout = useLayoutStyles();
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className={layout.stack}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        sendProcessCommand(props.processId, { type: 'proposal.answer', questionId: props.questionId, text: answer.trim() })
          .then(() => {
            setAnswer('');
            return props.onAnswered();
          })
          .catch((failure: unknown) => props.onError(errorMessage(failure)))
          .finally(() => setBusy(false));
      }}
    >
      <Field label={t('proposals.question', { text: props.text })} required>
        <Textarea value={answer} onChange={(_, d) => setAnswer(d.value)} resize="vertical" />
      </Field>
      <Button type="submit" disabledFocusable={busy || !answer.trim()}>
        {t('proposals.answer')}
      </Button>
    </form>
  );
}

/** Each language in its own name, as the language picker shows them. */
const PAPER_LANGUAGE_NAMES: Record<(typeof PAPER_LANGUAGES)[number], string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

/** PAPER-1, PAPER-2: the proponent uploads its concept paper, or the next version of it. */
function PaperForm(props: { processId: string; proposal: MyProposal; onDone: () => Promise<void>; onError: (message: string) => void }) {
  const { t } = useTranslation();
  const layout = useLayoutStyles();
  const fileId = useId();
  const existing = props.proposal.papers[0];
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<(typeof PAPER_LANGUAGES)[number]>('en');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = existing ? t('proposals.newVersion') : t('proposals.uploadPaper');
  return (
    <form
      className={layout.stack}
      aria-label={heading}
      onSubmit={(e) => {
        e.preventDefault();
        if (!file) return;
        setBusy(true);
        uploadProcessAttachment(props.processId, file)
          .then((saved) =>
            sendProcessCommand(
              props.processId,
              existing
                ? { type: 'paper.revise', paperId: existing.id, language, attachmentId: saved.id }
                : { type: 'paper.submit', proposalId: props.proposal.id, title: title.trim(), language, attachmentId: saved.id },
            ),
          )
          .then(() => {
            setFile(null);
            setTitle('');
            return props.onDone();
          })
          .catch((failure: unknown) => props.onError(errorMessage(failure)))
          .finally(() => setBusy(false));
      }}
    >
      {!existing && (
        <Field label={t('proposals.paperTitle')} required>
          <Input value={title} onChange={(_, d) => setTitle(d.value)} />
        </Field>
      )}
      <Field label={t('proposals.paperLanguage')}>
        <Select value={language} onChange={(_, d) => setLanguage(d.value as (typeof PAPER_LANGUAGES)[number])}>
          {PAPER_LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {PAPER_LANGUAGE_NAMES[l]}
            </option>
          ))}
        </Select>
      </Field>
      <Label htmlFor={fileId}>{t('proposals.paperFile')}</Label>
      <input
        id={fileId}
        type="file"
        accept=".pdf,.docx,.odt,.txt,.md,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,text/plain,text/markdown"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <Button type="submit" disabledFocusable={busy || !file || (!existing && !title.trim())}>
        {heading}
      </Button>
    </form>
  );
}
