import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Command } from '../../../server/domain/commands.js';
import {
  BREAKOUT_ALLOWED,
  BREAKOUT_COMMAND_TYPES,
  BREAKOUT_COMMANDS,
  BreakoutCommand,
  INTERNAL_BREAKOUT_COMMANDS,
} from '../../../server/domain/breakouts/commands.js';

// The wire contract of breakout commands: strict zod objects, `breakouts.<verb>` (docs/api.md), ready to be
// spread into the `Command` union.

const issues = (input: unknown) => {
  const result = BreakoutCommand.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`);
};

describe('breakout commands', () => {
  it('given the API verbs, then every one of them (plus the two internal timers and the two attendance commands) has a schema and a row in BREAKOUT_ALLOWED', () => {
    expect(BREAKOUT_COMMAND_TYPES.sort()).toEqual(
      [
        'breakouts.plan',
        'breakouts.choose',
        'breakouts.assign',
        'breakouts.autoAssign',
        'breakouts.start',
        'breakouts.broadcast',
        'breakouts.extend',
        'breakouts.end',
        'breakouts.report',
        'breakouts.warn',
        'breakouts.expire',
        'breakouts.recordAttendance',
        'breakouts.closeAttendance',
      ].sort(),
    );
    expect(Object.keys(BREAKOUT_ALLOWED).sort()).toEqual(BREAKOUT_COMMAND_TYPES.sort());
    expect(INTERNAL_BREAKOUT_COMMANDS.every((t) => BREAKOUT_ALLOWED[t].join() === 'system')).toBe(true);
  });

  it('given an unknown field, a bad mode or a zero capacity, then the command is malformed (strict objects)', () => {
    expect(issues({ type: 'breakouts.start', roundId: 'r1', force: true })).toEqual([': unrecognized_keys']);
    expect(issues({ type: 'breakouts.plan', mode: 'random', durationMinutes: 10, rooms: [{ theme: 'x', capacity: 2 }] })).toEqual([
      'mode: invalid_value',
    ]);
    expect(issues({ type: 'breakouts.plan', mode: 'manual', durationMinutes: 10, rooms: [{ theme: 'x', capacity: 0 }] })).toEqual([
      'rooms.0.capacity: too_small',
    ]);
    expect(issues({ type: 'breakouts.plan', mode: 'manual', durationMinutes: 10, rooms: [] })).toEqual(['rooms: too_small']);
    expect(
      issues({
        type: 'breakouts.report',
        roundId: 'r',
        roomId: 'x',
        keyPoints: [],
        proposals: [],
        implementation: [{ who: 'a', what: 'b' }],
        openQuestions: [],
      }),
    ).toEqual(['implementation.0.when: invalid_type']);
  });

  it('given the lead’s wiring, when BREAKOUT_COMMANDS are spread into the Command union, then both kinds parse', () => {
    // Command already holds them: take the others, so that each breakout command is parsed from its own schema.
    const others = Command.options.filter((o) => !(BREAKOUT_COMMAND_TYPES as string[]).includes(o.shape.type.value));
    const All = z.discriminatedUnion('type', [...others, ...BREAKOUT_COMMANDS] as unknown as typeof BREAKOUT_COMMANDS);
    expect(All.parse({ type: 'breakouts.extend', roundId: 'r1', minutes: 5 })).toEqual({
      type: 'breakouts.extend',
      roundId: 'r1',
      minutes: 5,
    });
    expect(All.parse({ type: 'floor.end' })).toEqual({ type: 'floor.end' });
  });
});
