import { Body1, Divider, makeStyles, MessageBar, MessageBarBody, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { inputsLeft, type EngagementState, type Standing } from '../../../../server/domain/index.js';
import { Announcer } from '../../components/Announcer.js';
import { ErrorBar } from '../../components/ErrorBar.js';
import { useCommand } from '../../components/useCommand.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { LanguagePicker } from '../../i18n/LanguagePicker.js';
import { useServerClock } from '../../live/useEngagement.js';
import { myDeferredRequests } from '../shared/selectors.js';
import { useFloorAnnouncement } from '../shared/useFloorAnnouncement.js';
import { BreakoutsPanel } from '../breakouts/BreakoutsPanel.js';
import { SummaryPanel } from '../summary/SummaryPanel.js';
import { FloorCard } from './FloorCard.js';
import { MyProposals } from './MyProposals.js';
import { ObjectionForm } from './ObjectionForm.js';
import { QuestionsAhead } from './QuestionsAhead.js';
import { RegistrationForm } from './RegistrationForm.js';
import { WrittenInputForm } from './WrittenInputForm.js';

const useStyles = makeStyles({
  panel: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    maxWidth: '30rem',
    minWidth: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalL,
    boxSizing: 'border-box',
    overflowWrap: 'anywhere',
    // Form fields have a natural width (20 characters) that doubles with the text size; a percentage
    // maximum lets them shrink with the column instead of widening it (WCAG 1.4.4, 1.4.10).
    '& input, & textarea, & select': { maxWidth: '100%' },
    '& .fui-Field, & .fui-Input, & .fui-Textarea, & .fui-Select': { minWidth: 0, maxWidth: '100%' },
  },
  title: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  plain: { margin: 0 },
  stack: { display: 'grid', gap: tokens.spacingVerticalS },
});

type PanelProps = { state: EngagementState; me: Standing | null; serverNow: () => number };

/** The stakeholder's and the delegation's panel: one column, works at 280–320 px. */
export function SidePanel(props: PanelProps) {
  return (
    <Announcer>
      <PanelContent {...props} />
    </Announcer>
  );
}

function PanelContent({ state, me, serverNow }: PanelProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  usePageTitle(t('a11y.title.panel'), state.settings.title);
  useFloorAnnouncement(state, me);
  const commands = useCommand(state.id);
  // The wait estimate needs no more than a tick every few seconds; the countdown ticks by itself.
  const now = useServerClock(serverNow, 5000);
  const self = me?.participantId ? state.participants[me.participantId] : undefined;
  // One registration per person (PART-1): an invitation already made its holder a participant.
  const needsRegistration = !me?.participantId;
  const deferred = myDeferredRequests(state, me);
  const questionText = (id: string) => state.questions.find((q) => q.id === id)?.text ?? t('panel.theQuestion');
  return (
    <main aria-labelledby="panel-title" className={styles.panel}>
      <header>
        <LanguagePicker />
        <Title2 as="h1" id="panel-title" dir="auto" className={styles.title}>
          {state.settings.title}
        </Title2>
        {state.settings.theme && (
          <Body1 as="p" dir="auto" className={styles.plain}>
            {state.settings.theme}
          </Body1>
        )}
        {state.status === 'ended' && <Body1 as="p">{t('panel.ended')}</Body1>}
      </header>
      <ErrorBar message={commands.error} onDismiss={commands.clearError} />
      {me?.status === 'pending' && (
        <MessageBar intent="info">
          <MessageBarBody>{t('panel.pending')}</MessageBarBody>
        </MessageBar>
      )}
      {me?.status === 'declined' && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {self?.declineReason ? t('panel.declinedReason', { reason: self.declineReason }) : t('panel.declined')}
          </MessageBarBody>
        </MessageBar>
      )}
      {needsRegistration ? <RegistrationForm commands={commands} /> : null}
      {me?.participantId && <FloorCard state={state} me={me} now={now} serverNow={serverNow} commands={commands} />}
      <BreakoutsPanel state={state} me={me} serverNow={serverNow} commands={commands} />
      {deferred.map((r) =>
        r.fulfilledByInputId ? (
          <MessageBar key={r.id} intent="success" role="status">
            <MessageBarBody>{t('panel.deferredReceived', { question: questionText(r.questionId) })}</MessageBarBody>
          </MessageBar>
        ) : (
          <div key={r.id} className={styles.stack}>
            <MessageBar intent="info">
              <MessageBarBody>{t('panel.deferredInvite', { question: questionText(r.questionId) })}</MessageBarBody>
            </MessageBar>
            <WrittenInputForm
              engagementId={state.id}
              questions={state.questions}
              commands={commands}
              requestId={r.id}
              questionId={r.questionId}
              heading={t('panel.writtenHeading')}
            />
          </div>
        ),
      )}
      <Divider />
      <SummaryPanel state={state} me={me} serverNow={serverNow} commands={commands} />
      <QuestionsAhead questions={state.questions} />
      <MyProposals />
      {me?.role === 'delegation' && me.status === 'approved' && <ObjectionForm state={state} commands={commands} />}
      {me?.participantId && me.status !== 'declined' && (
        <WrittenInputForm
          engagementId={state.id}
          questions={state.questions}
          commands={commands}
          // LIMIT-3: counted from the live state, so it follows every input as it is recorded.
          inputsLeft={inputsLeft(state, me.participantId, me.inputQuota ?? null)}
        />
      )}
    </main>
  );
}
