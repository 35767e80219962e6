import { makeStyles } from '@fluentui/react-components';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

// One polite live region per surface (WCAG 4.1.3): confirmations and results ("Question added", "Your
// request is number 2 in line", "Amina Diallo has the floor") are said once, in the tab's language. Nothing
// that ticks is ever put here: the countdown is a role="timer" with its own minute marks.

const useStyles = makeStyles({
  region: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

const AnnounceContext = createContext<(text: string) => void>(() => undefined);

/** Say `text` through the surface's live region. */
export const useAnnounce = (): ((text: string) => void) => useContext(AnnounceContext);

export function Announcer({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Emptied first, then filled: the same sentence twice in a row is still announced twice.
  const announce = useCallback((text: string) => {
    setMessage('');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(text), 100);
  }, []);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="announcer" className={styles.region}>
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}
