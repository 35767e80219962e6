import { describe, expect, it } from 'vitest';
import { ensureLocalStorage } from '../../../plugin/src/features/breakouts/storageStandIn.js';

// A breakout room in a third-party frame whose storage the browser denies (Teams on the web): LiveKit's
// ControlBar reads localStorage, so the page gets an in-memory stand-in instead of crashing.

const denyingWindow = () => {
  const win = {};
  Object.defineProperty(win, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException(
        "Failed to read the 'localStorage' property from 'Window': Access is denied for this document.",
        'SecurityError',
      );
    },
  });
  return win as Window;
};

describe('localStorage for the LiveKit room', () => {
  it('given a frame whose storage is denied, when the room loads, then localStorage reads and writes in memory instead of throwing', () => {
    const win = denyingWindow();
    expect(() => win.localStorage).toThrow();
    expect(ensureLocalStorage(win)).toBe(true);
    expect(win.localStorage.getItem('lk-user-choices')).toBeNull();
    win.localStorage.setItem('lk-user-choices', '{"audioEnabled":true}');
    expect(win.localStorage.getItem('lk-user-choices')).toBe('{"audioEnabled":true}');
    expect(win.localStorage.length).toBe(1);
  });

  it('given working storage, then it is left alone', () => {
    const real = { getItem: () => 'kept' } as unknown as Storage;
    const win = { localStorage: real } as unknown as Window;
    expect(ensureLocalStorage(win)).toBe(false);
    expect(win.localStorage).toBe(real);
  });
});
