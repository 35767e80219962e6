import { assertNever } from '../../domain/events.js';
import {
  categoryLabels,
  headingsOf,
  metadataLine,
  notHeardOutcome,
  participationCount,
  proposalLabel,
  proposalText,
  questionHeading,
  statusLine,
  type Headings,
} from '../labels.js';
import { wordsFor, type SummaryWords } from '../summaryWords.js';
import type { Paragraph, Summary } from '../Summary.js';
import { breakoutAnnexLines, breakoutBlocks, type BreakoutBlock } from '../breakoutBlocks.js';
import { agendaTable, inputsTable, participationTables, speakersTable, type TextTable } from '../summaryTables.js';
import { isolatePassages } from './passages.js';

// A standalone, printable HTML file. Every interpolated value goes through `escapeHtml` (ASVS 1.2.1), and the
// file carries its own CSP so that even a missed escape cannot run script or fetch anything when opened
// locally (docs/reliability.md: exports). Styles are inline only (the CSP allows inline styles, nothing else).

export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const h = escapeHtml;

/** A name or title people typed, in any script: isolated, so an Arabic name in an English line (or the reverse) keeps its order. */
const u = (text: string): string => `<bdi>${h(text)}</bdi>`;

/**
 * The page's direction and the record's (they differ when a published version is read in a second language).
 * Set once per (synchronous) render by `renderHtml`.
 */
let pageDir: 'ltr' | 'rtl' = 'ltr';
let recordDir: 'ltr' | 'rtl' = 'ltr';

/** Text with each passage in the other direction than the page's isolated (`<bdi>`), e.g. an Arabic name in an English line. */
const x = (text: string): string => isolatePassages(text, pageDir, h);
/** The same inside a `dir="auto"` container, which isolates a text that is one such passage as a whole. */
const xAuto = (text: string, dir: 'ltr' | 'rtl' = pageDir): string => isolatePassages(text, dir, h, true);

const STYLE = `
body{font-family:"Segoe UI",Arial,"DejaVu Sans",sans-serif;font-size:11pt;line-height:1.45;color:#111;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:18pt;margin-bottom:.2rem}h2{font-size:14pt;margin-top:1.8rem;border-bottom:1px solid #999}h3{font-size:12pt;margin-top:1.2rem}
p.meta{color:#444;margin:.2rem 0}ol.paras{padding-left:2.2rem}ol.paras li{margin:.5rem 0}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1rem;font-size:9.5pt}th,td{border:1px solid #999;padding:.2rem .4rem;text-align:start;vertical-align:top}
th{background:#eee}td.num{text-align:end;font-variant-numeric:tabular-nums}
.chart text{font-size:11px;font-family:inherit}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
`;

/**
 * The record's paragraphs: marked with the record's language when the page around them is in another (a
 * published version read in a second language), each item's direction taken from its own text. Set once per
 * (synchronous) render by `renderHtml`.
 */
let recordLang = '';
function paragraphs(ps: Paragraph[]): string {
  if (ps.length === 0) return '';
  const lang = recordLang ? ` lang="${h(recordLang)}"` : '';
  return `<ol class="paras"${lang} start="${ps[0].number}">${ps.map((p) => `<li value="${p.number}" dir="auto">${xAuto(p.text, recordDir)}</li>`).join('')}</ol>`;
}

const NUMERIC = /^[+-]?\d+$/;

