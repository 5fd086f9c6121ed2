import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { type Context, Hono } from 'hono'
import { bundleBrowserCode } from './browser-bundles.js'
import type { AppEnv } from './env.js'

const require = createRequire(import.meta.url)

interface Asset {
  urlPath: string
  type: string
  raw: Buffer
  br: Buffer
  gzip: Buffer
}

const JS = 'text/javascript; charset=utf-8'

// Static files the pages use. URLs carry a content hash, so browsers may keep them for a
// year and a new release is fetched at once.
const SOURCES: Record<string, { read: () => Buffer; type: string }> = {
  'app.css': {
    read: () => readFileSync(new URL('../../static/app.css', import.meta.url).pathname),
    type: 'text/css; charset=utf-8',
  },
  'htmx.js': { read: () => readFileSync(require.resolve('htmx.org/dist/htmx.min.js')), type: JS },
  'offline.js': { read: () => bundleBrowserCode('offline.tsx'), type: JS },
}

function load(name: string, raw: Buffer, type: string): Asset {
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 12)
  const dot = name.lastIndexOf('.')
  return {
    urlPath: `/static/${name.slice(0, dot)}.${hash}${name.slice(dot)}`,
    type,
    raw,
    br: brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        // A window sized to the file: the default 4 MiB window costs over 100 MB of memory at start.
        [constants.BROTLI_PARAM_LGWIN]: 18,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gzip: gzipSync(raw, { level: 9 }),
  }
}

const assets = new Map(Object.entries(SOURCES).map(([name, s]) => [name, load(name, s.read(), s.type)]))
const byUrl = new Map([...assets.values()].map((a) => [a.urlPath, a]))

// The inspection form's service worker. It names the files and pages it keeps, so it changes
// (and browsers install it again) whenever one of those files does.
const KEPT_ASSETS = [...assets.values()].map((a) => a.urlPath)
const serviceWorker = load(
  'sw.js',
  bundleBrowserCode('service-worker/sw.ts', {
    __ASSETS__: JSON.stringify(KEPT_ASSETS),
    __PAGES__: JSON.stringify(['/inspections/new', '/inspections/device']),
    __VERSION__: JSON.stringify(createHash('sha256').update(KEPT_ASSETS.join()).digest('hex').slice(0, 12)),
  }),
  JS,
)
export const SERVICE_WORKER_PATH = '/inspections/sw.js'

/** The hashed URL of a static file, for views. */
export function assetUrl(name: keyof typeof SOURCES & string): string {
  const asset = assets.get(name)
  if (!asset) throw new Error(`Unknown asset ${name}`)
  return asset.urlPath
}

function send(c: Context<AppEnv>, asset: Asset, cacheControl: string) {
  const accept = c.req.header('accept-encoding') ?? ''
  const [body, encoding] = accept.includes('br')
    ? [asset.br, 'br']
    : accept.includes('gzip')
      ? [asset.gzip, 'gzip']
      : [asset.raw, null]
  c.header('Content-Type', asset.type)
  c.header('Cache-Control', cacheControl)
  c.header('Vary', 'Accept-Encoding')
  if (encoding) c.header('Content-Encoding', encoding)
  return c.body(new Uint8Array(body))
}

export const staticRoutes = new Hono<AppEnv>()
  .get('/static/:file', (c) => {
    const asset = byUrl.get(c.req.path)
    if (!asset) return c.notFound()
    return send(c, asset, 'public, max-age=31536000, immutable')
  })
  // Browsers check a service worker for a new version on each visit: it must not be kept.
  .get(SERVICE_WORKER_PATH, (c) => send(c, serviceWorker, 'no-cache'))
