import { Body1, makeStyles, mergeClasses, Tab, TabList, Title2, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementState, Membership } from '../../../../server/domain/index.js';
import { Announcer } from '../../components/Announcer.js';
import { ErrorBar } from '../../components/ErrorBar.js';
import { useCommand } from '../../components/useCommand.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { LanguagePicker } from '../../i18n/LanguagePicker.js';
import { useServerClock } from '../../live/useEngagement.js';
import { ShareToStage } from '../meeting/ShareToStage.js';
import { useFloorAnnouncement } from '../shared/useFloorAnnouncement.js';
import { AgendaEditor } from './AgendaEditor.js';
import { CurrentSpeaker } from './CurrentSpeaker.js';
import { FairnessRecord } from './FairnessRecord.js';
import { InvitationList } from './InvitationList.js';
import { Invitations } from './Invitations.js';
import { LiveQuestion } from './LiveQuestion.js';
import { ProposalsConsole } from './ProposalsConsole.js';
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

type Section = 'live' | 'prepare' | 'participants' | 'breakouts' | 'record' | 'summary' | 'proposals';

const useStyles = makeStyles({
  page: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalM,
    overflowWrap: 'anywhere',
    // Form fields have a natural width (20 characters) that doubles with the text size; a percentage
    // maximum lets them shrink with the column instead of widening it (WCAG 1.4.4, 1.4.10).
    '& input, & textarea, & select': { maxWidth: '100%' },
    '& .fui-Field, & .fui-Input, & .fui-Textarea, & .fui-Select': { minWidth: 0, maxWidth: '100%' },
  },
  pageCompact: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  titleCompact: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  plain: { margin: 0 },
  tools: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  // At side-panel width the tabs wrap instead of scrolling sideways (Store rule: no horizontal scroll).
  tabs: { flexWrap: 'wrap' },
  column: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM },
  // Two columns when each can be 26rem wide (it grows with the text size), one otherwise.
  live: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(26rem, 100%), 1fr))',
    alignItems: 'start',
  },
  card: {
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    minWidth: 0,
    // A data table wider than a narrow panel scrolls inside its card, not the page (WCAG 1.4.10 allows it).
    overflowX: 'auto',
  },
});

type ConsoleProps = {
  state: EngagementState;
  me?: Membership | null;
  serverNow: () => number;
  compact?: boolean;
};

/** The Chair's console: run the meeting live (floor and clock first), prepare, admit, and keep the record. */
export function ChairConsole(props: ConsoleProps) {
  return (
    <Announcer>
      <ConsoleContent {...props} />
    </Announcer>
  );
}

function ConsoleContent({ state, me = null, serverNow, compact = false }: ConsoleProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  usePageTitle(t(compact ? 'a11y.title.chairPanel' : 'a11y.title.console'), state.settings.title);
  useFloorAnnouncement(state, me);
  const commands = useCommand(state.id);
  // Projected end and fairness move slowly; the countdown ticks by itself.
  const now = useServerClock(serverNow, 5000);
  const [section, setSection] = useState<Section>('live');
  const [shareError, setShareError] = useState<string | null>(null);
  const pending = Object.values(state.participants).filter((p) => p.status === 'pending').length;
  const card = styles.card;
  return (
    <div className={mergeClasses(styles.page, compact && styles.pageCompact)}>
      <header className={styles.header}>
        <div>
          <Title2 as="h1" className={compact ? styles.titleCompact : undefined}>
            {state.settings.title}
          </Title2>
          {state.settings.theme && (
            <Body1 as="p" className={styles.plain}>
              {state.settings.theme}
            </Body1>
          )}
        </div>
        <div className={styles.tools}>
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
          className={styles.tabs}
        >
          <Tab value="live">{t('console.tab.live')}</Tab>
          <Tab value="prepare">{t('console.tab.prepare')}</Tab>
          <Tab value="participants">
            {pending ? t('console.tab.participantsPending', { count: pending }) : t('console.tab.participants')}
          </Tab>
          <Tab value="breakouts">{t('console.tab.breakouts')}</Tab>
          <Tab value="record">{t('console.tab.record')}</Tab>
          <Tab value="summary">{t('console.tab.summary')}</Tab>
          <Tab value="proposals">{t('console.tab.proposals')}</Tab>
        </TabList>
      </nav>
      <main aria-label={t('console.label')} className={styles.column}>
        {section === 'live' && (
          <div className={compact ? styles.column : styles.live}>
            <div className={styles.column}>
              <CurrentSpeaker state={state} serverNow={serverNow} commands={commands} />
              <div className={card}>
                <LiveQuestion state={state} commands={commands} />
              </div>
              <div className={card}>
                <SpeakersList state={state} commands={commands} />
              </div>
            </div>
            <div className={styles.column}>
              <div className={card}>
                <TimeBudget state={state} now={now} commands={commands} />
              </div>
              <div className={card}>
                <NotesPanel state={state} commands={commands} />
              </div>
            </div>
          </div>
        )}
        {section === 'prepare' && (
          <div className={styles.column}>
            <div className={card}>
              <SetupSection state={state} commands={commands} />
            </div>
            <div className={card}>
              <QuestionsEditor state={state} commands={commands} />
            </div>
            <div className={card}>
              <AgendaEditor state={state} commands={commands} />
            </div>
          </div>
        )}
        {section === 'participants' && (
          <div className={styles.column}>
            <div className={card}>
              <Registrations state={state} commands={commands} />
            </div>
            <div className={card}>
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
        {section === 'proposals' && (
          <div className={card}>
            <ProposalsConsole state={state} />
          </div>
        )}
        {section === 'record' && (
          <div className={styles.column}>
            <div className={card}>
              <FairnessRecord state={state} now={now} />
            </div>
            <div className={card}>
              <WrittenInputs state={state} />
            </div>
          </div>
        )}
      </main>
    </div>
  );
}
