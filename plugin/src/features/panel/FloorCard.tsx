import { Body1, Button, Field, makeStyles, Textarea, Title3, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { FloorRequest as FloorRequestCommand } from '../../../../server/domain/commands.js';
import { mayAskForTheFloor } from '../../../../server/domain/floor/floorClosing.js';
import type { EngagementState, Membership } from '../../../../server/domain/index.js';
import { useAnnounce } from '../../components/Announcer.js';
import { Countdown } from '../../components/Countdown.js';
import { cancelFocusWhenShown, focusWhenShown, useFocusWhenShown } from '../../components/focusWhenShown.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { currentSpeaker, formatMinutes, myLiveRequest, nameOf, openQuestion, orgOf, placeInLine } from '../shared/selectors.js';

/** The note's limit is the command's own (server/domain/commands.ts), not a number repeated here. */
const NOTE_MAX = FloorRequestCommand.shape.note.unwrap().maxLength ?? undefined;

const useStyles = makeStyles({
  card: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS },
  mine: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  youHaveIt: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightBold },
  plain: { margin: 0 },
  name: { unicodeBidi: 'isolate' },
  form: { display: 'grid', gap: tokens.spacingVerticalS },
  place: { ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  /** 56 px at the usual size; bounded by the panel's width so that enlarged text never pushes it out of a 320 px panel. */
  myClock: { fontSize: 'min(3.5rem, 18vw)' },
  /** Someone else's time: 32 px at the usual size. */
  clock: { fontSize: tokens.fontSizeHero800 },
});

const PLACE_FOCUS = 'floor-place';
const REQUEST_FOCUS = 'floor-request';

/** The floor, from one participant's side: who speaks, my place and wait, or my countdown when I speak. */
export function FloorCard({
  state,
  me,
  now,
  serverNow,
  commands,
}: {
  state: EngagementState;
  me: Membership | null;
  now: number;
  serverNow: () => number;
  commands: CommandRunner;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const announce = useAnnounce();
  const [note, setNote] = useState('');
  const placeRef = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const question = openQuestion(state);
  const speaker = currentSpeaker(state);
  const mine = myLiveRequest(state, me);
  const iSpeak = Boolean(speaker && mine && speaker.request.id === mine.id);
  const line = mine && mine.status === 'waiting' ? placeInLine(state, mine.id, now) : null;
  // FLOOR-3: the domain's own predicate, so that the panel offers exactly what the server accepts.
  const canRequest = me?.status === 'approved' && me.role !== null && mayAskForTheFloor(me.role);
  const waitingId = mine && mine.status === 'waiting' ? mine.id : null;

  // After Request the floor the form gives way to the place in line: focus goes there (WCAG 2.4.3).
  useFocusWhenShown(PLACE_FOCUS, placeRef, waitingId);
  // After Withdraw, back to the request form.
  useFocusWhenShown(REQUEST_FOCUS, noteRef, !mine && question && canRequest ? question.id : null);

  // The request was taken: say where in line, once (4.1.3).
  const announced = useRef<string | null>(waitingId);
  useEffect(() => {
    if (!waitingId || announced.current === waitingId) return;
    announced.current = waitingId;
    announce(line ? t('a11y.announce.placeInLine', { place: line.place }) : t('a11y.announce.requestReceived'));
  }, [waitingId, line, announce, t]);

  const request = () => {
    focusWhenShown(PLACE_FOCUS);
    void commands.run({ type: 'floor.request', questionId: question!.id, ...(note.trim() ? { note: note.trim() } : {}) }).then((r) => {
      if (r) setNote('');
      else cancelFocusWhenShown(PLACE_FOCUS);
    });
  };
  const withdraw = (requestId: string) => {
    focusWhenShown(REQUEST_FOCUS);
    void commands.run({ type: 'floor.withdraw', requestId }).then((r) => {
      if (r) announce(t('a11y.announce.withdrawn'));
      else cancelFocusWhenShown(REQUEST_FOCUS);
    });
  };

  return (
    <section aria-labelledby="floor-h" className={styles.card}>
      <Title3 as="h2" id="floor-h">
        {t('floor.title')}
      </Title3>
      {iSpeak && speaker ? (
        // No live region here: the clock inside is a timer; "You have the floor" is said by the panel's announcer.
        <div className={styles.mine}>
          <div className={styles.youHaveIt} data-testid="you-have-the-floor">
            {t('floor.youHaveIt')}
          </div>
          <Countdown intervention={speaker.intervention} serverNow={serverNow} className={styles.myClock} label={t('floor.yourTimeLeft')} />
        </div>
      ) : speaker ? (
        <div>
          <Body1 as="p" className={styles.plain}>
            <Trans
              t={t}
              i18nKey={orgOf(speaker.participant) ? 'floor.hasTheFloorOrg' : 'floor.hasTheFloor'}
              values={{ name: nameOf(speaker.participant), organization: orgOf(speaker.participant) }}
              components={{ name: <strong data-testid="speaker-name" className={styles.name} />, org: <bdi /> }}
            />
          </Body1>
          <Countdown intervention={speaker.intervention} serverNow={serverNow} className={styles.clock} />
        </div>
      ) : (
        <Body1 as="p">{t('floor.nobody')}</Body1>
      )}

      {mine && mine.status === 'waiting' && (
        <div>
          <div ref={placeRef} tabIndex={-1} className={styles.place}>
            <Body1 as="p" data-testid="place-in-line">
              {line ? t('floor.placeInLine', { place: line.place, wait: formatMinutes(line.waitSeconds) }) : t('floor.inLine')}
            </Body1>
          </div>
          <Button onClick={() => withdraw(mine.id)} disabledFocusable={commands.busy}>
            {t('floor.withdraw')}
          </Button>
        </div>
      )}

      {!mine && question && canRequest && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!commands.busy) request();
          }}
          className={styles.form}
        >
          <Field label={t('floor.noteLabel')} hint={t('floor.noteHint')}>
            <Textarea ref={noteRef} value={note} onChange={(_, d) => setNote(d.value)} maxLength={NOTE_MAX} resize="vertical" />
          </Field>
          <Button appearance="primary" type="submit" disabledFocusable={commands.busy}>
            {t('floor.request')}
          </Button>
        </form>
      )}
      {!mine && !question && <Body1 as="p">{t('floor.noQuestion')}</Body1>}
      {!mine && question && !canRequest && me?.status !== 'approved' && <Body1 as="p">{t('floor.afterApproval')}</Body1>}
    </section>
  );
}
