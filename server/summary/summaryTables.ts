import {
  categoryLabels,
  categoryShortLabels,
  regionLabels,
  regionShortLabels,
  roleLabels,
  localDateTime,
  localTime,
  localTimeSeconds,
  minutesOrDash,
  outcomeLabel,
} from './labels.js';
import type { Summary } from './Summary.js';
import type { SummaryWords } from './summaryWords.js';

// The annex tables as plain text cells, defined once so that Markdown, HTML, DOCX and PDF show the same
// columns. Cells are unescaped: each renderer escapes for its own format.

export interface TextTable {
  header: string[];
  rows: string[][];
  /** Relative column widths, for formats that lay out their own tables (PDF, DOCX). */
  widths: number[];
}

const dash = (v: string | number | null): string => (v === null ? '—' : String(v));

export function participationTables(summary: Summary, w: SummaryWords): TextTable[] {
  const p = summary.participation;
  const [roles, categories, regions] = [roleLabels(w), categoryLabels(w), regionLabels(w)];
  const count = w.t('table.participants');
  return [
    {
      header: [w.t('table.role'), count],
      rows: Object.entries(p.byRole).map(([k, v]) => [roles[k as keyof typeof roles], String(v)]),
      widths: [3, 1],
    },
    {
      header: [w.t('table.category'), count],
      rows: Object.entries(p.byCategory).map(([k, v]) => [categories[k as keyof typeof categories], String(v)]),
      widths: [3, 1],
    },
    {
      header: [w.t('table.region'), count],
      rows: Object.entries(p.byRegion).map(([k, v]) => [regions[k as keyof typeof regions], String(v)]),
      widths: [3, 1],
    },
  ];
}

const headers = (w: SummaryWords, keys: string[]): string[] => keys.map((k) => w.t(`table.${k}`));

export function agendaTable(summary: Summary, w: SummaryWords): TextTable {
  const tz = summary.metadata.timeZone;
  return {
    header: headers(w, ['agendaItem', 'plannedMin', 'actualMin', 'start', 'end']),
    rows: summary.agenda.map((a) => [
      a.title,
      String(a.plannedMinutes),
      minutesOrDash(a.actualMinutes),
      localTime(a.startedAt, tz),
      localTime(a.endedAt, tz),
    ]),
    widths: [5, 2, 2, 1.5, 1.5],
  };
}

export function inputsTable(summary: Summary, w: SummaryWords): TextTable {
  const tz = summary.metadata.timeZone;
  return {
    header: headers(w, ['title', 'organization', 'questionShort', 'submitted', 'attachments']),
    rows: summary.annexes.writtenInputs.map((i) => [
      i.title,
      i.organization,
      dash(i.questionNumber),
      localDateTime(i.submittedAt, tz),
      i.attachments.length === 0 ? '—' : i.attachments.map((a) => a.filename ?? a.id).join('; '),
    ]),
    widths: [4, 3, 0.6, 2.2, 2.2],
  };
}

export function speakersTable(summary: Summary, w: SummaryWords): TextTable {
  const tz = summary.metadata.timeZone;
  // Seconds as plain numbers: the audit is to the second, and narrow columns stay readable in print.
  return {
    header: headers(w, ['requested', 'organization', 'name', 'questionShort', 'outcome', 'allowedS', 'spokeS', 'overrunS', 'writtenInput']),
    rows: summary.annexes.speakersList.map((r) => [
      localTimeSeconds(r.requestedAt, tz),
      r.organization,
      r.name,
      dash(r.questionNumber),
      outcomeLabel(r, w),
      String(r.allowanceSeconds + (r.extendedSeconds ?? 0)),
      dash(r.spokeSeconds),
      dash(r.overrunSeconds),
      dash(r.writtenInputTitle),
    ]),
    widths: [1.8, 2.6, 2.2, 0.5, 2.8, 1.5, 1.5, 1.5, 2.4],
  };
}

export function timeUseTable(summary: Summary, w: SummaryWords): TextTable {
  return {
    header: headers(w, ['agendaItem', 'plannedMin', 'actualMin', 'differenceMin']),
    rows: summary.timeUse.map((t) => [
      t.label,
      String(t.plannedMinutes),
      minutesOrDash(t.actualMinutes),
      t.actualMinutes === null ? '—' : signed(t.actualMinutes - t.plannedMinutes),
    ]),
    widths: [5, 2, 2, 2],
  };
}

type Round = NonNullable<Summary['breakouts']>['rounds'][number];
type Room = Round['rooms'][number];

const mixCell = <K extends string>(counts: Record<K, number>, labels: Record<K, string>): string =>
  (Object.entries(counts) as [K, number][])
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${labels[k]} ${n}`)
    .join('; ') || '—';

/** One row per room of a round: theme, question, how many were assigned and joined, and the mix. */
export function breakoutRoomsTable(round: Round, w: SummaryWords): TextTable {
  const [categories, regions] = [categoryShortLabels(w), regionShortLabels(w)];
  return {
    header: headers(w, ['room', 'theme', 'questionShort', 'assigned', 'joined', 'byCategory', 'byRegion']),
    rows: round.rooms.map((r) => [
      r.name,
      dash(r.theme),
      dash(r.questionNumber ?? null),
      String(r.participants),
      dash(r.attended ?? null),
      mixCell(r.byCategory, categories),
      mixCell(r.byRegion, regions),
    ]),
    widths: [1.2, 3, 0.5, 1.1, 1, 3, 3],
  };
}

/** A room report's implementation steps, or null when it has none. */
export function implementationTable(room: Room, w: SummaryWords): TextTable | null {
  const steps = room.report?.implementation ?? [];
  if (steps.length === 0) return null;
  return { header: headers(w, ['who', 'what', 'when']), rows: steps.map((s) => [s.who, s.what, s.when]), widths: [3, 6, 2] };
}

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));
