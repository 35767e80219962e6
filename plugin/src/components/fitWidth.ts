import type { CSSProperties } from 'react';

/** Fluent's Dropdown has a 250 px minimum; in a 280 px side panel it must shrink with its column instead. */
export const fitWidth: CSSProperties = { minWidth: 0, maxWidth: '100%' };
