import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { RequestHandler } from 'express';

// The tab's hashed assets, compressed (issue 3): about 1.7 MB of JavaScript raw, under a third of that
// compressed, which is what a Teams client on a slow link waits for before the console shows. Brotli when
// the browser takes it, else gzip. A hashed asset never changes, so each one is compressed once, off the
// event loop (zlib's thread pool), and kept in memory: the whole build is a few hundred KB compressed.

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.svg', '.json', '.html', '.txt', '.map']);
/** Below this, the headers cost more than the bytes saved. */
const MIN_BYTES = 1024;

type Encoding = 'br' | 'gzip';

/** The best encoding the request accepts (q=0 refuses one). */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Set(
    acceptEncoding
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, ...params]) => !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p)))
      .map(([name]) => name.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}

function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  // Quality 9 of 11: within a few per cent of the best, at a fraction of its time on the first request.
  if (encoding === 'br')
    return brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  return gzipAsync(body, { level: 9 });
}

/** Serves `<dir>/assets/*` compressed when the browser accepts it; everything else falls through. */
export function compressedAssets(dir: string, cacheControl: string): RequestHandler {
  const assets = resolve(dir, 'assets');
  const cache = new Map<string, Promise<Buffer>>();
  return async (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith('/assets/')) return next();
    const encoding = pickEncoding(req.get('accept-encoding'));
    if (!encoding || !COMPRESSIBLE.has(extname(req.path).toLowerCase())) return next();
    let file: string;
    try {
      file = resolve(assets, `.${decodeURIComponent(req.path.slice('/assets'.length))}`);
    } catch {
      return next();
    }
    // `/assets/../index.html` must not leave with an asset's cache policy.
    if (!file.startsWith(assets + sep)) return next();
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || info.size < MIN_BYTES) return next();
    // A rebuilt file under the same name (development) gets a new entry, not the old bytes.
    const key = `${encoding} ${file} ${info.mtimeMs} ${info.size}`;
    let pending = cache.get(key);
    if (!pending) {
      pending = readFile(file).then((raw) => compress(raw, encoding));
      cache.set(key, pending);
      pending.catch(() => cache.delete(key));
    }
    const body = await pending.catch(() => null);
    if (!body) return next();
    res.type(extname(file));
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', body.length);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', cacheControl);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
