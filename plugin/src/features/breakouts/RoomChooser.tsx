import { Button, Field, Radio, RadioGroup, Select, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import type { Question } from '../../../../server/domain/index.js';
import type { BreakoutRound } from '../../../../server/domain/breakouts/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { runBreakoutCommand } from './runBreakoutCommand.js';

const PREFERENCE_PLACES = ['First choice', 'Second choice', 'Third choice'] as const;

/**
 * Self-select: pick one room (BREAKOUT-12; choosing again moves you, within capacity). Balanced: up to three
 * rooms, best first, which the automatic assignment honours where balance allows (BREAKOUT-6).
 */
export function RoomChooser({
  round,
  mine,
  questions,
  commands,
}: {
  round: BreakoutRound;
  mine: string | null;
  questions: Question[];
  commands: CommandRunner;
}) {
  const myPreferences = Object.values(round.preferences)[0] ?? [];
  const [picked, setPicked] = useState(mine ?? '');
  const [ranked, setRanked] = useState<string[]>(() => PREFERENCE_PLACES.map((_, i) => myPreferences[i] ?? ''));
  const [saved, setSaved] = useState<string | null>(null);
  const questionOf = (id: string | null) => (id ? questions.find((q) => q.id === id)?.text : undefined);
  const headingId = `choose-h-${round.id}`;

  if (round.mode === 'self-select') {
    const choose = async () => {
      const result = await runBreakoutCommand(commands, { type: 'breakouts.choose', roundId: round.id, roomId: picked });
      if (result) setSaved(`You are in “${round.rooms.find((r) => r.id === picked)?.theme ?? 'the room'}”.`);
    };
    return (
      <section aria-labelledby={headingId} style={{ display: 'grid', gap: 8 }}>
        <Title3 block as="h2" id={headingId}>
          Choose your room
        </Title3>
        <RadioGroup value={picked} onChange={(_, d) => setPicked(d.value)} aria-labelledby={headingId}>
          {round.rooms.map((room) => (
            <Radio
              key={room.id}
              value={room.id}
              label={
                <span>
                  <strong>{room.theme}</strong> — up to {room.capacity} people
                  {questionOf(room.questionId) && <span style={{ display: 'block' }}>On: {questionOf(room.questionId)}</span>}
                  {mine === room.id && <span style={{ display: 'block' }}>(your room now)</span>}
                </span>
              }
            />
          ))}
        </RadioGroup>
        <Button appearance="primary" disabled={!picked || picked === mine || commands.busy} onClick={choose}>
          {mine ? 'Move to this room' : 'Take this room'}
        </Button>
        {saved && <p role="status">{saved}</p>}
      </section>
    );
  }

  // balanced: only while planned
  const save = async () => {
    const preferences = ranked.filter((id, i) => id && ranked.indexOf(id) === i);
    const result = await runBreakoutCommand(commands, { type: 'breakouts.choose', roundId: round.id, preferences });
    if (result) setSaved(preferences.length ? 'Your preferences were saved. The Chair assigns the rooms before the round starts.' : 'Your preferences were cleared.');
  };
  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: 8 }}>
      <Title3 block as="h2" id={headingId}>
        Which rooms would you like?
      </Title3>
      <p style={{ margin: 0 }}>The rooms are balanced by constituency and region; your choices count wherever that balance allows.</p>
      {PREFERENCE_PLACES.map((place, i) => (
        <Field key={place} label={place}>
          <Select value={ranked[i]} onChange={(_, d) => setRanked(ranked.map((v, j) => (j === i ? d.value : v)))}>
            <option value="">No preference</option>
            {round.rooms.map((room) => (
              <option key={room.id} value={room.id} disabled={ranked.includes(room.id) && ranked[i] !== room.id}>
                {room.theme} (up to {room.capacity})
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Button appearance="primary" onClick={save} disabled={commands.busy}>
        Save my preferences
      </Button>
      {saved && <p role="status">{saved}</p>}
    </section>
  );
}
