import { Body1, Button, Field, Input, Radio, RadioGroup, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title3, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { EngagementState } from '../../../../server/domain/index.js';
import { projectedEnd } from '../../../../server/domain/floor/timeBudget.js';
import { previewReplan, type ReplanPreview } from '../../api/endpoints.js';
import { errorMessage } from '../../api/problem.js';
import { ErrorBar } from '../../components/ErrorBar.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { fromLocalInput, toLocalInput } from '../shared/localTime.js';
import { nameOf } from '../shared/selectors.js';

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '—');
const speakers = (n: number) => `${n} speaker${n === 1 ? '' : 's'}`;
const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60000);

/** Planned against actual, the projected end against the hard stop, and a re-plan shown before it applies. */
export function TimeBudget({ state, now, commands }: { state: EngagementState; now: number; commands: CommandRunner }) {
  const [hardStop, setHardStop] = useState(toLocalInput(state.hardStop));
  // Another member of the Chair's team may set it: follow the engagement.
  useEffect(() => setHardStop(toLocalInput(state.hardStop)), [state.hardStop]);
  const [strategy, setStrategy] = useState<'shorten' | 'cap'>('shorten');
  const [minSeconds, setMinSeconds] = useState('60');
  const [preview, setPreview] = useState<ReplanPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const nowIso = new Date(now).toISOString();
  const projected = projectedEnd(state, nowIso);
  const late = projected && state.hardStop ? Math.ceil((Date.parse(projected) - Date.parse(state.hardStop)) / 60000) : null;

  const askPreview = async () => {
    setPreviewError(null);
    setPreview(null);
    try {
      setPreview(await previewReplan(state.id, strategy, Number(minSeconds) || undefined));
    } catch (failure) {
      setPreviewError(errorMessage(failure));
    }
  };
  const apply = async () => {
    if (!preview) return;
    const result = await commands.run({ type: 'time.replan', strategy: preview.strategy, minSeconds: preview.minSeconds, questionId: preview.questionId });
    if (result) setPreview(null);
  };
  const who = (id: string) => nameOf(state.participants[state.requests[id]?.participantId ?? '']);

  return (
    <section aria-labelledby="time-h" style={{ display: 'grid', gap: 12 }}>
      <Title3 as="h3" id="time-h">
        Time budget
      </Title3>
      <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap' }}>
        <div>
          <Body1>Projected end</Body1>
          <div style={{ fontSize: 24, fontWeight: 700 }} data-testid="projected-end">
            {time(projected)}
          </div>
        </div>
        <div>
          <Body1>Hard stop</Body1>
          <div style={{ fontSize: 24, fontWeight: 700 }}>{time(state.hardStop)}</div>
        </div>
        {late !== null && (
          <div role="status" style={{ alignSelf: 'end', color: late > 0 ? tokens.colorPaletteRedForeground1 : tokens.colorPaletteGreenForeground1, fontWeight: 600 }}>
            {late > 0 ? `${late} min past the hard stop: re-plan below.` : 'On time.'}
          </div>
        )}
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void commands.run({ type: 'time.setHardStop', at: fromLocalInput(hardStop) });
        }}
        style={{ display: 'flex', gap: 8, alignItems: 'end', flexWrap: 'wrap' }}
      >
        <Field label="Hard stop (your local time)">
          <Input type="datetime-local" value={hardStop} onChange={(_, d) => setHardStop(d.value)} />
        </Field>
        <Button type="submit" disabled={commands.busy}>
          Set hard stop
        </Button>
      </form>

      <Table size="small" aria-label="Agenda: planned and actual minutes">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Agenda item</TableHeaderCell>
            <TableHeaderCell>Planned</TableHeaderCell>
            <TableHeaderCell>Actual</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {state.agenda.length === 0 ? (
            <TableRow>
              <TableCell colSpan={3}>No agenda yet: add items under Prepare.</TableCell>
            </TableRow>
          ) : (
            state.agenda.map((item) => {
              const actual = item.startedAt ? minutesBetween(item.startedAt, item.endedAt ?? nowIso) : null;
              return (
                <TableRow key={item.id} aria-current={item.id === state.currentAgendaItemId ? 'step' : undefined}>
                  <TableCell>
                    {item.title}
                    {item.id === state.currentAgendaItemId ? ' (now)' : ''}
                  </TableCell>
                  <TableCell>{item.plannedMinutes} min</TableCell>
                  <TableCell style={{ color: actual !== null && actual > item.plannedMinutes ? tokens.colorPaletteRedForeground1 : undefined }}>
                    {actual === null ? '—' : `${actual} min${item.endedAt ? '' : ' so far'}`}
                  </TableCell>
                </TableRow>
              );
            })
          )}
        </TableBody>
      </Table>

      <div style={{ display: 'grid', gap: 8 }}>
        <Title3 as="h4" style={{ fontSize: 16 }}>
          Re-plan the open question’s speakers list
        </Title3>
        <div style={{ display: 'flex', gap: 12, alignItems: 'end', flexWrap: 'wrap' }}>
          <Field label="Strategy">
            <RadioGroup value={strategy} onChange={(_, d) => setStrategy(d.value as 'shorten' | 'cap')} layout="horizontal">
              <Radio value="shorten" label="Shorten every allowance" />
              <Radio value="cap" label="Cap the list, defer the rest to writing" />
            </RadioGroup>
          </Field>
          <Field label="Shortest allowance (seconds)">
            <Input type="number" min={10} max={600} value={minSeconds} onChange={(_, d) => setMinSeconds(d.value)} style={{ width: 100 }} />
          </Field>
          <Button onClick={() => void askPreview()}>Preview</Button>
        </div>
        <ErrorBar message={previewError} title="No re-plan possible" onDismiss={() => setPreviewError(null)} />
        {preview && (
          <div role="region" aria-label="Re-plan preview" style={{ padding: 12, border: `1px dashed ${tokens.colorNeutralStroke1}`, borderRadius: 8 }}>
            <Body1 as="p" style={{ marginTop: 0 }}>
              {Math.floor(preview.availableSeconds / 60)} min {preview.availableSeconds % 60} s are left for this question’s speakers.{' '}
              {preview.strategy === 'shorten'
                ? `Each of the ${speakers(preview.keptRequestIds.length)} waiting would get ${preview.allowanceSeconds} seconds.`
                : `${speakers(preview.keptRequestIds.length)} would be heard; ${preview.deferredRequestIds.length} would be invited to submit in writing.`}{' '}
              {preview.fits ? 'This fits before the hard stop.' : 'Even so, it does not fit before the hard stop.'}
            </Body1>
            {preview.deferredRequestIds.length > 0 && <Body1 as="p">Deferred: {preview.deferredRequestIds.map(who).join(', ')}.</Body1>}
            <div style={{ display: 'flex', gap: 8 }}>
              <Button appearance="primary" disabled={commands.busy} onClick={() => void apply()}>
                Apply this re-plan
              </Button>
              <Button onClick={() => setPreview(null)}>Cancel</Button>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
