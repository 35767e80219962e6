import { describe, expect, it } from 'vitest';
import { processAggregate as agg } from '../../../server/domain/process/index.js';

describe('the process as an aggregate for the write path', () => {
  it('PROCESS-1: given the aggregate definition, when a create and a proposal run through it as the write path would, then the view follows', () => {
    let state = agg.empty();
    let version = 0;
    const chair = { kind: 'user' as const, userId: 'dev:chair', displayName: 'Chair' };
    let n = 0;
    const issue = (body: unknown) => {
      const command = agg.command.parse(body);
      agg.authorize(state, chair, command);
      for (const event of agg.decide(state, command, { now: '2026-03-02T09:00:00.000Z', actor: chair, newId: () => `a${++n}` })) {
        const stored = { ...event, version: ++version };
        const before = state;
        state = agg.evolve(state, stored);
        // The creation makes the creator the Chair: their standing changed, so they get a snapshot.
        expect(agg.redact(stored, before, state, { userId: 'dev:chair' })).toEqual(stored.type === 'process.created' ? 'resync' : stored);
      }
    };
    expect(agg.isInternal('process.create')).toBe(true);
    issue({ type: 'process.create', processId: 'oewg', title: 'OEWG' });
    issue({ type: 'proposal.putForward', source: { kind: 'manual' }, title: 'Hubs', description: 'D', theme: 'CB' });
    expect(agg.idOf(state)).toBe('oewg');
    expect(agg.viewFor(state, version, null)).toMatchObject({ version: 2, me: { audience: 'portal' }, proposals: {} });
    expect(Object.keys(agg.viewFor(state, version, { userId: 'dev:chair' }).proposals)).toHaveLength(1);
    expect(() => agg.command.parse({ type: 'proposal.putForward', title: 'No source' })).toThrow();
  });
});
