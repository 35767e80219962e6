import { assertNever } from '../domain/events.js';
import type { Participant } from '../domain/state.js';
import { wordsFor, type SummaryWords } from './summaryWords.js';

// A Chair's summary does not attribute views to named participants (docs/product.md). Notes are written live
// and often name who spoke, so every organisation, person and country of the engagement's participants
// is replaced in the body by a neutral phrase before it becomes a paragraph.

interface NameRule {
  name: string;
  phrase: string;
}

/** Names shorter than this would replace ordinary words ("A", "I"); two letters keep "EU", "UK". */
const MIN_NAME_LENGTH = 2;

/** Private-use characters mark replaced names; they are stripped from the input, so tokens never collide. */
const TOKEN_OPEN = '\uE000';
const TOKEN_CLOSE = '\uE001';
const TOKEN = `${TOKEN_OPEN}\\d+${TOKEN_CLOSE}`;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function phraseFor(participant: Participant, w: SummaryWords): string {
  switch (participant.role) {
    case 'chair':
      return w.t('neutral.chair');
    case 'secretariat':
      return w.t('neutral.secretariat');
    case 'delegation':
      return w.t('neutral.delegation');
    case 'stakeholder':
    case 'observer':
      return w.t('neutral.participant');
    default:
      return assertNever(participant.role);
  }
}

export interface NameNeutralizer {
  (text: string): string;
}

/** Builds a function that replaces, case-insensitively and on word boundaries, every participant's name. */
export function nameNeutralizer(participants: readonly Participant[], w: SummaryWords = wordsFor('en')): NameNeutralizer {
  const rules = new Map<string, NameRule>();
  const aParticipant = w.t('neutral.participant');
  for (const p of participants) {
    const phrase = phraseFor(p, w);
    const names = [p.organization, p.displayName, p.role === 'delegation' ? p.country : null];
    for (const raw of names) {
      const name = raw?.trim();
      if (!name || name.length < MIN_NAME_LENGTH) continue;
      const key = name.toLocaleLowerCase('en');
      // A name shared by several people keeps the most neutral phrase.
      const existing = rules.get(key);
      if (!existing || phrase === aParticipant) rules.set(key, { name, phrase });
    }
  }
  if (rules.size === 0) return (text) => text;
  // Longest first, so that "Cyber Peace Institute" is replaced before "Cyber Peace".
  const ordered = [...rules.values()].sort((a, b) => b.name.length - a.name.length);
  const phraseByKey = new Map(ordered.map((r) => [r.name.toLocaleLowerCase('en'), r.phrase]));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${ordered.map((r) => escapeRegExp(r.name)).join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  // Names first become placeholder tokens, so that "Sofia Rossi (Cyber Peace Institute)" or "Amina Okafor of
  // Kenya" collapse into one phrase instead of "a participant (a participant)".
  return (text) => {
    const phrases: string[] = [];
    const tokenized = text.replace(/[\uE000\uE001]/g, '').replace(pattern, (match: string) => {
      phrases.push(phraseByKey.get(match.toLocaleLowerCase('en')) ?? aParticipant);
      return `${TOKEN_OPEN}${phrases.length - 1}${TOKEN_CLOSE}`;
    });
    const collapsed = tokenized
      .replace(new RegExp(`(${TOKEN})\\s*\\(\\s*${TOKEN}\\s*\\)`, 'gu'), '$1')
      .replace(new RegExp(`(${TOKEN})\\s*,\\s*${TOKEN}\\s*(?=,)`, 'gu'), '$1')
      .replace(new RegExp(`(${TOKEN})\\s+(?:of|from|for)\\s+(?:the\\s+)?${TOKEN}`, 'gu'), '$1');
    return collapsed.replace(
      new RegExp(`${TOKEN_OPEN}(\\d+)${TOKEN_CLOSE}`, 'gu'),
      (_m: string, index: string, offset: number, whole: string) => {
        const phrase = phrases[Number(index)];
        const before = whole.slice(0, offset);
        const startsSentence = before.trim() === '' || /[.!?:]\s*$/.test(before);
        return startsSentence ? phrase[0].toUpperCase() + phrase.slice(1) : phrase;
      },
    );
  };
}
