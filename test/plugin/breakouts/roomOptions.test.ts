import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOM_OPTIONS } from '../../../plugin/src/features/breakouts/roomOptions.js';

describe('the breakout room media options', () => {
  it('given the room options, when read, then adaptive streaming and dynacast are on', () => {
    expect(ROOM_OPTIONS).toMatchObject({ adaptiveStream: true, dynacast: true });
  });

  it('given the breakout room, when it connects, then LiveKitRoom receives these options (one stable object)', () => {
    const source = readFileSync(new URL('../../../plugin/src/features/breakouts/BreakoutRoom.tsx', import.meta.url), 'utf8');
    expect(source).toMatch(/<LiveKitRoom[^>]*options=\{ROOM_OPTIONS\}/s);
  });
});
