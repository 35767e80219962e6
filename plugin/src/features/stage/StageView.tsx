import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { EngagementState } from '../../../../server/domain/index.js';
import { Announcer } from '../../components/Announcer.js';
import { Countdown } from '../../components/Countdown.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { currentSpeaker, nameOf, openQuestion, orgOf, waitingList } from '../shared/selectors.js';
import { useFloorAnnouncement } from '../shared/useFloorAnnouncement.js';

// Sizes come from the viewport (Teams shows the stage in windows from a phone's 320 px to a projector),
// bounded in rem so that enlarged text still grows: clamp(smallest, fraction of the width, largest).
const useStyles = makeStyles({
  stage: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: 'clamp(1rem, 4vw, 3rem)',
    display: 'grid',
    gridTemplateRows: 'auto 1fr auto',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: 'clamp(1rem, 3vw, 1.5rem)',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    overflowWrap: 'anywhere',
  },
  engagement: { fontSize: 'clamp(1rem, 2.5vw, 1.25rem)', color: tokens.colorNeutralForeground2 },
  question: { fontSize: 'clamp(1.375rem, 5vw, 2.25rem)', margin: `${tokens.spacingVerticalS} 0 0`, lineHeight: 1.2 },
  floor: { alignSelf: 'center', minWidth: 0 },
  floorHeading: {
    fontSize: 'clamp(1rem, 3vw, 1.375rem)',
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
  },
  speaker: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 'clamp(1rem, 4vw, 2rem)', flexWrap: 'wrap' },
  who: { minWidth: 0 },
  name: { fontSize: 'clamp(1.75rem, 7vw, 3.5rem)', fontWeight: tokens.fontWeightBold, lineHeight: 1.15 },
  org: { fontSize: 'clamp(1.125rem, 3.5vw, 1.75rem)', lineHeight: 1.3, color: tokens.colorNeutralForeground2 },
  nextHeading: { fontSize: 'clamp(1rem, 3vw, 1.375rem)', margin: `0 0 ${tokens.spacingVerticalS}`, fontWeight: tokens.fontWeightSemibold },
  nobody: { fontSize: 'clamp(1rem, 3vw, 1.375rem)', margin: 0, color: tokens.colorNeutralForeground2 },
  list: {
    fontSize: 'clamp(1.125rem, 3.5vw, 1.625rem)',
    lineHeight: 1.3,
    margin: 0,
    paddingInlineStart: '2rem',
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  secondary: { color: tokens.colorNeutralForeground2 },
  /** The clock readable across a room, and still inside a 320 px window. */
  clock: { fontSize: 'clamp(3rem, 22vw, 10rem)' },
});

/** The projector view (OpenSlides-style): question, speaker, a countdown readable across a room, next three. */
export function StageView(props: { state: EngagementState; serverNow: () => number }) {
  return (
    <Announcer>
      <StageContent {...props} />
    </Announcer>
  );
}

function StageContent({ state, serverNow }: { state: EngagementState; serverNow: () => number }) {
  const { t } = useTranslation();
  const styles = useStyles();
  usePageTitle(t('a11y.title.stage'), state.settings.title);
  useFloorAnnouncement(state, null);
  const question = openQuestion(state);
  const speaker = currentSpeaker(state);
  const next = waitingList(state, question?.id ?? null).slice(0, 3);
  return (
    <main aria-label={t('stage.label')} className={styles.stage}>
      <header>
        <div dir="auto" className={styles.engagement}>
          {state.settings.title}
        </div>
        <h1 dir="auto" className={styles.question} data-testid="stage-question">
          {question ? question.text : t('stage.noQuestion')}
        </h1>
      </header>
      <section aria-labelledby="stage-speaker" className={styles.floor}>
        <h2 id="stage-speaker" className={styles.floorHeading}>
          {speaker ? t('stage.hasTheFloor') : t('stage.waiting')}
        </h2>
        {speaker && (
          <div className={styles.speaker}>
            <div className={styles.who}>
              <div dir="auto" className={styles.name} data-testid="speaker-name">
                {nameOf(speaker.participant)}
              </div>
              <div dir="auto" className={styles.org}>
                {orgOf(speaker.participant)}
              </div>
            </div>
            <Countdown intervention={speaker.intervention} serverNow={serverNow} className={styles.clock} />
          </div>
        )}
      </section>
      <section aria-labelledby="stage-next">
        <h2 id="stage-next" className={styles.nextHeading}>
          {t('stage.next')}
        </h2>
        {next.length === 0 ? (
          <p className={styles.nobody}>{t('stage.nobodyWaiting')}</p>
        ) : (
          <ol className={styles.list}>
            {next.map(({ request, participant }) => (
              <li key={request.id}>
                <bdi>{nameOf(participant)}</bdi>
                {participant?.organization ? (
                  <span className={styles.secondary}>
                    {' — '}
                    <bdi>{participant.organization}</bdi>
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