function table(t: TextTable, caption?: string): string {
  const head = `<tr>${t.header.map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr>`;
  const body = t.rows
    .map((r) => `<tr>${r.map((c) => (NUMERIC.test(c) ? `<td class="num">${h(c)}</td>` : `<td dir="auto">${xAuto(c)}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<table>${caption ? `<caption>${x(caption)}</caption>` : ''}<thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
}

/** Planned (grey) and actual (blue) bars per agenda item, drawn in inline SVG: no script, no fetch. */
function timeUseChart(summary: Summary, w: SummaryWords, HEADINGS: Headings): string {
  const rows = summary.timeUse;
  if (rows.length === 0) return '';
  const max = Math.max(1, ...rows.map((r) => Math.max(r.plannedMinutes, r.actualMinutes ?? 0)));
  const labelW = 220;
  const barW = 420;
  const rowH = 30;
  const height = rows.length * rowH + 30;
  const scale = (m: number) => Math.round((m / max) * barW);
  const bars = rows
    .map((r, i) => {
      const y = i * rowH + 6;
      const label = r.label.length > 34 ? `${r.label.slice(0, 33)}…` : r.label;
      return (
        `<text x="0" y="${y + 14}">${h(label)}</text>` +
        `<rect x="${labelW}" y="${y}" width="${scale(r.plannedMinutes)}" height="10" fill="#bbb"/>` +
        `<rect x="${labelW}" y="${y + 11}" width="${scale(r.actualMinutes ?? 0)}" height="10" fill="#2b6cb0"/>` +
        `<text x="${labelW + barW + 8}" y="${y + 14}">${h(w.t('chart.minutesPair', { planned: r.plannedMinutes, actual: r.actualMinutes ?? '—' }))}</text>`
      );
    })
    .join('');
  const legendY = rows.length * rowH + 18;
  const legend =
    `<rect x="${labelW}" y="${legendY - 9}" width="10" height="10" fill="#bbb"/><text x="${labelW + 14}" y="${legendY}">${h(w.t('chart.planned'))}</text>` +
    `<rect x="${labelW + 90}" y="${legendY - 9}" width="10" height="10" fill="#2b6cb0"/><text x="${labelW + 104}" y="${legendY}">${h(w.t('chart.actual'))}</text>`;
  return `<svg class="chart" role="img" aria-label="${h(HEADINGS.timeUse)}" xmlns="http://www.w3.org/2000/svg" width="${labelW + barW + 110}" height="${height}" viewBox="0 0 ${labelW + barW + 110} ${height}">${bars}${legend}</svg>`;
}

function block(b: BreakoutBlock): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${x(b.text)}</h${b.level}>`;
    case 'paragraphs':
      return paragraphs(b.paragraphs);
    case 'list':
      return `<p><strong>${x(b.title)}</strong></p><ul>${b.items.map((i) => `<li>${x(i)}</li>`).join('')}</ul>`;
    case 'table':
      return table(b.table, b.title ?? undefined);
    default:
      return assertNever(b);
  }
}

/** `language`: the words around the record (headings, tables, labels); the paragraphs keep the record's language. */
export function renderHtml(summary: Summary, language?: string): string {
  const m = summary.metadata;
  const w = wordsFor(language ?? m.language);
  const HEADINGS = headingsOf(w);
  const lang = w.language;
  const dir = w.dir;
  recordLang = m.language === lang ? '' : m.language;
  pageDir = dir;
  recordDir = wordsFor(m.language).dir;
  const heading = w.t('heading.title');
  const parts: string[] = [];
  parts.push(`<h1>${h(w.t('heading.titled', { heading, title: '\u0000' })).replace('\u0000', u(m.title))}</h1>`);
  if (m.theme) parts.push(`<p class="meta"><strong>${h(w.t('heading.theme'))}</strong> ${u(m.theme)}</p>`);
  parts.push(`<p class="meta">${x(metadataLine(summary, w))}</p>`, `<p class="meta"><em>${h(statusLine(summary, w))}</em></p>`);
  parts.push(paragraphs(summary.opening));
  parts.push(`<h2>${h(HEADINGS.questions)}</h2>`);
  for (const q of summary.questions) {
    parts.push(`<h3>${x(questionHeading(q.number, q.text, w))}</h3>`, paragraphs(q.paragraphs));
    if (q.proposals.length > 0) {
      parts.push(`<p><strong>${h(HEADINGS.proposals)}</strong></p>`);
      parts.push(
        `<ul>${q.proposals.map((p) => `<li dir="auto"><em>${h(proposalLabel(w, p.kind))}:</em> ${u(proposalText(p, w))}</li>`).join('')}</ul>`,
      );
    }
  }
  if (summary.generalDiscussion.length > 0) parts.push(`<h2>${h(HEADINGS.general)}</h2>`, paragraphs(summary.generalDiscussion));
  if (summary.breakouts) {
    parts.push(`<h2>${h(HEADINGS.breakouts)}</h2>`, ...breakoutBlocks(summary, w).map(block));
  }
  parts.push(`<h2>${h(HEADINGS.closing)}</h2>`, paragraphs(summary.closing));

  const p = summary.participation;
  parts.push(`<h2>${h(HEADINGS.annexParticipation)}</h2>`, `<p>${h(participationCount(summary, w))}</p>`);
  const categories = categoryLabels(w);
  for (const t of participationTables(summary, w)) parts.push(table(t));
  for (const g of p.organizations) parts.push(`<p><strong>${h(categories[g.category])}:</strong> ${g.names.map(u).join('; ')}</p>`);
  parts.push(`<h2>${h(HEADINGS.annexAgenda)}</h2>`, table(agendaTable(summary, w)));
  parts.push(`<h3>${h(HEADINGS.timeUse)}</h3>`, timeUseChart(summary, w, HEADINGS));
  parts.push(`<h2>${h(HEADINGS.annexInputs)}</h2>`, table(inputsTable(summary, w)));
  parts.push(`<h2>${h(HEADINGS.annexSpeakers)}</h2>`, table(speakersTable(summary, w)));
  const attributive = summary.annexes.attributive;
  if (attributive) {
    parts.push(`<h2>${h(HEADINGS.annexAttributive)}</h2>`);
    for (const q of attributive.questions) {
      parts.push(`<h3>${h(w.t('heading.questionNumber', { number: q.questionNumber }))}</h3><ul>`);
      for (const s of q.statements)
        parts.push(`<li><strong>${u(s.organization)}</strong>${s.name ? ` (${u(s.name)})` : ''}: ${u(s.text)}</li>`);
      for (const d of q.deferredSpeakers) {
        parts.push(
          `<li>${h(w.t('annex.notHeard'))} <strong>${u(d.organization)}</strong> (${u(d.name)}), ${h(notHeardOutcome(d, w))}</li>`,
        );
      }
      parts.push('</ul>');
    }
    const rooms = breakoutAnnexLines(summary, w);
    if (rooms.length > 0) parts.push(`<h3>${h(HEADINGS.breakouts)}</h3><ul>${rooms.map((l) => `<li>${x(l)}</li>`).join('')}</ul>`);
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${h(lang)}" dir="${dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${h(w.t('heading.titled', { heading, title: m.title }))}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...parts.filter((x) => x !== ''),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
