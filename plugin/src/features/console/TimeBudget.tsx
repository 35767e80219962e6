import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementState } from '../../../../server/domain/index.js';
import { projectedEnd } from '../../../../server/domain/floor/timeBudget.js';
import { previewReplan, type ReplanPreview } from '../../api/endpoints.js';
import { errorMessage } from '../../api/problem.js';
import { ErrorBar } from '../../components/ErrorBar.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { formatTime } from '../../i18n/format.js';
import { i18n } from '../../i18n/i18n.js';
import { fromLocalInput, toLocalInput } from '../shared/localTime.js';
import { nameOf } from '../shared/selectors.js';
import { MeetingEndOffer } from './MeetingEndOffer.js';

const useStyles = makeStyles({
  section: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM },
  figures: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap' },
  figure: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightBold },
  verdict: { alignSelf: 'end', fontWeight: tokens.fontWeightSemibold },
  late: { color: tokens.colorPaletteRedForeground1 },
  onTime: { color: tokens.colorPaletteGreenForeground1 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  wideRow: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  stack: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS },
  subheading: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  seconds: { width: '7rem' },
  preview: {
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  previewText: { marginTop: 0 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const time = (iso: string | null) => (iso ? formatTime(iso) : '—');
const speakers = (n: number) => i18n.t('console.time.speakers', { count: n });
const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60000);

/** Planned against actual, the projected end against the hard stop, and a re-plan shown before it applies. */
export function TimeBudget({ state, now, commands }: { state: EngagementState; now: number; commands: CommandRunner }) {
  const styles = useStyles();
  const { t } = useTranslation();
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
    const result = await commands.run({
      type: 'time.replan',
      strategy: preview.strategy,
      minSeconds: preview.minSeconds,
      questionId: preview.questionId,
    });
    if (result) setPreview(null);
  };
  const who = (id: string) => nameOf(state.participants[state.requests[id]?.participantId ?? '']);

  return (
    <section aria-labelledby="time-h" className={styles.section}>
      <Title3 as="h2" id="time-h">
        {t('console.time.title')}
      </Title3>
      <div className={styles.figures}>
        <div>
          <Body1>{t('console.time.projectedEnd')}</Body1>
          <div className={styles.figure} data-testid="projected-end">
            {time(projected)}
          </div>
        </div>
        <div>
          <Body1>{t('console.time.hardStop')}</Body1>
          <div className={styles.figure}>{time(state.hardStop)}</div>
        </div>
        {late !== null && (
          <div role="status" className={mergeClasses(styles.verdict, late > 0 ? styles.late : styles.onTime)}>
            {late > 0 ? t('console.time.late', { minutes: late }) : t('console.time.onTime')}
          </div>
        )}
      </div>
      <MeetingEndOffer hardStop={state.hardStop} now={now} commands={commands} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void commands.run({ type: 'time.setHardStop', at: fromLocalInput(hardStop) });
        }}
        className={styles.row}
      >
        <Field label={t('console.time.hardStopLocal')}>
          <Input type="datetime-local" value={hardStop} onChange={(_, d) => setHardStop(d.value)} />
        </Field>
        <Button type="submit" disabledFocusable={commands.busy}>
          {t('console.time.setHardStop')}
        </Button>
      </form>

      <AgendaTimeTable state={state} nowIso={nowIso} />

      <div className={styles.stack}>
        <Title3 as="h3" className={styles.subheading}>
          {t('console.time.replanTitle')}
        </Title3>
        <div className={styles.wideRow}>
          <Field label={t('console.time.strategy')}>
            <RadioGroup value={strategy} onChange={(_, d) => setStrategy(d.value as 'shorten' | 'cap')} layout="horizontal">
              <Radio value="shorten" label={t('console.time.shorten')} />
              <Radio value="cap" label={t('console.time.cap')} />
            </RadioGroup>
          </Field>
          <Field label={t('console.time.shortest')}>
            <Input
              type="number"
              min={10}
              max={600}
              value={minSeconds}
              onChange={(_, d) => setMinSeconds(d.value)}
              className={styles.seconds}
            />
          </Field>
          <Button onClick={() => void askPreview()}>{t('console.time.preview')}</Button>
        </div>
        <ErrorBar message={previewError} title={t('console.time.noReplan')} onDismiss={() => setPreviewError(null)} />
        {preview && (
          <div role="region" aria-label={t('console.time.previewLabel')} className={styles.preview}>
            <Body1 as="p" className={styles.previewText}>
              {t('console.time.available', { minutes: Math.floor(preview.availableSeconds / 60), seconds: preview.availableSeconds % 60 })}{' '}
              {preview.strategy === 'shorten'
                ? t('console.time.eachGets', { speakers: speakers(preview.keptRequestIds.length), seconds: preview.allowanceSeconds })
                : t('console.time.capped', {
                    speakers: speakers(preview.keptRequestIds.length),
                    count: preview.deferredRequestIds.length,
                  })}{' '}
              {preview.fits ? t('console.time.fits') : t('console.time.doesNotFit')}
            </Body1>
            {preview.deferredRequestIds.length > 0 && (
              <Body1 as="p">
                {t('console.time.deferred', {
                  names: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(preview.deferredRequestIds.map(who)),
                })}
              </Body1>
            )}
            <div className={styles.buttons}>
              <Button appearance="primary" disabledFocusable={commands.busy} onClick={() => void apply()}>
                {t('console.time.apply')}
              </Button>
              <Button onClick={() => setPreview(null)}>{t('console.time.cancel')}</Button>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}

/** Each agenda item's planned minutes beside the minutes it took (or has taken so far). */
function AgendaTimeTable({ state, nowIso }: { state: EngagementState; nowIso: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Table size="small" aria-label={t('console.time.agendaTable')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('console.time.agendaItem')}</TableHeaderCell>
          <TableHeaderCell>{t('console.time.planned')}</TableHeaderCell>
          <TableHeaderCell>{t('console.time.actual')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {state.agenda.length === 0 ? (
          <TableRow>
            <TableCell colSpan={3}>{t('console.time.noAgenda')}</TableCell>
          </TableRow>
        ) : (
          state.agenda.map((item) => {
            const actual = item.startedAt ? minutesBetween(item.startedAt, item.endedAt ?? nowIso) : null;
            return (
              <TableRow key={item.id} aria-current={item.id === state.currentAgendaItemId ? 'step' : undefined}>
                <TableCell>{item.id === state.currentAgendaItemId ? t('console.time.now', { title: item.title }) : item.title}</TableCell>
                <TableCell>{t('console.time.minutes', { minutes: item.plannedMinutes })}</TableCell>
                <TableCell className={actual !== null && actual > item.plannedMinutes ? styles.late : undefined}>
                  {actual === null ? '—' : t(item.endedAt ? 'console.time.minutes' : 'console.time.minutesSoFar', { minutes: actual })}
                </TableCell>
              </TableRow>
            );
          })
        )}
      </TableBody>
    </Table>
  );
}
