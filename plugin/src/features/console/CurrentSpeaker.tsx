import { Body1, Button, Title3, tokens } from '@fluentui/react-components';
import { PauseRegular, PlayRegular, AddRegular, StopRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { EngagementState } from '../../../../server/domain/index.js';
import { Countdown } from '../../components/Countdown.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { currentSpeaker, nameOf, orgOf, waitingList } from '../shared/selectors.js';

/** Who has the floor and the Chair's controls for the running intervention. */
export function CurrentSpeaker({ state, serverNow, commands }: { state: EngagementState; serverNow: () => number; commands: CommandRunner }) {
  const { t } = useTranslation();
  const speaker = currentSpeaker(state);
  const waiting = waitingList(state, state.openQuestionId);
  const busy = commands.busy;
  // FLOOR-2: never two speakers, so "next" first ends the current intervention, then gives the floor.
  const next = async () => {
    if (speaker && !(await commands.run({ type: 'floor.end' }))) return;
    await commands.run({ type: 'floor.give' });
  };
  return (
    <section aria-labelledby="current-h" style={{ padding: 12, borderRadius: 8, border: `1px solid ${tokens.colorNeutralStroke1}` }}>
      <Title3 as="h3" id="current-h">
        {t('console.current.title')}
      </Title3>
      {speaker ? (
        <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap', justifyContent: 'space-between' }}>
          <div aria-live="polite">
            <div style={{ fontSize: 24, fontWeight: 700, lineHeight: 1.2 }} data-testid="speaker-name">
              {nameOf(speaker.participant)}
            </div>
            <Body1>{orgOf(speaker.participant)}</Body1>
            {speaker.request.note && (
              <Body1 as="p" style={{ margin: '4px 0 0' }}>
                {t('console.current.note', { note: speaker.request.note })}
              </Body1>
            )}
          </div>
          <Countdown intervention={speaker.intervention} serverNow={serverNow} size={56} />
        </div>
      ) : (
        <Body1 as="p">
          {t('console.current.nobody')}{' '}
          {state.openQuestionId
            ? waiting.length
              ? t('console.current.giveWhenReady')
              : t('console.current.nobodyWaiting')
            : t('console.current.openQuestionFirst')}
        </Body1>
      )}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 8 }}>
        <Button appearance="primary" disabled={busy || waiting.length === 0} onClick={() => void next()}>
          {speaker ? t('console.current.nextSpeaker') : t('console.current.giveNext')}
        </Button>
        {speaker && !speaker.intervention.pausedAt && (
          <Button icon={<PauseRegular />} disabled={busy} onClick={() => void commands.run({ type: 'floor.pause' })}>
            {t('console.current.pause')}
          </Button>
        )}
        {speaker && speaker.intervention.pausedAt && (
          <Button icon={<PlayRegular />} disabled={busy} onClick={() => void commands.run({ type: 'floor.resume' })}>
            {t('console.current.resume')}
          </Button>
        )}
        {speaker && (
          <Button icon={<AddRegular />} disabled={busy} onClick={() => void commands.run({ type: 'floor.extend', seconds: 60 })}>
            {t('console.current.extend')}
          </Button>
        )}
        {speaker && (
          <Button icon={<StopRegular />} disabled={busy} onClick={() => void commands.run({ type: 'floor.end' })}>
            {t('console.current.end')}
          </Button>
        )}
      </div>
    </section>
  );
}
