import { describe, expect, it } from 'vitest';
import type { Participant } from '../../server/domain/state.js';
import { nameNeutralizer } from '../../server/summary/neutralizeNames.js';

const p = (
  id: string,
  displayName: string,
  organization: string,
  role: Participant['role'],
  country: string | null = null,
): Participant => ({
  id,
  displayName,
  organization,
  role,
  country,
  category: role === 'delegation' ? 'member-state' : 'ngo',
  region: null,
  accreditation: null,
  status: 'approved',
  registeredAt: '2026-11-01T00:00:00.000Z',
  decidedAt: null,
  invitationId: null,
});

const neutralize = nameNeutralizer([
  p('1', 'Sofia Rossi', 'Cyber Peace Institute', 'stakeholder'),
  p('2', 'Li Wei', 'Cyber Peace', 'stakeholder'),
  p('3', 'Amina Okafor', 'Kenya', 'delegation', 'Kenya'),
  p('4', '<img src=x onerror=alert(1)>', 'A.B. (Research) Ltd', 'stakeholder'),
  p('5', 'X', 'EU', 'delegation'),
]);

describe('nameNeutralizer (non-attributive body, docs/product.md)', () => {
  it('given the longer of two overlapping names, when neutralized, then the longer one is replaced whole', () => {
    expect(neutralize('The Cyber Peace Institute said so.')).toBe('The a participant said so.');
    expect(neutralize('Cyber Peace said so.')).toBe('A participant said so.');
  });

  it('given a name inside another word, when neutralized, then the word is left alone', () => {
    expect(neutralize('Kenyan and EUROPEAN views; Kenya agreed.')).toBe('Kenyan and EUROPEAN views; a delegation agreed.');
  });

  it('given any case, when neutralized, then it still matches, and a sentence start is capitalised', () => {
    expect(neutralize('welcome. KENYA noted it.')).toBe('welcome. A delegation noted it.');
  });

  it('given regex metacharacters in a name, when neutralized, then they are matched literally', () => {
    expect(neutralize('Per A.B. (Research) Ltd, the <img src=x onerror=alert(1)> idea')).toBe('Per a participant, the a participant idea');
    expect(neutralize('ABx (Research) Ltd')).toBe('ABx (Research) Ltd');
  });

  it('given "Person of Organisation" or "Person (Organisation)", when neutralized, then one phrase remains', () => {
    expect(neutralize('Sofia Rossi of Cyber Peace Institute and Amina Okafor (Kenya) spoke.')).toBe(
      'A participant and a delegation spoke.',
    );
  });

  it('given a one-letter name, when neutralized, then it is not used (it would replace ordinary words); two letters are', () => {
    expect(neutralize('X marks the spot; the EU agreed.')).toBe('X marks the spot; the a delegation agreed.');
  });

  it('given placeholder characters smuggled into a note, when neutralized, then they are dropped and cannot forge a token', () => {
    expect(neutralize('bad \uE00099\uE001 token')).toBe('bad 99 token');
  });
});
