import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';

/**
 * Draws Convene's two Teams icons in code, so they can be regenerated and reviewed like any source:
 * `node --import tsx manifest/drawIcons.ts` writes manifest/color.png and manifest/outline.png.
 *
 * The mark is a round table seen from above: a ring (the table) with seats around it, one of which,
 * at the top, is larger: the participant who has the floor. Shapes are sampled 8×8 times per pixel for
 * smooth edges. The outline icon is drawn only in white, anti-aliased through alpha alone, because
 * Teams requires it to be white on transparent.
 */

type Rgb = readonly [number, number, number];
type Shape = (x: number, y: number) => boolean;
interface Layer {
  readonly shape: Shape;
  readonly color: Rgb;
}

export const ACCENT: Rgb = [0x0e, 0x6e, 0x6b];
const WHITE: Rgb = [255, 255, 255];
const FLOOR: Rgb = [0xf6, 0xb9, 0x3b];
const SUBSAMPLES = 8;

const disc =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** A pill of half-width `r` around the segment of half-length `half` centred on (cx, cy), turned by `angle`. */
const capsule =
  (cx: number, cy: number, half: number, r: number, angle: number): Shape =>
  (x, y) => {
    const [ux, uy] = [Math.cos(angle), Math.sin(angle)];
    const along = Math.max(-half, Math.min(half, (x - cx) * ux + (y - cy) * uy));
    return (x - cx - along * ux) ** 2 + (y - cy - along * uy) ** 2 <= r * r;
  };

interface TableGeometry {
  readonly tableRadius: number;
  readonly seatOrbit: number;
  /** Half the straight length of a seat, which lies along the table's edge. */
  readonly seatHalfLength: number;
  readonly seatRadius: number;
  readonly seats: number;
}

/** The mark in pixel units, centred on (c, c); seat 0 (the floor) is at the top. */
function tableLayers(c: number, g: TableGeometry, seatColor: Rgb, floorColor: Rgb): Layer[] {
  const layers: Layer[] = [{ shape: disc(c, c, g.tableRadius), color: seatColor }];
  for (let seat = 0; seat < g.seats; seat += 1) {
    const angle = -Math.PI / 2 + (2 * Math.PI * seat) / g.seats;
    const [x, y] = [c + g.seatOrbit * Math.cos(angle), c + g.seatOrbit * Math.sin(angle)];
    const shape = capsule(x, y, g.seatHalfLength, g.seatRadius, angle + Math.PI / 2);
    layers.push({ shape, color: seat === 0 ? floorColor : seatColor });
  }
  return layers;
}

/** Rasterises layers (later ones on top) over a background; `background: undefined` is transparent. */
function render(size: number, layers: readonly Layer[], background: Rgb | undefined): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let [r, g, b, covered] = [0, 0, 0, 0];
      for (let sy = 0; sy < SUBSAMPLES; sy += 1) {
        for (let sx = 0; sx < SUBSAMPLES; sx += 1) {
          const x = px + (sx + 0.5) / SUBSAMPLES;
          const y = py + (sy + 0.5) / SUBSAMPLES;
          const top = layers.findLast((layer) => layer.shape(x, y));
          const color = top?.color ?? background;
          if (color === undefined) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          covered += 1;
        }
      }
      const i = (py * size + px) * 4;
      const alpha = Math.round((255 * covered) / SUBSAMPLES ** 2);
      // Colour averaged over the covered samples only, so a transparent edge never darkens the shape.
      png.data[i] = covered === 0 ? 255 : Math.round(r / covered);
      png.data[i + 1] = covered === 0 ? 255 : Math.round(g / covered);
      png.data[i + 2] = covered === 0 ? 255 : Math.round(b / covered);
      png.data[i + 3] = alpha;
    }
  }
  return png;
}

/** 192×192, full colour: the white table on Convene's accent colour, the floor seat in amber. */
export function drawColorIcon(): Buffer {
  const size = 192;
  const geometry: TableGeometry = {
    tableRadius: 36,
    seatOrbit: 57,
    seatHalfLength: 10,
    seatRadius: 9.5,
    seats: 6,
  };
  return PNG.sync.write(render(size, tableLayers(size / 2, geometry, WHITE, FLOOR), ACCENT));
}

/** 32×32, white on transparent, with the same mark filling the square as Teams asks (no padding). */
export function drawOutlineIcon(): Buffer {
  const size = 32;
  const geometry: TableGeometry = {
    tableRadius: 6.5,
    seatOrbit: 12,
    seatHalfLength: 2,
    seatRadius: 2.5,
    seats: 6,
  };
  return PNG.sync.write(render(size, tableLayers(size / 2, geometry, WHITE, WHITE), undefined));
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  writeFileSync(path.join(dir, 'color.png'), drawColorIcon());
  writeFileSync(path.join(dir, 'outline.png'), drawOutlineIcon());
  console.log(`Wrote ${path.join(dir, 'color.png')} and ${path.join(dir, 'outline.png')}`);
}
