import { Body1, Tab, TabList, Title2, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementState, Membership } from '../../../../server/domain/index.js';
import { ErrorBar } from '../../components/ErrorBar.js';
import { useCommand } from '../../components/useCommand.js';
import { LanguagePicker } from '../../i18n/LanguagePicker.js';
import { useServerClock } from '../../live/useEngagement.js';
import { ShareToStage } from '../meeting/ShareToStage.js';
import { AgendaEditor } from './AgendaEditor.js';
import { CurrentSpeaker } from './CurrentSpeaker.js';
import { FairnessRecord } from './FairnessRecord.js';
import { InvitationList } from './InvitationList.js';
import { Invitations } from './Invitations.js';
import { LiveQuestion } from './LiveQuestion.js';
import { NotesPanel } from './NotesPanel.js';
import { QuestionsEditor } from './QuestionsEditor.js';
import { Registrations } from './Registrations.js';
import { SetupSection } from './SetupSection.js';
import { SpeakersList } from './SpeakersList.js';
import { TimeBudget } from './TimeBudget.js';
import { WrittenInputs } from './WrittenInputs.js';

// Breakouts and the summary are heavier (drag and drop, the assignment preview): loaded when opened.
const BreakoutsConsole = lazy(() => import('../breakouts/BreakoutsConsole.js').then((m) => ({ default: m.BreakoutsConsole })));
const SummaryConsole = lazy(() => import('../summary/SummaryConsole.js').then((m) => ({ default: m.SummaryConsole })));

type Section = 'live' | 'prepare' | 'participants' | 'breakouts' | 'record' | 'summary';

/** The Chair's console: run the meeting live (floor and clock first), prepare, admit, and keep the record. */
export function ChairConsole({
  state,
  me = null,
  serverNow,
  compact = false,
}: {
  state: EngagementState;
  me?: Membership | null;
  serverNow: () => number;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const commands = useCommand(state.id);
  // Projected end and fairness move slowly; the countdown ticks by itself.
  const now = useServerClock(serverNow, 5000);
  const [section, setSection] = useState<Section>('live');
  const [shareError, setShareError] = useState<string | null>(null);
  const pending = Object.values(state.participants).filter((p) => p.status === 'pending').length;
  const card = { padding: 12, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: 8 } as const;
  return (
    <div style={{ padding: compact ? '8px 12px' : '12px 20px', display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 12 }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <div>
          <Title2 as="h1" style={{ fontSize: compact ? 20 : undefined }}>
            {state.settings.title}
          </Title2>
          {state.settings.theme && <Body1 as="p" style={{ margin: 0 }}>{state.settings.theme}</Body1>}
        </div>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          <LanguagePicker />
          <ShareToStage engagementId={state.id} onError={setShareError} />
        </div>
      </header>
      <ErrorBar message={shareError} title={t('console.shareFailed')} onDismiss={() => setShareError(null)} />
      <ErrorBar message={commands.error} onDismiss={commands.clearError} />
      <nav aria-label={t('console.sections')}>
        <TabList
          selectedValue={section}
          onTabSelect={(_, d) => setSection(d.value as Section)}
          size={compact ? 'small' : 'medium'}
          // At side-panel width the tabs wrap instead of scrolling sideways (Store rule: no horizontal scroll).
          style={{ flexWrap: 'wrap' }}
        >
          <Tab value="live">{t('console.tab.live')}</Tab>
          <Tab value="prepare">{t('console.tab.prepare')}</Tab>
          <Tab value="participants">{pending ? t('console.tab.participantsPending', { count: pending }) : t('console.tab.participants')}</Tab>
          <Tab value="breakouts">{t('console.tab.breakouts')}</Tab>
          <Tab value="record">{t('console.tab.record')}</Tab>
          <Tab value="summary">{t('console.tab.summary')}</Tab>
        </TabList>
      </nav>
      <main aria-label={t('console.label')} style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 12 }}>
        {section === 'live' && (
          <div style={{ display: 'grid', gap: 12, gridTemplateColumns: compact ? 'minmax(0, 1fr)' : 'repeat(auto-fit, minmax(420px, 1fr))', alignItems: 'start' }}>
            <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 12 }}>
              <CurrentSpeaker state={state} serverNow={serverNow} commands={commands} />
              <div style={card}>
                <LiveQuestion state={state} commands={commands} />
              </div>
              <div style={card}>
                <SpeakersList state={state} commands={commands} />
              </div>
            </div>
            <div style={{ display: 'grid', gap: 12 }}>
              <div style={card}>
                <TimeBudget state={state} now={now} commands={commands} />
              </div>
              <div style={card}>
                <NotesPanel state={state} commands={commands} />
              </div>
            </div>
          </div>
        )}
        {section === 'prepare' && (
          <div style={{ display: 'grid', gap: 12 }}>
            <div style={card}>
              <SetupSection state={state} commands={commands} />
            </div>
            <div style={card}>
              <QuestionsEditor state={state} commands={commands} />
            </div>
            <div style={card}>
              <AgendaEditor state={state} commands={commands} />
            </div>
          </div>
        )}
        {section === 'participants' && (
          <div style={{ display: 'grid', gap: 12 }}>
            <div style={card}>
              <Registrations state={state} commands={commands} />
            </div>
            <div style={card}>
              <Invitations engagementId={state.id} />
              <InvitationList state={state} now={now} commands={commands} />
            </div>
          </div>
        )}
        {section === 'breakouts' && (
          <Suspense fallback={<Body1>{t('console.loadingBreakouts')}</Body1>}>
            <BreakoutsConsole state={state} me={me} serverNow={serverNow} commands={commands} compact={compact} />
          </Suspense>
        )}
        {section === 'summary' && (
          <Suspense fallback={<Body1>{t('console.loadingSummary')}</Body1>}>
            <SummaryConsole state={state} me={me} serverNow={serverNow} commands={commands} compact={compact} />
          </Suspense>
        )}
        {section === 'record' && (
          <div style={{ display: 'grid', gap: 12 }}>
            <div style={card}>
              <FairnessRecord state={state} now={now} />
            </div>
            <div style={card}>
              <WrittenInputs state={state} />
            </div>
          </div>
        )}
      </main>
    </div>
  );
}
