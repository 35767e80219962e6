// LiveKit's components read the device choices from window.localStorage (ControlBar does even with
// saveUserChoices off) through `typeof localStorage`, which throws a SecurityError where the browser denies
// storage to a third-party frame — Teams on the web with third-party storage blocked. Uncaught, that takes
// the whole tab down the moment someone joins a room. A stand-in kept in memory for this page avoids it.

/** Leaves a working localStorage alone; otherwise puts an in-memory Storage in its place. True if it did. */
export function ensureLocalStorage(win: Window = window): boolean {
  try {
    void win.localStorage;
    return false;
  } catch {
    // denied: fall through to the stand-in
  }
  const memory = new Map<string, string>();
  const standIn: Storage = {
    get length() {
      return memory.size;
    },
    clear: () => memory.clear(),
    getItem: (key) => memory.get(key) ?? null,
    key: (index) => [...memory.keys()][index] ?? null,
    removeItem: (key) => void memory.delete(key),
    setItem: (key, value) => void memory.set(key, String(value)),
  };
  try {
    Object.defineProperty(win, 'localStorage', { value: standIn, configurable: true });
    return true;
  } catch {
    return false;
  }
}
