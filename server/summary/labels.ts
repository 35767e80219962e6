import { assertNever } from '../domain/events.js';
import { CATEGORIES, ROLES, type Category, type Role } from '../domain/vocabulary.js';
import type { AuditRow, Proposal, ProposalKind, Summary } from './Summary.js';
import { wordsFor, type SummaryWords } from './summaryWords.js';

// The words every renderer prints for the summary's closed sets and times, in one place so that the six
// formats say the same thing, in the language of `SummaryWords` (server/summary/locales/*.json).

type RegionKey = keyof Summary['participation']['byRegion'];
const REGION_KEYS = Object.keys({
  african: 0,
  'asia-pacific': 0,
  'eastern-european': 0,
  grulac: 0,
  weog: 0,
  other: 0,
  unspecified: 0,
}) as RegionKey[];

const labelsOf = <K extends string>(w: SummaryWords, prefix: string, keys: readonly K[]): Record<K, string> =>
  Object.fromEntries(keys.map((k) => [k, w.t(`${prefix}.${k}`)])) as Record<K, string>;

export const categoryLabels = (w: SummaryWords): Record<Category, string> => labelsOf(w, 'categoryLabel', CATEGORIES);
export const roleLabels = (w: SummaryWords): Record<Role, string> => labelsOf(w, 'roleLabel', ROLES);
export const regionLabels = (w: SummaryWords): Record<RegionKey, string> => labelsOf(w, 'regionLabel', REGION_KEYS);
/** Short forms for the breakout mix cells, where seven long labels would not fit a table column. */
export const categoryShortLabels = (w: SummaryWords): Record<Category, string> => labelsOf(w, 'categoryShort', CATEGORIES);
export const regionShortLabels = (w: SummaryWords): Record<RegionKey, string> => labelsOf(w, 'regionShort', REGION_KEYS);
export const proposalLabel = (w: SummaryWords, kind: ProposalKind): string => w.t(`proposal.${kind}`);

/** A proposal's text as printed: one from a breakout report says which room it came from. */
export const proposalText = (p: Proposal, w: SummaryWords): string =>
  p.breakout ? w.t('breakout.proposalFrom', { text: p.text, theme: p.breakout.theme }) : p.text;

const DEFERRAL_KEYS: Record<string, string> = {
  chair: 'outcome.deferredChair',
  replan: 'outcome.deferredReplan',
  'engagement-ended': 'outcome.deferredEnded',
};

/** The outcome column of the speakers-list annex, in words. */
export function outcomeLabel(row: AuditRow, w: SummaryWords): string {
  switch (row.outcome) {
    case 'heard':
    case 'speaking':
    case 'withdrawn':
    case 'waiting':
      return w.t(`outcome.${row.outcome}`);
    case 'skipped':
      return row.reason ? w.t('outcome.skippedReason', { reason: row.reason }) : w.t('outcome.skipped');
    case 'deferred':
      if (!row.reason) return w.t('outcome.deferred');
      return DEFERRAL_KEYS[row.reason] ? w.t(DEFERRAL_KEYS[row.reason]) : w.t('outcome.deferredReason', { reason: row.reason });
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
  return Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
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

const HEADING_KEYS = [
  'title',
  'questions',
  'general',
  'breakouts',
  'closing',
  'proposals',
  'breakoutProposals',
  'breakoutImplementation',
  'breakoutOpenQuestions',
  'annexParticipation',
  'annexAgenda',
  'annexInputs',
  'annexSpeakers',
  'annexAttributive',
  'timeUse',
] as const;
export type Headings = Record<(typeof HEADING_KEYS)[number], string>;

/** The headings every format uses, so that a reader finds the same words in each. */
export const headingsOf = (w: SummaryWords): Headings => labelsOf(w, 'heading', HEADING_KEYS);

/** The English headings (the summary's first language), for callers that only ever spoke English. */
export const HEADINGS: Headings = headingsOf(wordsFor('en'));

export function questionHeading(number: number, text: string, w: SummaryWords = wordsFor('en')): string {
  return w.t('heading.question', { number, text });
}

/** "Chair's summary: <title>". */
export const titleLine = (summary: Summary, w: SummaryWords): string =>
  w.t('heading.titled', { heading: w.t('heading.title'), title: summary.metadata.title });

/** The status line under the title (draft, circulated, or the published version). */
export function statusLine(summary: Summary, w: SummaryWords): string {
  const m = summary.metadata;
  const state =
    m.status === 'published'
      ? w.t('status.published', { version: m.version ?? 1 })
      : m.status === 'circulated'
        ? w.t('status.circulated')
        : w.t('status.draft');
  return w.t('status.line', { state, generatedAt: m.generatedAt });
}

/** "Date: 2026-11-28 (Europe/Zurich), 09:00–17:00; planned 480 minutes, actual 470 minutes." */
export function metadataLine(summary: Summary, w: SummaryWords): string {
  const m = summary.metadata;
  const date = m.date ? w.date(m.date) : w.t('meta.notScheduled');
  const span = m.startedAt ? w.t('meta.span', { start: localTime(m.startedAt, m.timeZone), end: localTime(m.endedAt, m.timeZone) }) : '';
  const actual = m.actualMinutes === null ? '' : w.t('meta.actual', { actual: m.actualMinutes });
  return w.t('meta.line', { date, timeZone: m.timeZone, span, planned: m.plannedMinutes, actual });
}

/** "12 participants from 7 organizations." (Annex I). */
export const participationCount = (summary: Summary, w: SummaryWords): string =>
  w.t('annex.participationCount', {
    participants: w.t('opening.participants', { count: summary.participation.total }),
    organizations: w.t('opening.organizations', { count: summary.participation.organizationCount }),
  });

/** Whether a speaker who could not be heard sent a written input instead (the attributive annex). */
export const notHeardOutcome = (d: { submittedInWriting: boolean }, w: SummaryWords): string =>
  w.t(d.submittedInWriting ? 'annex.submittedInWriting' : 'annex.noWrittenInput');
