import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';

// Serves the built tab (`plugin/dist`) with an SPA fallback: every GET outside /api that is not a file
// gets index.html (so /join#code=… and deep links work). Hashed assets are cached for good; index.html
// never, so a deploy is picked up on the next load.

export function createStaticTab(dir: string): Router {
  const router = express.Router();
  router.use(
    express.static(dir, {
      index: 'index.html',
      setHeaders(res, path) {
        res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
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
