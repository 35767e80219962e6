import { Body1, Button, Title3, tokens } from '@fluentui/react-components';
import { PauseRegular, PlayRegular, AddRegular, StopRegular } from '@fluentui/react-icons';
import type { EngagementState } from '../../../../server/domain/index.js';
import { Countdown } from '../../components/Countdown.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { currentSpeaker, nameOf, orgOf, waitingList } from '../shared/selectors.js';

/** Who has the floor and the Chair's controls for the running intervention. */
export function CurrentSpeaker({ state, serverNow, commands }: { state: EngagementState; serverNow: () => number; commands: CommandRunner }) {
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
        Has the floor
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
                Note: {speaker.request.note}
              </Body1>
            )}
          </div>
          <Countdown intervention={speaker.intervention} serverNow={serverNow} size={56} />
        </div>
      ) : (
        <Body1 as="p">
          Nobody has the floor.{' '}
          {state.openQuestionId
            ? waiting.length
              ? 'Give the floor to the next speaker when ready.'
              : 'Nobody is waiting yet.'
            : 'Open a guiding question so that participants can request the floor.'}
        </Body1>
      )}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 8 }}>
        <Button appearance="primary" disabled={busy || waiting.length === 0} onClick={() => void next()}>
          {speaker ? 'Next speaker' : 'Give the floor to the next'}
        </Button>
        {speaker && !speaker.intervention.pausedAt && (
          <Button icon={<PauseRegular />} disabled={busy} onClick={() => void commands.run({ type: 'floor.pause' })}>
            Pause
          </Button>
        )}
        {speaker && speaker.intervention.pausedAt && (
          <Button icon={<PlayRegular />} disabled={busy} onClick={() => void commands.run({ type: 'floor.resume' })}>
            Resume
          </Button>
        )}
        {speaker && (
          <Button icon={<AddRegular />} disabled={busy} onClick={() => void commands.run({ type: 'floor.extend', seconds: 60 })}>
            Extend 1 min
          </Button>
        )}
        {speaker && (
          <Button icon={<StopRegular />} disabled={busy} onClick={() => void commands.run({ type: 'floor.end' })}>
            End
          </Button>
        )}
      </div>
    </section>
  );
}
