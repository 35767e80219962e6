import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import type { EngagementState, Participant } from '../../../../server/domain/index.js';
import { MAX_ROOMS, type BreakoutMode } from '../../../../server/domain/breakouts/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { emptyPlanDraft, emptyRoomDraft, planFromDraft, type PlanDraft, type RoomDraft } from './planDraft.js';
import { runBreakoutCommand } from './runBreakoutCommand.js';

const MODES = ['balanced', 'self-select', 'manual'] as const satisfies readonly BreakoutMode[];

const useStyles = makeStyles({
  // The round's fields side by side where each can be 10rem wide (it grows with the text size).
  fields: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(10rem, 100%), 1fr))',
  },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  room: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(9.375rem, 100%), 1fr))',
    alignItems: 'end',
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
});

/** Plan a round (BREAKOUT-1, BREAKOUT-2): rooms with theme, question, facilitator, rapporteur and capacity. */
export function RoundPlanner({ state, commands, onPlanned }: { state: EngagementState; commands: CommandRunner; onPlanned?: () => void }) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PlanDraft>(emptyPlanDraft);
  const [problems, setProblems] = useState<string[]>([]);
  const people = Object.values(state.participants)
    .filter((p) => p.status === 'approved')
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  // A rapporteur is not an observer (BREAKOUT-2).
  const rapporteurs = people.filter((p) => p.role !== 'observer');
  const breakoutItems = state.agenda.filter((a) => a.kind === 'breakouts');
  const setRoom = (i: number, patch: Partial<RoomDraft>) =>
    setDraft((d) => ({ ...d, rooms: d.rooms.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = planFromDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    if (await runBreakoutCommand(commands, checked.command)) {
      setDraft(emptyPlanDraft());
      onPlanned?.();
    }
  };
  const personOptions = (list: Participant[]) =>
    list.map((p) => (
      <option key={p.id} value={p.id}>
        {p.displayName}
        {p.organization ? ` (${p.organization})` : ''}
      </option>
    ));
  return (
    <section aria-labelledby="plan-round-h">
      <Title3 block as="h2" id="plan-round-h">
        {t('bconsole.planner.title')}
      </Title3>
      {problems.length > 0 && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{t('bconsole.planner.fix', { problems: problems.join(' ') })}</MessageBarBody>
        </MessageBar>
      )}
      <form onSubmit={submit} className={layout.stackWide}>
        <div className={styles.fields}>
          <Field label={t('bconsole.planner.titleOptional')}>
            <Input value={draft.title} onChange={(_, d) => setDraft({ ...draft, title: d.value })} />
          </Field>
          <Field label={t('bconsole.planner.duration')} required>
            <Input
              type="number"
              min={1}
              max={240}
              value={draft.durationMinutes}
              onChange={(_, d) => setDraft({ ...draft, durationMinutes: d.value })}
            />
          </Field>
          <Field label={t('bconsole.planner.reportBack')}>
            <Input
              type="number"
              min={1}
              max={60}
              value={draft.reportBackMinutes}
              onChange={(_, d) => setDraft({ ...draft, reportBackMinutes: d.value })}
            />
          </Field>
          {breakoutItems.length > 0 && (
            <Field label={t('bconsole.planner.agendaItem')}>
              <Select value={draft.agendaItemId} onChange={(_, d) => setDraft({ ...draft, agendaItemId: d.value })}>
                <option value="">{t('bconsole.planner.none')}</option>
                {breakoutItems.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
        <Field label={t('bconsole.planner.how')}>
          <RadioGroup value={draft.mode} onChange={(_, d) => setDraft({ ...draft, mode: d.value as BreakoutMode })}>
            {MODES.map((m) => (
              <Radio key={m} value={m} label={t(`bconsole.planner.modes.${m}`)} />
            ))}
          </RadioGroup>
        </Field>
        <fieldset className={layout.fieldset}>
          <legend className={styles.legend}>{t('bconsole.planner.rooms')}</legend>
          {draft.rooms.map((room, i) => (
            <div key={i} role="group" aria-label={t('bconsole.planner.roomN', { number: i + 1 })} className={styles.room}>
              <Field label={t('bconsole.planner.roomTheme', { number: i + 1 })} required>
                <Input value={room.theme} onChange={(_, d) => setRoom(i, { theme: d.value })} />
              </Field>
              <Field label={t('bconsole.planner.question')}>
                <Select value={room.questionId} onChange={(_, d) => setRoom(i, { questionId: d.value })}>
                  <option value="">{t('bconsole.planner.none')}</option>
                  {state.questions.map((q, n) => (
                    <option key={q.id} value={q.id}>
                      {t('bconsole.planner.questionOption', { number: n + 1, text: q.text })}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('bconsole.planner.facilitator')}>
                <Select value={room.facilitatorId} onChange={(_, d) => setRoom(i, { facilitatorId: d.value })}>
                  <option value="">{t('bconsole.planner.none')}</option>
                  {personOptions(people)}
                </Select>
              </Field>
              <Field label={t('bconsole.planner.rapporteur')}>
                <Select value={room.rapporteurId} onChange={(_, d) => setRoom(i, { rapporteurId: d.value })}>
                  <option value="">{t('bconsole.planner.none')}</option>
                  {personOptions(rapporteurs)}
                </Select>
              </Field>
              <Field label={t('bconsole.planner.capacity')} required>
                <Input type="number" min={1} max={500} value={room.capacity} onChange={(_, d) => setRoom(i, { capacity: d.value })} />
              </Field>
              <Button
                icon={<DeleteRegular />}
                aria-label={t('bconsole.planner.removeRoom', { number: i + 1 })}
                disabled={draft.rooms.length === 1}
                onClick={() => setDraft({ ...draft, rooms: draft.rooms.filter((_, j) => j !== i) })}
              />
            </div>
          ))}
          <Button
            icon={<AddRegular />}
            disabled={draft.rooms.length >= MAX_ROOMS}
            onClick={() => setDraft({ ...draft, rooms: [...draft.rooms, emptyRoomDraft()] })}
          >
            {t('bconsole.planner.addRoom')}
          </Button>
        </fieldset>
        <Button type="submit" appearance="primary" disabledFocusable={commands.busy}>
          {t('bconsole.planner.plan')}
        </Button>
      </form>
    </section>
  );
}
