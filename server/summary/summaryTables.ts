import {
  CATEGORY_LABELS,
  CATEGORY_SHORT_LABELS,
  REGION_SHORT_LABELS,
  REGION_LABELS,
  ROLE_LABELS,
  localDateTime,
  localTime,
  localTimeSeconds,
  minutesOrDash,
  outcomeLabel,
} from './labels.js';
import type { Summary } from './Summary.js';

// The annex tables as plain text cells, defined once so that Markdown, HTML, DOCX and PDF show the same
// columns. Cells are unescaped: each renderer escapes for its own format.

export interface TextTable {
  header: string[];
  rows: string[][];
  /** Relative column widths, for formats that lay out their own tables (PDF, DOCX). */
  widths: number[];
}

const dash = (v: string | number | null): string => (v === null ? '—' : String(v));

export function participationTables(summary: Summary): TextTable[] {
  const p = summary.participation;
  return [
    { header: ['Role', 'Participants'], rows: Object.entries(p.byRole).map(([k, v]) => [ROLE_LABELS[k as keyof typeof ROLE_LABELS], String(v)]), widths: [3, 1] },
    {
      header: ['Category', 'Participants'],
      rows: Object.entries(p.byCategory).map(([k, v]) => [CATEGORY_LABELS[k as keyof typeof CATEGORY_LABELS], String(v)]),
      widths: [3, 1],
    },
    {
      header: ['Regional group', 'Participants'],
      rows: Object.entries(p.byRegion).map(([k, v]) => [REGION_LABELS[k as keyof typeof REGION_LABELS], String(v)]),
      widths: [3, 1],
    },
  ];
}

export function agendaTable(summary: Summary): TextTable {
  const tz = summary.metadata.timeZone;
  return {
    header: ['Agenda item', 'Planned (min)', 'Actual (min)', 'Start', 'End'],
    rows: summary.agenda.map((a) => [a.title, String(a.plannedMinutes), minutesOrDash(a.actualMinutes), localTime(a.startedAt, tz), localTime(a.endedAt, tz)]),
    widths: [5, 2, 2, 1.5, 1.5],
  };
}

export function inputsTable(summary: Summary): TextTable {
  const tz = summary.metadata.timeZone;
  return {
    header: ['Title', 'Organization', 'Q.', 'Submitted', 'Attachments'],
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

export function speakersTable(summary: Summary): TextTable {
  const tz = summary.metadata.timeZone;
  // Seconds as plain numbers: the audit is to the second, and narrow columns stay readable in print.
  return {
    header: ['Requested', 'Organization', 'Name', 'Q.', 'Outcome', 'Allowed (s)', 'Spoke (s)', 'Overrun (s)', 'Written input'],
    rows: summary.annexes.speakersList.map((r) => [
      localTimeSeconds(r.requestedAt, tz),
      r.organization,
      r.name,
      dash(r.questionNumber),
      outcomeLabel(r),
      String(r.allowanceSeconds + (r.extendedSeconds ?? 0)),
      dash(r.spokeSeconds),
      dash(r.overrunSeconds),
      dash(r.writtenInputTitle),
    ]),
    widths: [1.8, 2.6, 2.2, 0.5, 2.8, 1.5, 1.5, 1.5, 2.4],
  };
}

export function timeUseTable(summary: Summary): TextTable {
  return {
    header: ['Agenda item', 'Planned (min)', 'Actual (min)', 'Difference (min)'],
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
export function breakoutRoomsTable(round: Round): TextTable {
  return {
    header: ['Room', 'Theme', 'Q.', 'Assigned', 'Joined', 'By category', 'By region'],
    rows: round.rooms.map((r) => [
      r.name,
      dash(r.theme),
      dash(r.questionNumber ?? null),
      String(r.participants),
      dash(r.attended ?? null),
      mixCell(r.byCategory, CATEGORY_SHORT_LABELS),
      mixCell(r.byRegion, REGION_SHORT_LABELS),
    ]),
    widths: [1.2, 3, 0.5, 1.1, 1, 3, 3],
  };
}

/** A room report's implementation steps, or null when it has none. */
export function implementationTable(room: Room): TextTable | null {
  const steps = room.report?.implementation ?? [];
  if (steps.length === 0) return null;
  return { header: ['Who', 'What', 'When'], rows: steps.map((s) => [s.who, s.what, s.when]), widths: [3, 6, 2] };
}

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));
