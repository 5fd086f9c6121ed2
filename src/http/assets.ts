import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { Hono } from 'hono'
import type { AppEnv } from './env.js'

const require = createRequire(import.meta.url)

interface Asset {
  urlPath: string
  type: string
  raw: Buffer
  br: Buffer
  gzip: Buffer
}

// Static files the pages use. URLs carry a content hash, so browsers may keep them for a
// year and a new release is fetched at once.
const SOURCES: Record<string, { file: string; type: string }> = {
  'app.css': {
    file: new URL('../../static/app.css', import.meta.url).pathname,
    type: 'text/css; charset=utf-8',
  },
  'htmx.js': { file: require.resolve('htmx.org/dist/htmx.min.js'), type: 'text/javascript; charset=utf-8' },
}

function load(name: string, file: string, type: string): Asset {
  const raw = readFileSync(file)
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

const assets = new Map(Object.entries(SOURCES).map(([name, s]) => [name, load(name, s.file, s.type)]))
const byUrl = new Map([...assets.values()].map((a) => [a.urlPath, a]))

/** The hashed URL of a static file, for views. */
export function assetUrl(name: keyof typeof SOURCES & string): string {
  const asset = assets.get(name)
  if (!asset) throw new Error(`Unknown asset ${name}`)
  return asset.urlPath
}

export const staticRoutes = new Hono<AppEnv>().get('/static/:file', (c) => {
  const asset = byUrl.get(c.req.path)
  if (!asset) return c.notFound()
  const accept = c.req.header('accept-encoding') ?? ''
  const [body, encoding] = accept.includes('br')
    ? [asset.br, 'br']
    : accept.includes('gzip')
      ? [asset.gzip, 'gzip']
      : [asset.raw, null]
  c.header('Content-Type', asset.type)
  c.header('Cache-Control', 'public, max-age=31536000, immutable')
  c.header('Vary', 'Accept-Encoding')
  if (encoding) c.header('Content-Encoding', encoding)
  return c.body(new Uint8Array(body))
})
