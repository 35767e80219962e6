import { Body1, Button, Field, Textarea, Title3, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { EngagementState, Membership } from '../../../../server/domain/index.js';
import { Countdown } from '../../components/Countdown.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { currentSpeaker, formatMinutes, myLiveRequest, nameOf, openQuestion, orgOf, placeInLine } from '../shared/selectors.js';

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
  const [note, setNote] = useState('');
  const question = openQuestion(state);
  const speaker = currentSpeaker(state);
  const mine = myLiveRequest(state, me);
  const iSpeak = Boolean(speaker && mine && speaker.request.id === mine.id);
  const line = mine && mine.status === 'waiting' ? placeInLine(state, mine.id, now) : null;
  const canRequest = me?.status === 'approved' && (me.role === 'stakeholder' || me.role === 'delegation');

  return (
    <section aria-labelledby="floor-h" style={{ display: 'grid', gap: 8 }}>
      <Title3 as="h2" id="floor-h">
        {t('floor.title')}
      </Title3>
      {iSpeak && speaker ? (
        <div
          role="status"
          style={{ padding: 12, borderRadius: 8, background: tokens.colorBrandBackground2, border: `2px solid ${tokens.colorBrandStroke1}` }}
        >
          <div style={{ fontSize: 24, fontWeight: 700 }} data-testid="you-have-the-floor">
            {t('floor.youHaveIt')}
          </div>
          <Countdown intervention={speaker.intervention} serverNow={serverNow} size={56} label={t('floor.yourTimeLeft')} />
        </div>
      ) : speaker ? (
        <div>
          <Body1 as="p" aria-live="polite" style={{ margin: 0 }}>
            <Trans
              t={t}
              i18nKey={orgOf(speaker.participant) ? 'floor.hasTheFloorOrg' : 'floor.hasTheFloor'}
              values={{ name: nameOf(speaker.participant), organization: orgOf(speaker.participant) }}
              components={{ name: <strong data-testid="speaker-name" style={{ unicodeBidi: 'isolate' }} />, org: <bdi /> }}
            />
          </Body1>
          <Countdown intervention={speaker.intervention} serverNow={serverNow} size={32} />
        </div>
      ) : (
        <Body1 as="p">{t('floor.nobody')}</Body1>
      )}

      {mine && mine.status === 'waiting' && (
        <div>
          <Body1 as="p" data-testid="place-in-line">
            {line ? t('floor.placeInLine', { place: line.place, wait: formatMinutes(line.waitSeconds) }) : t('floor.inLine')}
          </Body1>
          <Button onClick={() => void commands.run({ type: 'floor.withdraw', requestId: mine.id })} disabled={commands.busy}>
            {t('floor.withdraw')}
          </Button>
        </div>
      )}

      {!mine && question && canRequest && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void commands.run({ type: 'floor.request', questionId: question.id, ...(note.trim() ? { note: note.trim() } : {}) }).then((r) => {
              if (r) setNote('');
            });
          }}
          style={{ display: 'grid', gap: 8 }}
        >
          <Field label={t('floor.noteLabel')} hint={t('floor.noteHint')}>
            <Textarea value={note} onChange={(_, d) => setNote(d.value)} maxLength={500} resize="vertical" />
          </Field>
          <Button appearance="primary" type="submit" disabled={commands.busy}>
            {t('floor.request')}
          </Button>
        </form>
      )}
      {!mine && !question && <Body1 as="p">{t('floor.noQuestion')}</Body1>}
      {!mine && question && !canRequest && me?.status !== 'approved' && (
        <Body1 as="p">{t('floor.afterApproval')}</Body1>
      )}
    </section>
  );
}
