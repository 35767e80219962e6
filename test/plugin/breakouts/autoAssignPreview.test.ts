import { describe, expect, it } from 'vitest';
import { mixRows, previewAutoAssign, previewVerdict } from '../../../plugin/src/features/breakouts/autoAssignPreview.js';
import { BreakoutWorld, planTwoRooms } from '../../domain/breakouts/breakoutWorld.js';

// The preview is the server's own decision run in the tab: applying `breakouts.autoAssign` with the same seed
// must record exactly the rooms the Chair saw.

function world() {
  const w = new BreakoutWorld();
  w.person('ana', { category: 'ngo', region: 'african' })
    .person('bo', { category: 'ngo', region: 'weog' })
    .person('cy', { category: 'academia', region: 'african' })
    .person('di', { category: 'academia', region: 'weog' });
  const roundId = planTwoRooms(w, 'balanced');
  return { w, roundId };
}

describe('previewing the balanced assignment', () => {
  it('BREAKOUT-7: given a seed, when the Chair previews and then applies with that seed, then the recorded assignment is the previewed one', () => {
    const { w, roundId } = world();
    const preview = previewAutoAssign(w.state, roundId, 4242, w.now);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    w.run('chair', { type: 'breakouts.autoAssign', roundId, seed: 4242 });
    expect(w.round(roundId).assignment).toEqual(preview.event.assignment);
    expect(w.round(roundId).lastAutoAssign?.rooms).toEqual(preview.event.rooms);
  });

  it('BREAKOUT-5: given two NGOs and two academics across two regions, then each previewed room holds one of each category and one of each region', () => {
    const { w, roundId } = world();
    const preview = previewAutoAssign(w.state, roundId, 7, w.now);
    if (!preview.ok) throw new Error(preview.message);
    const rows = mixRows(w.round(roundId), preview.event.rooms, preview.event.assignment, w.state.participants);
    for (const row of rows) {
      expect(row.size).toBe(2);
      expect(row.categories.map((c) => [c.key, c.count])).toEqual(
        expect.arrayContaining([
          ['ngo', 1],
          ['academia', 1],
        ]),
      );
      expect(row.regions.map((c) => [c.label, c.count])).toEqual(
        expect.arrayContaining([
          ['African Group', 1],
          ['Western European and Others Group (WEOG)', 1],
        ]),
      );
    }
    expect(previewVerdict(preview.event)).toBe(
      'Every room is within one person of its fair share of each constituency and region. Nobody stated a preference.',
    );
  });

  it('BREAKOUT-4: given more people than places, then the preview says so in the rule’s own words instead of throwing', () => {
    const { w, roundId } = world();
    w.person('ed', { category: 'ngo', region: 'grulac' });
    const preview = previewAutoAssign(w.state, roundId, 1, w.now);
    expect(preview).toEqual({ ok: false, message: expect.stringContaining('(rule BREAKOUT-4)') });
    expect(!preview.ok && preview.message).toContain('4 free places but 5 participants');
  });

  it('given a pinned rapporteur, then the room’s row counts them with the people placed around them', () => {
    const w = new BreakoutWorld();
    w.person('ana', { category: 'ngo', region: 'african' })
      .person('bo', { category: 'academia', region: 'weog' })
      .person('cy', { category: 'ngo', region: 'weog' });
    const roundId = planTwoRooms(w, 'balanced', {
      rooms: [
        { theme: 'Needs', capacity: 2, rapporteurId: 'p-ana' },
        { theme: 'Partnerships', capacity: 2 },
      ],
    });
    const preview = previewAutoAssign(w.state, roundId, 3, w.now);
    if (!preview.ok) throw new Error(preview.message);
    const rows = mixRows(w.round(roundId), preview.event.rooms, preview.event.assignment, w.state.participants);
    const needs = rows.find((r) => r.theme === 'Needs')!;
    expect(needs.members).toContain('ana');
    expect(needs.size).toBe(needs.members.length);
    expect(rows.reduce((s, r) => s + r.size, 0)).toBe(3);
  });
});
