import { Summary } from '../Summary.js';

/** The JSON export is the Summary itself, checked against its schema so that nothing off-contract leaves. */
export function renderJson(summary: Summary): string {
  return `${JSON.stringify(Summary.parse(summary), null, 2)}\n`;
}
