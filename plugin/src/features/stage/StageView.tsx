import { tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { EngagementState } from '../../../../server/domain/index.js';
import { Countdown } from '../../components/Countdown.js';
import { currentSpeaker, nameOf, openQuestion, orgOf, waitingList } from '../shared/selectors.js';

/** The projector view (OpenSlides-style): question, speaker, a countdown readable across a room, next three. */
export function StageView({ state, serverNow }: { state: EngagementState; serverNow: () => number }) {
  const { t } = useTranslation();
  const question = openQuestion(state);
  const speaker = currentSpeaker(state);
  const next = waitingList(state, question?.id ?? null).slice(0, 3);
  return (
    <main
      aria-label={t('stage.label')}
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
        <div dir="auto" style={{ fontSize: 20, color: tokens.colorNeutralForeground2 }}>{state.settings.title}</div>
        <h1 dir="auto" style={{ fontSize: 36, margin: '8px 0 0', lineHeight: 1.2 }} data-testid="stage-question">
          {question ? question.text : t('stage.noQuestion')}
        </h1>
      </header>
      <section aria-labelledby="stage-speaker" style={{ alignSelf: 'center' }}>
        <h2 id="stage-speaker" style={{ fontSize: 22, margin: 0, color: tokens.colorNeutralForeground2, fontWeight: 400 }}>
          {speaker ? t('stage.hasTheFloor') : t('stage.waiting')}
        </h2>
        {speaker && (
          <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 32, flexWrap: 'wrap' }}>
            <div aria-live="polite">
              <div dir="auto" style={{ fontSize: 56, fontWeight: 700, lineHeight: 1.15 }} data-testid="speaker-name">
                {nameOf(speaker.participant)}
              </div>
              <div dir="auto" style={{ fontSize: 28, lineHeight: 1.3, color: tokens.colorNeutralForeground2 }}>{orgOf(speaker.participant)}</div>
            </div>
            <Countdown intervention={speaker.intervention} serverNow={serverNow} size={160} />
          </div>
        )}
      </section>
      <section aria-labelledby="stage-next">
        <h2 id="stage-next" style={{ fontSize: 22, margin: '0 0 8px', fontWeight: 600 }}>
          {t('stage.next')}
        </h2>
        {next.length === 0 ? (
          <p style={{ fontSize: 22, margin: 0, color: tokens.colorNeutralForeground2 }}>{t('stage.nobodyWaiting')}</p>
        ) : (
          <ol style={{ fontSize: 26, lineHeight: 1.3, margin: 0, paddingInlineStart: 32, display: 'grid', gap: 4 }}>
            {next.map(({ request, participant }) => (
              <li key={request.id}>
                <bdi>{nameOf(participant)}</bdi>
                {participant?.organization ? <span style={{ color: tokens.colorNeutralForeground2 }}>
                    {' — '}
                    <bdi>{participant.organization}</bdi>
                  </span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
