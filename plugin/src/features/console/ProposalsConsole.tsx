import { Body1, Button, Caption1, Field, Select, Textarea, Title3 } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessView } from '../../../../server/domain/process/visibility.js';
import type { EngagementState } from '../../../../server/domain/state.js';
import { getProcess, getProposalDraft, linkEngagement, listProcesses, sendProcessCommand } from '../../api/endpoints.js';
import { errorMessage } from '../../api/problem.js';
import { ErrorBar } from '../../components/ErrorBar.js';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { PROPOSAL_STATUSES, SETTABLE_STATUSES } from '../../../../server/domain/process/vocabulary.js';
import { ALL, interventionsToFile, registerRows, themesOf } from './proposalRegister.js';

// The staff's Proposals view (docs/processes.md): the process this engagement belongs to (or linking it to
// one the user runs), the speakers list's interventions to file as proposals (PROPOSAL-12), and the register,
// filtered by theme, status and engagement, with a question to a proposal's proponents (PROPOSAL-9).

export function ProposalsConsole({ state }: { state: EngagementState }) {
  const { t } = useTranslation();
  const layout = useLayoutStyles();
  const [staffOf, setStaffOf] = useState<ProcessView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const rows = (await listProcesses()).filter((row) => row.role === 'chair' || row.role === 'secretariat');
      setStaffOf(await Promise.all(rows.map((row) => getProcess(row.id))));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const act = (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    work()
      .then(load)
      .catch((failure: unknown) => setError(errorMessage(failure)))
      .finally(() => setBusy(false));
  };

  const process = staffOf.find((view) => view.engagements[state.id] !== undefined);
  if (!process) {
    return (
      <section aria-labelledby="proposals-h" className={layout.stack}>
        <Title3 as="h2" id="proposals-h">
          {t('proposals.register')}
        </Title3>
        <ErrorBar message={error} onDismiss={() => setError(null)} />
        <Body1 as="p">{t('proposals.noProcess')}</Body1>
        {staffOf.length > 0 && (
          <LinkForm staffOf={staffOf} busy={busy} onLink={(processId) => act(() => linkEngagement(processId, state.id))} />
        )}
      </section>
    );
  }

  const toFile = interventionsToFile(state, process);
  return (
    <section aria-labelledby="proposals-h" className={layout.stack}>
      <Title3 as="h2" id="proposals-h">
        {t('proposals.register')}
      </Title3>
      <Caption1 as="p" dir="auto">
        {process.settings.title}
      </Caption1>
      <ErrorBar message={error} onDismiss={() => setError(null)} />
      <Title3 as="h3">{t('proposals.fromSpeakers')}</Title3>
      {toFile.length === 0 ? (
        <Body1 as="p">{t('proposals.noInterventions')}</Body1>
      ) : (
        <ul className={layout.stack}>
          {toFile.map((item) => (
            <li key={item.requestId}>
              <Body1 dir="auto">{item.speaker}</Body1>{' '}
              {item.filed ? (
                <Caption1>{t('proposals.filed')}</Caption1>
              ) : (
                <Button
                  size="small"
                  disabledFocusable={busy}
                  onClick={() =>
                    act(async () => {
                      const draft = await getProposalDraft(process.id, state.id, item.requestId);
                      await sendProcessCommand(process.id, draft);
                    })
                  }
                >
                  {t('proposals.file', { speaker: item.speaker })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Register process={process} busy={busy} act={act} />
    </section>
  );
}

/** PROCESS-6: link this engagement to a process the user runs. */
function LinkForm({ staffOf, busy, onLink }: { staffOf: ProcessView[]; busy: boolean; onLink: (processId: string) => void }) {
  const { t } = useTranslation();
  const layout = useLayoutStyles();
  const [chosen, setChosen] = useState('');
  return (
    <form
      className={layout.stack}
      onSubmit={(e) => {
        e.preventDefault();
        onLink(chosen);
      }}
    >
      <Field label={t('proposals.process')}>
        <Select value={chosen} onChange={(_, d) => setChosen(d.value)}>
          <option value="">{t('proposals.chooseProcess')}</option>
          {staffOf.map((view) => (
            <option key={view.id} value={view.id}>
              {view.settings.title}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabledFocusable={busy || !chosen}>
        {t('proposals.link')}
      </Button>
    </form>
  );
}

/** The register, filtered by theme, status and engagement, with what staff do to each proposal. */
function Register({ process, busy, act }: { process: ProcessView; busy: boolean; act: (work: () => Promise<unknown>) => void }) {
  const { t } = useTranslation();
  const layout = useLayoutStyles();
  const [filter, setFilter] = useState({ theme: ALL, status: ALL, engagementId: ALL });
  const rows = registerRows(process, filter);
  return (
    <>
      <Title3 as="h3">{t('proposals.list')}</Title3>
      <div className={layout.stack}>
        <Field label={t('proposals.filterTheme')}>
          <Select value={filter.theme} onChange={(_, d) => setFilter({ ...filter, theme: d.value })}>
            <option value={ALL}>{t('proposals.all')}</option>
            {themesOf(process).map((theme) => (
              <option key={theme} value={theme}>
                {theme}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('proposals.filterStatus')}>
          <Select value={filter.status} onChange={(_, d) => setFilter({ ...filter, status: d.value })}>
            <option value={ALL}>{t('proposals.all')}</option>
            {PROPOSAL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`proposals.status.${status}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('proposals.filterEngagement')}>
          <Select value={filter.engagementId} onChange={(_, d) => setFilter({ ...filter, engagementId: d.value })}>
            <option value={ALL}>{t('proposals.all')}</option>
            {Object.values(process.engagements).map((e) => (
              <option key={e.engagementId} value={e.engagementId}>
                {e.title}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {rows.length === 0 ? (
        <Body1 as="p">{t('proposals.none')}</Body1>
      ) : (
        <ol className={layout.stack} aria-label={t('proposals.list')}>
          {rows.map((p) => (
            <li key={p.id} className={layout.stack}>
              <Body1 dir="auto">
                <strong>{t('proposals.numbered', { number: p.number, title: p.title })}</strong>
              </Body1>
              <Caption1 dir="auto">
                {p.theme} · {t(`proposals.status.${p.status}`)}
              </Caption1>
              {p.status !== 'merged' && p.status !== 'withdrawn' && (
                <>
                  <StatusForm
                    current={p.status}
                    busy={busy}
                    onSet={(status) => act(() => sendProcessCommand(process.id, { type: 'proposal.setStatus', proposalId: p.id, status }))}
                  />
                  <MergeForm
                    others={Object.values(process.proposals).filter(
                      (o) => o.id !== p.id && o.status !== 'merged' && o.status !== 'withdrawn',
                    )}
                    busy={busy}
                    onMerge={(intoProposalId) =>
                      act(() => sendProcessCommand(process.id, { type: 'proposal.merge', proposalId: p.id, intoProposalId }))
                    }
                  />
                </>
              )}
              {p.proponents.length > 0 && p.status !== 'merged' && p.status !== 'withdrawn' && (
                <AskForm
                  onAsk={(text) => act(() => sendProcessCommand(process.id, { type: 'proposal.ask', proposalId: p.id, text }))}
                  busy={busy}
                />
              )}
              {p.history.length > 0 && (
                <details>
                  <summary>{t('proposals.history')}</summary>
                  <ul>
                    {p.history.map((h) => (
                      <li key={`${h.at}-${h.status}`}>
                        {t('proposals.change', {
                          at: h.at.slice(0, 16).replace('T', ' '),
                          from: t(`proposals.status.${h.from}`),
                          to: t(`proposals.status.${h.status}`),
                        })}
                        {h.reason ? ` (${h.reason})` : ''}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function AskForm({ onAsk, busy }: { onAsk: (text: string) => void; busy: boolean }) {
  const { t } = useTranslation();
  const layout = useLayoutStyles();
  const [text, setText] = useState('');
  return (
    <form
      className={layout.stack}
      onSubmit={(e) => {
        e.preventDefault();
        onAsk(text.trim());
        setText('');
      }}
    >
      <Field label={t('proposals.ask')}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
      </Field>
      <Button type="submit" size="small" disabledFocusable={busy || !text.trim()}>
        {t('proposals.send')}
      </Button>
    </form>
  );
}

/** PROPOSAL-5: staff move a proposal along the status road. */
function StatusForm({
  current,
  busy,
  onSet,
}: {
  current: string;
  busy: boolean;
  onSet: (status: (typeof SETTABLE_STATUSES)[number]) => void;
}) {
  const { t } = useTranslation();
  const layout = useLayoutStyles();
  const [status, setStatus] = useState<(typeof SETTABLE_STATUSES)[number] | ''>('');
  return (
    <form
      className={layout.stack}
      onSubmit={(e) => {
        e.preventDefault();
        if (status) onSet(status);
      }}
    >
      <Field label={t('proposals.newStatus')}>
        <Select value={status} onChange={(_, d) => setStatus(d.value as (typeof SETTABLE_STATUSES)[number])}>
          <option value="">{t('proposals.chooseStatus')}</option>
          {SETTABLE_STATUSES.filter((s) => s !== current).map((s) => (
            <option key={s} value={s}>
              {t(`proposals.status.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" size="small" disabledFocusable={busy || !status}>
        {t('proposals.setStatus')}
      </Button>
    </form>
  );
}

/** PROPOSAL-6: staff merge a proposal into another live one. */
function MergeForm({
  others,
  busy,
  onMerge,
}: {
  others: { id: string; number: number; title: string }[];
  busy: boolean;
  onMerge: (intoId: string) => void;
}) {
  const { t } = useTranslation();
  const layout = useLayoutStyles();
  const [into, setInto] = useState('');
  if (others.length === 0) return null;
  return (
    <form
      className={layout.stack}
      onSubmit={(e) => {
        e.preventDefault();
        if (into) onMerge(into);
      }}
    >
      <Field label={t('proposals.mergeInto')}>
        <Select value={into} onChange={(_, d) => setInto(d.value)}>
          <option value="">{t('proposals.chooseProposal')}</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {t('proposals.numbered', { number: o.number, title: o.title })}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" size="small" disabledFocusable={busy || !into}>
        {t('proposals.merge')}
      </Button>
    </form>
  );
}
