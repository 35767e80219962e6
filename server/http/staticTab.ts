import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { compressedAssets } from './compressedAssets.js';

// Serves the built tab (`plugin/dist`) with an SPA fallback: every GET outside /api that is not a file
// gets index.html (so /join#code=… and deep links work). Hashed assets are cached for good; index.html
// never, so a deploy is picked up on the next load. Assets go out compressed when the browser accepts it.

const IMMUTABLE = 'public, max-age=31536000, immutable';

export function createStaticTab(dir: string): Router {
  const router = express.Router();
  router.use(compressedAssets(dir, IMMUTABLE));
  router.use(
    express.static(dir, {
      index: 'index.html',
      setHeaders(res, path) {
        res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : 'no-cache');
      },
    }),
  );
  router.get('/{*splat}', (req, res, next) => {
    if (req.path === '/api' || req.path.startsWith('/api/')) return next();
    const index = join(dir, 'index.html');
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The tab has not been built yet: run `npm run build` (or use `npm run dev`).\n');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
