import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../server/config.js';

// LIVEKIT_RECONCILE_SECONDS (README configuration table, .env.example): how often a running round's
// attendance is checked against LiveKit (BREAKOUT-28).

describe('LIVEKIT_RECONCILE_SECONDS', () => {
  it('BREAKOUT-28: given nothing (or a blank value), then a running round is checked every 60 s; 0 turns the checks off', () => {
    expect(parseConfig({}, '/x').livekitReconcileSeconds).toBe(60);
    expect(parseConfig({ LIVEKIT_RECONCILE_SECONDS: '' }, '/x').livekitReconcileSeconds).toBe(60);
    expect(parseConfig({ LIVEKIT_RECONCILE_SECONDS: '0' }, '/x').livekitReconcileSeconds).toBe(0);
    expect(parseConfig({ LIVEKIT_RECONCILE_SECONDS: '15' }, '/x').livekitReconcileSeconds).toBe(15);
  });

  it('given a negative, fractional or non-numeric value, then the configuration names it', () => {
    for (const value of ['-1', '2.5', 'often']) {
      const error = (() => {
        try {
          parseConfig({ LIVEKIT_RECONCILE_SECONDS: value }, '/x');
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join('\n')).toMatch(/^LIVEKIT_RECONCILE_SECONDS:/m);
    }
  });
});
