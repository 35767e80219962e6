import { Body1, Button, Field, Textarea, Title3, tokens } from '@fluentui/react-components';
import { useState } from 'react';
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
        The floor
      </Title3>
      {iSpeak && speaker ? (
        <div
          role="status"
          style={{ padding: 12, borderRadius: 8, background: tokens.colorBrandBackground2, border: `2px solid ${tokens.colorBrandStroke1}` }}
        >
          <div style={{ fontSize: 24, fontWeight: 700 }} data-testid="you-have-the-floor">
            You have the floor
          </div>
          <Countdown intervention={speaker.intervention} serverNow={serverNow} size={56} label="Your time left" />
        </div>
      ) : speaker ? (
        <div>
          <Body1 as="p" aria-live="polite" style={{ margin: 0 }}>
            <strong data-testid="speaker-name">{nameOf(speaker.participant)}</strong>
            {orgOf(speaker.participant) ? ` (${orgOf(speaker.participant)})` : ''} has the floor.
          </Body1>
          <Countdown intervention={speaker.intervention} serverNow={serverNow} size={32} />
        </div>
      ) : (
        <Body1 as="p">Nobody has the floor right now.</Body1>
      )}

      {mine && mine.status === 'waiting' && (
        <div>
          <Body1 as="p" data-testid="place-in-line">
            {line ? (
              <>
                You are number {line.place} in line. Estimated wait: {formatMinutes(line.waitSeconds)}.
              </>
            ) : (
              'You are in line.'
            )}
          </Body1>
          <Button onClick={() => void commands.run({ type: 'floor.withdraw', requestId: mine.id })} disabled={commands.busy}>
            Withdraw my request
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
          <Field label="Note for the Chair (optional)" hint="What you will speak about, in a few words.">
            <Textarea value={note} onChange={(_, d) => setNote(d.value)} maxLength={500} resize="vertical" />
          </Field>
          <Button appearance="primary" type="submit" disabled={commands.busy}>
            Request the floor
          </Button>
        </form>
      )}
      {!mine && !question && <Body1 as="p">The Chair has not opened a question yet. Read the guiding questions below to prepare.</Body1>}
      {!mine && question && !canRequest && me?.status !== 'approved' && (
        <Body1 as="p">You can request the floor once your registration is approved.</Body1>
      )}
    </section>
  );
}
