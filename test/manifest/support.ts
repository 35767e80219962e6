import { PNG } from 'pngjs';
import { readPackageSources } from '../../manifest/package.js';
import type { PackageSources } from '../../manifest/buildPackage.js';

/** Values as a real deployment would give them (not the dev defaults). */
export const CLEAN_VALUES = {
  APP_ID: '2f0c5a8e-4b7d-4e21-9a63-1d5e8c0b7f42',
  HOST_NAME: 'convene.example.org',
  ENTRA_CLIENT_ID: '8d3b6f1a-0c2e-4a57-b9d4-6e1f2a3c4b5d',
  APP_VERSION: '1.4.2',
} as const;

/** The committed template and icons, with one part optionally replaced. */
export function sources(overrides: Partial<PackageSources> = {}): PackageSources {
  return { ...readPackageSources(), ...overrides };
}

/** The committed template with one exact substring replaced (fails loudly if the substring moved). */
export function templateWith(find: string, replace: string): string {
  const { templateText } = readPackageSources();
  if (!templateText.includes(find)) throw new Error(`template no longer contains ${find}`);
  return templateText.replace(find, replace);
}

export function solidPng(size: number, rgba: readonly [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let i = 0; i < size * size * 4; i += 4) png.data.set(rgba, i);
  return PNG.sync.write(png);
}

export function withPixel(pngBytes: Buffer, x: number, y: number, rgba: readonly [number, number, number, number]): Buffer {
  const png = PNG.sync.read(pngBytes);
  png.data.set(rgba, (y * png.width + x) * 4);
  return PNG.sync.write(png);
}
