import { assertNever } from '../../domain/events.js';
import { CATEGORY_LABELS, HEADINGS, PROPOSAL_LABELS, metadataLine, proposalText, questionHeading, statusLine } from '../labels.js';
import type { Paragraph, Summary } from '../Summary.js';
import { breakoutAnnexLines, breakoutBlocks, type BreakoutBlock } from '../breakoutBlocks.js';
import { agendaTable, inputsTable, participationTables, speakersTable, type TextTable } from '../summaryTables.js';

// A standalone, printable HTML file. Every interpolated value goes through `escapeHtml` (ASVS 1.2.1), and the
// file carries its own CSP so that even a missed escape cannot run script or fetch anything when opened
// locally (docs/reliability.md: exports). Styles are inline only (the CSP allows inline styles, nothing else).

export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const h = escapeHtml;

const STYLE = `
body{font-family:"Segoe UI",Arial,"DejaVu Sans",sans-serif;font-size:11pt;line-height:1.45;color:#111;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:18pt;margin-bottom:.2rem}h2{font-size:14pt;margin-top:1.8rem;border-bottom:1px solid #999}h3{font-size:12pt;margin-top:1.2rem}
p.meta{color:#444;margin:.2rem 0}ol.paras{padding-left:2.2rem}ol.paras li{margin:.5rem 0}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1rem;font-size:9.5pt}th,td{border:1px solid #999;padding:.2rem .4rem;text-align:start;vertical-align:top}
th{background:#eee}td.num{text-align:end;font-variant-numeric:tabular-nums}
.chart text{font-size:11px;font-family:inherit}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
`;

function paragraphs(ps: Paragraph[]): string {
  if (ps.length === 0) return '';
  return `<ol class="paras" start="${ps[0].number}">${ps.map((p) => `<li value="${p.number}">${h(p.text)}</li>`).join('')}</ol>`;
}

const NUMERIC = /^[+-]?\d+$/;

function table(t: TextTable, caption?: string): string {
  const head = `<tr>${t.header.map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr>`;
  const body = t.rows.map((r) => `<tr>${r.map((c) => (NUMERIC.test(c) ? `<td class="num">${h(c)}</td>` : `<td>${h(c)}</td>`)).join('')}</tr>`).join('\n');
  return `<table>${caption ? `<caption>${h(caption)}</caption>` : ''}<thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
}

/** Planned (grey) and actual (blue) bars per agenda item, drawn in inline SVG: no script, no fetch. */
function timeUseChart(summary: Summary): string {
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
        `<text x="${labelW + barW + 8}" y="${y + 14}">${r.plannedMinutes} / ${r.actualMinutes ?? '—'} min</text>`
      );
    })
    .join('');
  const legendY = rows.length * rowH + 18;
  const legend =
    `<rect x="${labelW}" y="${legendY - 9}" width="10" height="10" fill="#bbb"/><text x="${labelW + 14}" y="${legendY}">planned</text>` +
    `<rect x="${labelW + 90}" y="${legendY - 9}" width="10" height="10" fill="#2b6cb0"/><text x="${labelW + 104}" y="${legendY}">actual</text>`;
  return `<svg class="chart" role="img" aria-label="${h(HEADINGS.timeUse)}" xmlns="http://www.w3.org/2000/svg" width="${labelW + barW + 110}" height="${height}" viewBox="0 0 ${labelW + barW + 110} ${height}">${bars}${legend}</svg>`;
}

function block(b: BreakoutBlock): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${h(b.text)}</h${b.level}>`;
    case 'paragraphs':
      return paragraphs(b.paragraphs);
    case 'list':
      return `<p><strong>${h(b.title)}</strong></p><ul>${b.items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>`;
    case 'table':
      return table(b.table, b.title ?? undefined);
    default:
      return assertNever(b);
  }
}

export function renderHtml(summary: Summary): string {
  const m = summary.metadata;
  const lang = m.language;
  const dir = RTL_LANGUAGES.has(lang.split('-')[0]) ? 'rtl' : 'ltr';
  const parts: string[] = [];
  parts.push(`<h1>${h(HEADINGS.title)}: ${h(m.title)}</h1>`);
  if (m.theme) parts.push(`<p class="meta"><strong>Theme:</strong> ${h(m.theme)}</p>`);
  parts.push(`<p class="meta">${h(metadataLine(summary))}</p>`, `<p class="meta"><em>${h(statusLine(summary))}</em></p>`);
  parts.push(paragraphs(summary.opening));
  parts.push(`<h2>${h(HEADINGS.questions)}</h2>`);
  for (const q of summary.questions) {
    parts.push(`<h3>${h(questionHeading(q.number, q.text))}</h3>`, paragraphs(q.paragraphs));
    if (q.proposals.length > 0) {
      parts.push(`<p><strong>${h(HEADINGS.proposals)}</strong></p>`);
      parts.push(`<ul>${q.proposals.map((p) => `<li><em>${h(PROPOSAL_LABELS[p.kind])}:</em> ${h(proposalText(p))}</li>`).join('')}</ul>`);
    }
  }
  if (summary.generalDiscussion.length > 0) parts.push(`<h2>${h(HEADINGS.general)}</h2>`, paragraphs(summary.generalDiscussion));
  if (summary.breakouts) {
    parts.push(`<h2>${h(HEADINGS.breakouts)}</h2>`, ...breakoutBlocks(summary).map(block));
  }
  parts.push(`<h2>${h(HEADINGS.closing)}</h2>`, paragraphs(summary.closing));

  const p = summary.participation;
  parts.push(`<h2>${h(HEADINGS.annexParticipation)}</h2>`, `<p>${p.total} participants from ${p.organizationCount} organizations.</p>`);
  for (const t of participationTables(summary)) parts.push(table(t));
  for (const g of p.organizations) parts.push(`<p><strong>${h(CATEGORY_LABELS[g.category])}:</strong> ${g.names.map(h).join('; ')}</p>`);
  parts.push(`<h2>${h(HEADINGS.annexAgenda)}</h2>`, table(agendaTable(summary)));
  parts.push(`<h3>${h(HEADINGS.timeUse)}</h3>`, timeUseChart(summary));
  parts.push(`<h2>${h(HEADINGS.annexInputs)}</h2>`, table(inputsTable(summary)));
  parts.push(`<h2>${h(HEADINGS.annexSpeakers)}</h2>`, table(speakersTable(summary)));
  const attributive = summary.annexes.attributive;
  if (attributive) {
    parts.push(`<h2>${h(HEADINGS.annexAttributive)}</h2>`);
    for (const q of attributive.questions) {
      parts.push(`<h3>Guiding question ${q.questionNumber}</h3><ul>`);
      for (const s of q.statements) parts.push(`<li><strong>${h(s.organization)}</strong>${s.name ? ` (${h(s.name)})` : ''}: ${h(s.text)}</li>`);
      for (const d of q.deferredSpeakers) {
        parts.push(`<li>Not heard: <strong>${h(d.organization)}</strong> (${h(d.name)}), ${d.submittedInWriting ? 'submitted in writing' : 'no written input'}</li>`);
      }
      parts.push('</ul>');
    }
    const rooms = breakoutAnnexLines(summary);
    if (rooms.length > 0) parts.push(`<h3>${h(HEADINGS.breakouts)}</h3><ul>${rooms.map((l) => `<li>${h(l)}</li>`).join('')}</ul>`);
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${h(lang)}" dir="${dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${h(HEADINGS.title)}: ${h(m.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...parts.filter((x) => x !== ''),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
