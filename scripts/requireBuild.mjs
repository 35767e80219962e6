#!/usr/bin/env node
// `npm start` serves what `npm run build` made and builds nothing itself (a production install has no
// Vite). Without plugin/dist it stops here with the one thing to do.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const index = fileURLToPath(new URL('../plugin/dist/index.html', import.meta.url));
if (!existsSync(index)) {
  console.error('The tab is not built (plugin/dist/index.html is missing): run npm run build, then npm start.');
  process.exit(1);
}
