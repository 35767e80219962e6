import { tokens } from '@fluentui/react-components';
import type { EngagementState } from '../../../../server/domain/index.js';
import { Countdown } from '../../components/Countdown.js';
import { currentSpeaker, nameOf, openQuestion, orgOf, waitingList } from '../shared/selectors.js';

/** The projector view (OpenSlides-style): question, speaker, a countdown readable across a room, next three. */
export function StageView({ state, serverNow }: { state: EngagementState; serverNow: () => number }) {
  const question = openQuestion(state);
  const speaker = currentSpeaker(state);
  const next = waitingList(state, question?.id ?? null).slice(0, 3);
  return (
    <main
      aria-label="Stage"
      style={{
        minHeight: '100vh',
        boxSizing: 'border-box',
        padding: '32px 48px',
        display: 'grid',
        gridTemplateRows: 'auto 1fr auto',
        gap: 24,
        background: tokens.colorNeutralBackground1,
        color: tokens.colorNeutralForeground1,
      }}
    >
      <header>
        <div style={{ fontSize: 20, color: tokens.colorNeutralForeground2 }}>{state.settings.title}</div>
        <h1 style={{ fontSize: 36, margin: '8px 0 0', lineHeight: 1.2 }} data-testid="stage-question">
          {question ? question.text : 'No question is open yet'}
        </h1>
      </header>
      <section aria-labelledby="stage-speaker" style={{ alignSelf: 'center' }}>
        <h2 id="stage-speaker" style={{ fontSize: 22, margin: 0, color: tokens.colorNeutralForeground2, fontWeight: 400 }}>
          {speaker ? 'Has the floor' : 'Waiting for the Chair to give the floor'}
        </h2>
        {speaker && (
          <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 32, flexWrap: 'wrap' }}>
            <div aria-live="polite">
              <div style={{ fontSize: 56, fontWeight: 700, lineHeight: 1.15 }} data-testid="speaker-name">
                {nameOf(speaker.participant)}
              </div>
              <div style={{ fontSize: 28, lineHeight: 1.3, color: tokens.colorNeutralForeground2 }}>{orgOf(speaker.participant)}</div>
            </div>
            <Countdown intervention={speaker.intervention} serverNow={serverNow} size={160} />
          </div>
        )}
      </section>
      <section aria-labelledby="stage-next">
        <h2 id="stage-next" style={{ fontSize: 22, margin: '0 0 8px', fontWeight: 600 }}>
          Next
        </h2>
        {next.length === 0 ? (
          <p style={{ fontSize: 22, margin: 0, color: tokens.colorNeutralForeground2 }}>Nobody is waiting.</p>
        ) : (
          <ol style={{ fontSize: 26, lineHeight: 1.3, margin: 0, paddingInlineStart: 32, display: 'grid', gap: 4 }}>
            {next.map(({ request, participant }) => (
              <li key={request.id}>
                {nameOf(participant)}
                {participant?.organization ? <span style={{ color: tokens.colorNeutralForeground2 }}> — {participant.organization}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
