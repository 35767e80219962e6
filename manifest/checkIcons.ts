import { PNG } from 'pngjs';

/**
 * Icon rules from the Teams app-package documentation that schema validation cannot see:
 * the colour icon is a 192×192 PNG; the outline icon is a 32×32 PNG drawn only in white on a
 * transparent background (Teams tints it with the accent colour, so any other colour would show).
 */

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

export function checkColorIcon(file: string, png: Buffer): string[] {
  const image = decode(file, png);
  if (typeof image === 'string') return [image];
  return checkSize(file, image, COLOR_ICON_SIZE);
}

export function checkOutlineIcon(file: string, png: Buffer): string[] {
  const image = decode(file, png);
  if (typeof image === 'string') return [image];
  const problems = checkSize(file, image, OUTLINE_ICON_SIZE);
  const coloured: string[] = [];
  let visible = 0;
  for (let y = 0; y < image.height; y += 1) {
    for (let x = 0; x < image.width; x += 1) {
      const i = (y * image.width + x) * 4;
      const [r, g, b, a] = [image.data[i], image.data[i + 1], image.data[i + 2], image.data[i + 3]];
      if (a === 0) continue;
      visible += 1;
      if (r !== 255 || g !== 255 || b !== 255) coloured.push(`(${x},${y}) rgba(${r},${g},${b},${a})`);
    }
  }
  if (coloured.length > 0) {
    const shown = coloured.slice(0, 5).join(', ') + (coloured.length > 5 ? `, … ${coloured.length - 5} more` : '');
    problems.push(`${file}: the outline icon must be only white and transparent; ${coloured.length} pixel(s) are coloured: ${shown}`);
  }
  if (visible === 0) problems.push(`${file}: the outline icon is fully transparent`);
  return problems;
}

function decode(file: string, png: Buffer): PNG | string {
  try {
    return PNG.sync.read(png);
  } catch (error) {
    return `${file}: not a readable PNG (${(error as Error).message})`;
  }
}

function checkSize(file: string, image: PNG, size: number): string[] {
  return image.width === size && image.height === size
    ? []
    : [`${file}: must be ${size}×${size} pixels, found ${image.width}×${image.height}`];
}
