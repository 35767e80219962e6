import { Button, Field, Radio, RadioGroup, Select, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import type { Question } from '../../../../server/domain/index.js';
import type { BreakoutRound } from '../../../../server/domain/breakouts/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { runBreakoutCommand } from './runBreakoutCommand.js';

const PREFERENCE_PLACES = ['breakouts.choice1', 'breakouts.choice2', 'breakouts.choice3'] as const;

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
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const myPreferences = Object.values(round.preferences)[0] ?? [];
  const [picked, setPicked] = useState(mine ?? '');
  const [ranked, setRanked] = useState<string[]>(() => PREFERENCE_PLACES.map((_, i) => myPreferences[i] ?? ''));
  const [saved, setSaved] = useState<string | null>(null);
  const questionOf = (id: string | null) => (id ? questions.find((q) => q.id === id)?.text : undefined);
  const headingId = `choose-h-${round.id}`;

  if (round.mode === 'self-select') {
    const choose = async () => {
      const result = await runBreakoutCommand(commands, { type: 'breakouts.choose', roundId: round.id, roomId: picked });
      if (result) setSaved(t('breakouts.youAreIn', { theme: round.rooms.find((r) => r.id === picked)?.theme ?? t('breakouts.theRoom') }));
    };
    return (
      <section aria-labelledby={headingId} className={layout.stack}>
        <Title3 block as="h2" id={headingId}>
          {t('breakouts.chooseRoom')}
        </Title3>
        <RadioGroup value={picked} onChange={(_, d) => setPicked(d.value)} aria-labelledby={headingId}>
          {round.rooms.map((room) => (
            <Radio
              key={room.id}
              value={room.id}
              label={
                <span>
                  <strong>{room.theme}</strong> {t('breakouts.upTo', { capacity: room.capacity })}
                  {questionOf(room.questionId) && (
                    <span className={layout.block}>{t('breakouts.on', { question: questionOf(room.questionId) })}</span>
                  )}
                  {mine === room.id && <span className={layout.block}>{t('breakouts.yourRoomNow')}</span>}
                </span>
              }
            />
          ))}
        </RadioGroup>
        <Button appearance="primary" disabledFocusable={!picked || picked === mine || commands.busy} onClick={choose}>
          {mine ? t('breakouts.moveHere') : t('breakouts.takeRoom')}
        </Button>
        {saved && <p role="status">{saved}</p>}
      </section>
    );
  }

  // balanced: only while planned
  const save = async () => {
    const preferences = ranked.filter((id, i) => id && ranked.indexOf(id) === i);
    const result = await runBreakoutCommand(commands, { type: 'breakouts.choose', roundId: round.id, preferences });
    if (result) setSaved(preferences.length ? t('breakouts.prefsSaved') : t('breakouts.prefsCleared'));
  };
  return (
    <section aria-labelledby={headingId} className={layout.stack}>
      <Title3 block as="h2" id={headingId}>
        {t('breakouts.whichRooms')}
      </Title3>
      <p className={layout.plain}>{t('breakouts.balancedNote')}</p>
      {PREFERENCE_PLACES.map((place, i) => (
        <Field key={place} label={t(place)}>
          <Select value={ranked[i]} onChange={(_, d) => setRanked(ranked.map((v, j) => (j === i ? d.value : v)))}>
            <option value="">{t('breakouts.noPreference')}</option>
            {round.rooms.map((room) => (
              <option key={room.id} value={room.id} disabled={ranked.includes(room.id) && ranked[i] !== room.id}>
                {t('breakouts.roomUpTo', { theme: room.theme, capacity: room.capacity })}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Button appearance="primary" onClick={save} disabledFocusable={commands.busy}>
        {t('breakouts.savePrefs')}
      </Button>
      {saved && <p role="status">{saved}</p>}
    </section>
  );
}
