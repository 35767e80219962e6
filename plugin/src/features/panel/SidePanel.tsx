import { Body1, Divider, MessageBar, MessageBarBody, Title2 } from '@fluentui/react-components';
import type { EngagementState, Membership } from '../../../../server/domain/index.js';
import { ErrorBar } from '../../components/ErrorBar.js';
import { useCommand } from '../../components/useCommand.js';
import { useServerClock } from '../../live/useEngagement.js';
import { myDeferredRequests } from '../shared/selectors.js';
import { BreakoutsPanel } from '../breakouts/BreakoutsPanel.js';
import { SummaryPanel } from '../summary/SummaryPanel.js';
import { FloorCard } from './FloorCard.js';
import { ObjectionForm } from './ObjectionForm.js';
import { QuestionsAhead } from './QuestionsAhead.js';
import { RegistrationForm } from './RegistrationForm.js';
import { WrittenInputForm } from './WrittenInputForm.js';

/** The stakeholder's and the delegation's panel: one column, works at 280–320 px. */
export function SidePanel({ state, me, serverNow }: { state: EngagementState; me: Membership | null; serverNow: () => number }) {
  const commands = useCommand(state.id);
  // The wait estimate needs no more than a tick every few seconds; the countdown ticks by itself.
  const now = useServerClock(serverNow, 5000);
  const self = me?.participantId ? state.participants[me.participantId] : undefined;
  // One registration per person (PART-1): an invitation already made its holder a participant.
  const needsRegistration = !me?.participantId;
  const deferred = myDeferredRequests(state, me);
  const questionText = (id: string) => state.questions.find((q) => q.id === id)?.text ?? 'the question';
  return (
    <main aria-labelledby="panel-title" style={{ padding: '12px 16px', maxWidth: 480, display: 'grid', gap: 16, boxSizing: 'border-box' }}>
      <header>
        <Title2 as="h1" id="panel-title" style={{ fontSize: 20 }}>
          {state.settings.title}
        </Title2>
        {state.settings.theme && <Body1 as="p" style={{ margin: 0 }}>{state.settings.theme}</Body1>}
        {state.status === 'ended' && <Body1 as="p">This engagement has ended. You can still submit written input.</Body1>}
      </header>
      <ErrorBar message={commands.error} onDismiss={commands.clearError} />
      {me?.status === 'pending' && (
        <MessageBar intent="info">
          <MessageBarBody>Your registration is waiting for the Chair’s approval. Meanwhile, read the guiding questions.</MessageBarBody>
        </MessageBar>
      )}
      {me?.status === 'declined' && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Your registration was not approved{self?.declineReason ? `: ${self.declineReason}` : '.'} You can still submit written input if the
            Chair accepts it.
          </MessageBarBody>
        </MessageBar>
      )}
      {needsRegistration ? <RegistrationForm commands={commands} /> : null}
      {me?.participantId && <FloorCard state={state} me={me} now={now} serverNow={serverNow} commands={commands} />}
      <BreakoutsPanel state={state} me={me} serverNow={serverNow} commands={commands} />
      {deferred.map((r) =>
        r.fulfilledByInputId ? (
          <MessageBar key={r.id} intent="success" role="status">
            <MessageBarBody>
              Thank you: your written statement on “{questionText(r.questionId)}” was received. It is part of the record in place of your
              intervention.
            </MessageBarBody>
          </MessageBar>
        ) : (
          <div key={r.id} style={{ display: 'grid', gap: 8 }}>
            <MessageBar intent="info">
              <MessageBarBody>
                Time ran short and you were not heard on “{questionText(r.questionId)}”. The Chair invites you to submit your statement in
                writing: it will be part of the record.
              </MessageBarBody>
            </MessageBar>
            <WrittenInputForm
              engagementId={state.id}
              questions={state.questions}
              commands={commands}
              requestId={r.id}
              questionId={r.questionId}
              heading="Your statement in writing"
            />
          </div>
        ),
      )}
      <Divider />
      <SummaryPanel state={state} me={me} serverNow={serverNow} commands={commands} />
      <QuestionsAhead questions={state.questions} />
      {me?.role === 'delegation' && me.status === 'approved' && <ObjectionForm state={state} commands={commands} />}
      {me?.participantId && me.status !== 'declined' && <WrittenInputForm engagementId={state.id} questions={state.questions} commands={commands} />}
    </main>
  );
}
