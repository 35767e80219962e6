import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ACCENT, drawColorIcon, drawOutlineIcon } from '../../manifest/drawIcons.js';
import { checkColorIcon, checkOutlineIcon } from '../../manifest/package.js';
import { sources } from './support.js';

describe("Convene's icons", () => {
  it('given the generator, when it draws, then the committed PNGs are exactly its output (no hand-edited drift)', () => {
    const { colorPng, outlinePng } = sources();

    expect(drawColorIcon().equals(colorPng)).toBe(true);
    expect(drawOutlineIcon().equals(outlinePng)).toBe(true);
  });

  it('given the committed icons, when checked, then both meet the Teams size and outline rules', () => {
    const { colorPng, outlinePng } = sources();

    expect(checkColorIcon('color.png', colorPng)).toEqual([]);
    expect(checkOutlineIcon('outline.png', outlinePng)).toEqual([]);
  });

  it('given the colour icon, when read, then it is an opaque tile in the accent colour with a white mark', () => {
    const png = PNG.sync.read(sources().colorPng);
    const at = (x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)];

    expect(at(2, 2)).toEqual([...ACCENT, 255]);
    expect(at(96, 96)).toEqual([255, 255, 255, 255]);
    expect(png.data.filter((_, i) => i % 4 === 3).every((alpha) => alpha === 255)).toBe(true);
  });

  it('given the manifest template, when read, then its accentColor is the colour the tile is drawn in', () => {
    const accent = (JSON.parse(sources().templateText) as { accentColor: string }).accentColor;
    const hex = `#${ACCENT.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;

    expect(accent.toLowerCase()).toBe(hex);
  });

  it('given a PNG that is not one, when checked, then the file is named as unreadable', () => {
    expect(checkColorIcon('color.png', Buffer.from('not a png'))).toEqual([expect.stringMatching(/^color\.png: not a readable PNG/)]);
  });

  it('given a fully transparent outline, when checked, then it is refused as empty', () => {
    const png = new PNG({ width: 32, height: 32, colorType: 6 });
    expect(checkOutlineIcon('outline.png', PNG.sync.write(png))).toEqual(['outline.png: the outline icon is fully transparent']);
  });
});
