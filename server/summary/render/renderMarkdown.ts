import { assertNever } from '../../domain/events.js';
import {
  categoryLabels,
  headingsOf,
  metadataLine,
  minutesOrDash,
  notHeardOutcome,
  participationCount,
  proposalLabel,
  proposalText,
  questionHeading,
  statusLine,
  titleLine,
} from '../labels.js';
import { wordsFor, type SummaryWords } from '../summaryWords.js';
import type { Paragraph, Summary } from '../Summary.js';
import { breakoutAnnexLines, breakoutBlocks, type BreakoutBlock } from '../breakoutBlocks.js';
import { agendaTable, inputsTable, participationTables, speakersTable, type TextTable } from '../summaryTables.js';
import { isolatePassages } from './passages.js';

// Markdown is rendered by many viewers (GitHub, Teams wiki) that honour raw HTML and links, so every
// user-supplied string is escaped (docs/reliability.md: exports): names and notes can neither inject markup nor
// break a table or a numbered paragraph.

const METACHARACTERS = /[\\`*_[\]<>#|~&!]/g;

/** Escapes Markdown metacharacters, folds line breaks, and defuses a leading list/heading marker. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(METACHARACTERS, '\\$&')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * The document's direction and the record's (they differ when a published version is read in a second
 * language). Set once per (synchronous) render by `renderMarkdown`.
 */
let pageDir: 'ltr' | 'rtl' = 'ltr';
let recordDir: 'ltr' | 'rtl' = 'ltr';

const same = (text: string) => text;
/**
 * Escaped, with each passage in the other direction than the document's isolated in raw `<bdi>` (which the
 * viewers that take raw HTML honour; escaping adds only backslashes, never a letter, so passages are found in
 * the escaped text): an Arabic organization inside an English sentence keeps the sentence's order.
 */
const e = (text: string, dir: 'ltr' | 'rtl' = pageDir): string => isolatePassages(escapeMarkdown(text), dir, same);

const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;

const table = (t: TextTable): string[] => [
  row(t.header.map((c) => e(c))),
  row(t.header.map(() => '---')),
  ...t.rows.map((r) => row(r.map((c) => e(c)))),
  '',
];

const paragraphs = (ps: Paragraph[]): string[] => ps.flatMap((p) => [`${p.number}. ${e(p.text, recordDir)}`, '']);

function block(b: BreakoutBlock): string[] {
  switch (b.kind) {
    case 'heading':
      return [`${'#'.repeat(b.level)} ${e(b.text)}`, ''];
    case 'paragraphs':
      return paragraphs(b.paragraphs);
    case 'list':
      return [`**${e(b.title)}**`, '', ...b.items.map((i) => `- ${e(i)}`), ''];
    case 'table':
      return [...(b.title ? [`**${e(b.title)}**`, ''] : []), ...table(b.table)];
    default:
      return assertNever(b);
  }
}

/** `language`: the words around the record (headings, tables, labels); the paragraphs are the record's own. */
export function renderMarkdown(summary: Summary, language?: string): string {
  const m = summary.metadata;
  const w = wordsFor(language ?? m.language);
  const HEADINGS = headingsOf(w);
  pageDir = w.dir;
  recordDir = wordsFor(m.language).dir;
  const out: string[] = [];
  out.push(`# ${e(titleLine(summary, w))}`, '');
  if (m.theme) out.push(`**${e(w.t('heading.theme'))}** ${e(m.theme)}`, '');
  out.push(e(metadataLine(summary, w)), '', `*${e(statusLine(summary, w))}*`, '');
  out.push(...paragraphs(summary.opening));

  out.push(`## ${HEADINGS.questions}`, '');
  for (const q of summary.questions) {
    out.push(`### ${e(questionHeading(q.number, q.text, w))}`, '', ...paragraphs(q.paragraphs));
    if (q.proposals.length > 0) {
      out.push(`**${HEADINGS.proposals}**`, '');
      out.push(...q.proposals.map((p) => `- *${e(proposalLabel(w, p.kind))}:* ${e(proposalText(p, w))}`), '');
    }
  }
  if (summary.generalDiscussion.length > 0) out.push(`## ${HEADINGS.general}`, '', ...paragraphs(summary.generalDiscussion));
  if (summary.breakouts) {
    out.push(`## ${HEADINGS.breakouts}`, '', ...breakoutBlocks(summary, w).flatMap(block));
  }
  out.push(`## ${HEADINGS.closing}`, '', ...paragraphs(summary.closing));

  const p = summary.participation;
  out.push(`## ${HEADINGS.annexParticipation}`, '');
  out.push(e(participationCount(summary, w)), '');
  const categories = categoryLabels(w);
  for (const t of participationTables(summary, w)) out.push(...table(t));
  for (const group of p.organizations) out.push(`**${e(categories[group.category])}:** ${group.names.map((n) => e(n)).join('; ')}`, '');

  out.push(`## ${HEADINGS.annexAgenda}`, '', ...table(agendaTable(summary, w)));
  out.push(`### ${HEADINGS.timeUse}`, '', '```text', ...timeUseBars(summary, w), '```', '');
  out.push(`## ${HEADINGS.annexInputs}`, '', ...table(inputsTable(summary, w)));
  out.push(`## ${HEADINGS.annexSpeakers}`, '', ...table(speakersTable(summary, w)));

  const attributive = summary.annexes.attributive;
  if (attributive) {
    out.push(`## ${HEADINGS.annexAttributive}`, '');
    for (const q of attributive.questions) {
      out.push(`### ${e(w.t('heading.questionNumber', { number: q.questionNumber }))}`, '');
      out.push(...q.statements.map((s) => `- **${e(s.organization)}**${s.name ? ` (${e(s.name)})` : ''}: ${e(s.text)}`));
      out.push(
        ...q.deferredSpeakers.map(
          (d) => `- ${e(w.t('annex.notHeard'))} **${e(d.organization)}** (${e(d.name)}), ${e(notHeardOutcome(d, w))}`,
        ),
      );
      out.push('');
    }
    const rooms = breakoutAnnexLines(summary, w);
    if (rooms.length > 0) out.push(`### ${HEADINGS.breakouts}`, '', ...rooms.map((l) => `- ${e(l)}`), '');
  }
  // Markdown has no language of its own: viewers that render raw HTML (GitHub, Teams wiki) take it, and the
  // direction, from a wrapping block. English, the viewers' default, stays bare, as it always was.
  const body = out.join('\n').replace(/\n+$/, '\n');
  return w.language === 'en' ? body : `<div lang="${w.language}" dir="${w.dir}">\n\n${body}\n</div>\n`;
}

/** A text bar chart, one character per two minutes (planned `=`, actual `#`), readable in any viewer. */
function timeUseBars(summary: Summary, w: SummaryWords): string[] {
  const labelWidth = Math.min(40, Math.max(5, ...summary.timeUse.map((t) => t.label.length)));
  // The two words share one width, so the bars start in one column in every language.
  const [planned, actual] = [w.t('chart.planned'), w.t('chart.actual')];
  const wordWidth = Math.max(planned.length, actual.length);
  return summary.timeUse.flatMap((t) => {
    // Inside a code fence nothing is interpreted, but a backtick run could close the fence.
    const label = t.label.replace(/\s+/g, ' ').replace(/`/g, "'").slice(0, labelWidth).padEnd(labelWidth);
    return [
      `${label} ${planned.padEnd(wordWidth)} ${String(t.plannedMinutes).padStart(4)} ${'='.repeat(Math.round(t.plannedMinutes / 2))}`,
      `${' '.repeat(labelWidth)} ${actual.padEnd(wordWidth)} ${minutesOrDash(t.actualMinutes).padStart(4)} ${'#'.repeat(Math.round((t.actualMinutes ?? 0) / 2))}`,
    ];
  });
}
