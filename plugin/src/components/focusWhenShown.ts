import { useEffect, type RefObject } from 'react';

// After a command whose result replaces the control that was used (Give the floor removes its row, Request
// the floor turns the form into the place in line), focus must not fall to <body> (WCAG 2.4.3). The result
// arrives over the live stream, not with the command's answer, so the control asks for a place *before*
// running the command and that place takes focus when it renders with the result.

let wanted: string | null = null;

/** Ask that the place `id` take focus the next time it is shown (call before running the command). */
export function focusWhenShown(id: string): void {
  wanted = id;
}

/** The command failed: the control keeps focus, nothing else should take it later. */
export function cancelFocusWhenShown(id: string): void {
  if (wanted === id) wanted = null;
}

/** Takes focus when `id` was asked for and `shownKey` is set (it changes when the result arrives). */
export function useFocusWhenShown(id: string, ref: RefObject<HTMLElement | null>, shownKey: string | null | undefined): void {
  useEffect(() => {
    if (wanted !== id || !shownKey || !ref.current) return;
    wanted = null;
    ref.current.focus();
  }, [id, ref, shownKey]);
}
