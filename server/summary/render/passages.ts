// Passages written in the other direction than the document's: an Arabic organization inside an English
// sentence, an English one inside an Arabic sentence. HTML and Markdown isolate each (`<bdi>`), so that the
// punctuation and numbers around it stay where the sentence puts them and a paragraph's `dir="auto"` takes its
// direction from the sentence, not from a name that happens to come first.

/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, …) and their presentation forms. */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const LETTER = /\p{L}/u;
/** Digits (and the separators between them) written directly before or after a passage. */
const NUMBER_BEFORE = /\p{Nd}+(?:[-–:./+_]\p{Nd}+)*[-–:./+_]?$/u;
const NUMBER_AFTER = /^(?:[-–:./+_]?\p{Nd}+)+/u;

type Direction = 'ltr' | 'rtl';

/** A letter's direction; anything else (spaces, digits, punctuation, marks) is neutral here. */
function strong(ch: string): Direction | null {
  if (!LETTER.test(ch)) return null;
  return RTL_LETTER.test(ch) ? 'rtl' : 'ltr';
}

export interface Passage {
  text: string;
  /** In the other direction than the document's: to be isolated. */
  isolate: boolean;
}

/**
 * `text` cut into passages: each maximal span from a letter of the other direction to the last such letter
 * before a letter of the document's direction (the spaces and punctuation inside it included, those around it
 * not), and the text between them. Concatenated, the passages give `text` back.
 */
/** A letter of the other direction than `dir` anywhere in `text` (one native scan, before the careful one). */
const OTHER: Record<Direction, RegExp> = {
  ltr: RTL_LETTER,
  rtl: /(?![\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}])\p{L}/u,
};

export function passages(text: string, dir: Direction): Passage[] {
  if (!OTHER[dir].test(text)) return text === '' ? [] : [{ text, isolate: false }];
  const out: Passage[] = [];
  const chars = [...text];
  let plainStart = 0;
  let offset = 0;
  const offsets = chars.map((ch) => {
    const at = offset;
    offset += ch.length;
    return at;
  });
  let i = 0;
  while (i < chars.length) {
    if (strong(chars[i]) === null || strong(chars[i]) === dir) {
      i++;
      continue;
    }
    // A passage starts at chars[i]; it ends after the last letter of its direction before one of `dir`.
    let last = i;
    let j = i + 1;
    for (; j < chars.length; j++) {
      const s = strong(chars[j]);
      if (s === dir) break;
      if (s !== null) last = j;
    }
    // Combining marks after the passage's last letter belong to it.
    while (last + 1 < chars.length && /\p{M}/u.test(chars[last + 1])) last++;
    // Numbers written onto the passage belong to it ("2026-12-03T12:00Z", "COVID-19"), not to the sentence.
    const start = offsets[i] - (NUMBER_BEFORE.exec(text.slice(plainStart, offsets[i]))?.[0].length ?? 0);
    let end = offsets[last] + chars[last].length;
    const after = NUMBER_AFTER.exec(text.slice(end))?.[0] ?? '';
    end += after.length;
    while (i < chars.length && offsets[i] < end) i++;
    if (start > plainStart) out.push({ text: text.slice(plainStart, start), isolate: false });
    out.push({ text: text.slice(start, end), isolate: true });
    plainStart = end;
  }
  if (plainStart < text.length) out.push({ text: text.slice(plainStart), isolate: false });
  return out;
}

/**
 * `text` with every passage in the other direction than the document's wrapped in `<bdi>`, each piece escaped
 * by `escapeText`. A text with no letter in the document's direction (a name, an English note in an Arabic
 * summary) is one passage from end to end, its punctuation included; with `container` (a table cell or list
 * item with `dir="auto"`, which isolates its content itself) it is left bare.
 */
export function isolatePassages(text: string, dir: Direction, escapeText: (text: string) => string, container = false): string {
  const parts = passages(text, dir);
  if (!parts.some((p) => p.isolate)) return escapeText(text);
  if (![...text].some((ch) => strong(ch) === dir)) return container ? escapeText(text) : `<bdi>${escapeText(text)}</bdi>`;
  return parts.map((p) => (p.isolate ? `<bdi>${escapeText(p.text)}</bdi>` : escapeText(p.text))).join('');
}
