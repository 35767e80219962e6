import { assertNever } from '../domain/events.js';
import type { Category, Role } from '../domain/vocabulary.js';
import type { AuditRow, Proposal, ProposalKind, Summary } from './Summary.js';

// The words every renderer prints for the summary's closed sets and times, in one place so that the six
// formats say the same thing.

export const CATEGORY_LABELS: Record<Category, string> = {
  ngo: 'Non-governmental organizations',
  academia: 'Academia',
  'private-sector': 'Private sector',
  'technical-community': 'Technical community',
  intergovernmental: 'Intergovernmental organizations',
  'member-state': 'Member States',
  other: 'Other',
};

export const ROLE_LABELS: Record<Role, string> = {
  chair: 'Chair',
  secretariat: 'Secretariat',
  delegation: 'Delegations',
  stakeholder: 'Stakeholders',
  observer: 'Observers',
};

export const REGION_LABELS: Record<keyof Summary['participation']['byRegion'], string> = {
  african: 'African Group',
  'asia-pacific': 'Asia-Pacific Group',
  'eastern-european': 'Eastern European Group',
  grulac: 'Latin American and Caribbean Group (GRULAC)',
  weog: 'Western European and Others Group (WEOG)',
  other: 'Other',
  unspecified: 'Not specified',
};

/** Short forms for the breakout mix cells, where seven long labels would not fit a table column. */
export const CATEGORY_SHORT_LABELS: Record<Category, string> = {
  ngo: 'NGO',
  academia: 'Academia',
  'private-sector': 'Private sector',
  'technical-community': 'Technical community',
  intergovernmental: 'IGO',
  'member-state': 'Member State',
  other: 'Other',
};

export const REGION_SHORT_LABELS: Record<keyof Summary['participation']['byRegion'], string> = {
  african: 'African',
  'asia-pacific': 'Asia-Pacific',
  'eastern-european': 'Eastern European',
  grulac: 'GRULAC',
  weog: 'WEOG',
  other: 'Other',
  unspecified: 'Not specified',
};

export const PROPOSAL_LABELS: Record<ProposalKind, string> = {
  proposal: 'Proposal',
  action: 'Action',
  recommendation: 'Recommendation',
};

/** A proposal's text as printed: one from a breakout report says which room it came from. */
export const proposalText = (p: Proposal): string => (p.breakout ? `${p.text} (breakout room on “${p.breakout.theme}”)` : p.text);

const DEFERRAL_LABELS: Record<string, string> = {
  chair: 'deferred by the Chair',
  replan: 'deferred when the remaining time was re-planned',
  'engagement-ended': 'not reached before the meeting ended',
};

/** The outcome column of the speakers-list annex, in words. */
export function outcomeLabel(row: AuditRow): string {
  switch (row.outcome) {
    case 'heard':
      return 'heard';
    case 'speaking':
      return 'speaking';
    case 'withdrawn':
      return 'withdrawn';
    case 'waiting':
      return 'still waiting';
    case 'skipped':
      return row.reason ? `skipped: ${row.reason}` : 'skipped';
    case 'deferred':
      return row.reason ? DEFERRAL_LABELS[row.reason] ?? `deferred: ${row.reason}` : 'deferred';
    default:
      return assertNever(row.outcome);
  }
}

// Building an Intl.DateTimeFormat is costly (milliseconds); a summary formats hundreds of times in one zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      // An unknown zone (a typo in the settings) prints UTC rather than failing the whole summary.
      fmt = formatterFor('UTC');
    }
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

function parts(iso: string, timeZone: string): Record<string, string> {
  return Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
}

/** YYYY-MM-DD in the engagement's time zone (an unknown zone falls back to UTC). */
export function localDate(iso: string, timeZone: string): string {
  const p = parts(iso, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** HH:MM in the engagement's time zone. */
export function localTime(iso: string | null, timeZone: string): string {
  if (!iso) return '—';
  const p = parts(iso, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** HH:MM:SS in the engagement's time zone (the audit annex is to the second). */
export function localTimeSeconds(iso: string | null, timeZone: string): string {
  if (!iso) return '—';
  const p = parts(iso, timeZone);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** YYYY-MM-DD HH:MM in the engagement's time zone. */
export function localDateTime(iso: string, timeZone: string): string {
  return `${localDate(iso, timeZone)} ${localTime(iso, timeZone)}`;
}

export const minutesOrDash = (m: number | null): string => (m === null ? '—' : String(m));

/** The headings every format uses, so that a reader finds the same words in each. */
export const HEADINGS = {
  title: "Chair's summary",
  questions: 'Discussion on the guiding questions',
  general: 'General discussion',
  breakouts: 'Breakout discussions',
  closing: 'Closing',
  proposals: 'Proposals for implementation',
  breakoutProposals: 'Proposals',
  breakoutImplementation: 'Implementation',
  breakoutOpenQuestions: 'Open questions',
  annexParticipation: 'Annex I. Participation',
  annexAgenda: 'Annex II. Agenda as it ran',
  annexInputs: 'Annex III. Written inputs received',
  annexSpeakers: 'Annex IV. Speakers list',
  annexAttributive: 'Annex V. Attributive record',
  timeUse: 'Time use: planned and actual minutes per agenda item',
} as const;

export function questionHeading(number: number, text: string): string {
  return `Guiding question ${number}: ${text}`;
}

/** The status line under the title (draft, circulated, or the published version). */
export function statusLine(summary: Summary): string {
  const m = summary.metadata;
  const state = m.status === 'published' ? `Published, version ${m.version ?? 1}` : m.status === 'circulated' ? 'Circulated for review' : 'Draft';
  return `${state}. Generated ${m.generatedAt}.`;
}

/** "Date: 2026-11-28 (Europe/Zurich), 09:00–17:00; planned 480 minutes, actual 470 minutes." */
export function metadataLine(summary: Summary): string {
  const m = summary.metadata;
  const date = m.date ?? 'not scheduled';
  const span = m.startedAt ? `, ${localTime(m.startedAt, m.timeZone)}–${localTime(m.endedAt, m.timeZone)}` : '';
  const actual = m.actualMinutes === null ? '' : `, actual ${m.actualMinutes} minutes`;
  return `Date: ${date} (${m.timeZone})${span}; planned ${m.plannedMinutes} minutes${actual}.`;
}
