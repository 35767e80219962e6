import type { Theme } from '@fluentui/react-components';

// Fluent's themes give font sizes and line heights in px, so text did not grow when the user enlarged it
// (WCAG 1.4.4). The same tokens in rem (16 px = 1 rem) look identical at the default size and follow the
// browser's or the OS's text size; everything styled with `tokens.fontSize*` / `tokens.lineHeight*` follows.

const PX = /^(\d+(?:\.\d+)?)px$/;

export function remTheme(theme: Theme): Theme {
  const out: Record<string, unknown> = { ...theme };
  for (const [key, value] of Object.entries(theme)) {
    if (!key.startsWith('fontSize') && !key.startsWith('lineHeight')) continue;
    const m = typeof value === 'string' ? PX.exec(value) : null;
    if (m) out[key] = `${Number(m[1]) / 16}rem`;
  }
  return out as unknown as Theme;
}
