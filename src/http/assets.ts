import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Context, Hono } from 'hono'
import type { AppEnv } from './env.js'

// The files pages use, as the build made them (src/build.mjs): each under a content hash, so
// browsers keep them for a year and a new release is fetched at once, and already compressed.
// Read once at start; nothing is bundled or compressed here.

/** The folder holding package.json: the same from src/http/ and from the compiled dist/. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error('package.json not found above the server code')
    dir = up
  }
  return dir
}

const STATIC = join(projectRoot(), 'dist', 'static')
const MANIFEST = join(STATIC, 'manifest.json')
if (!existsSync(MANIFEST))
  throw new Error(`The static files are not built: run \`npm run build\` (${MANIFEST} is missing).`)

type Name = 'app.css' | 'htmx.js' | 'offline.js' | 'sw.js'

interface Asset {
  urlPath: string
  type: string
  raw: Buffer
  br: Buffer
  gzip: Buffer
}

const manifest: Record<Name, { file: string; type: string }> = JSON.parse(readFileSync(MANIFEST, 'utf8'))

function load(name: Name, urlPath: string): Asset {
  const { file, type } = manifest[name]
  const path = join(STATIC, file)
  return {
    urlPath,
    type,
    raw: readFileSync(path),
    br: readFileSync(`${path}.br`),
    gzip: readFileSync(`${path}.gz`),
  }
}

export const SERVICE_WORKER_PATH = '/inspections/sw.js'

const assets = new Map<Name, Asset>(
  (['app.css', 'htmx.js', 'offline.js'] as const).map((name) => [
    name,
    load(name, `/static/${manifest[name].file}`),
  ]),
)
const byUrl = new Map([...assets.values()].map((a) => [a.urlPath, a]))
// The inspection form's service worker, at a fixed address inside the scope it serves.
const serviceWorker = load('sw.js', SERVICE_WORKER_PATH)

/** The hashed URL of a static file, for views. */
export function assetUrl(name: Exclude<Name, 'sw.js'>): string {
  return assets.get(name)!.urlPath
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
  // Browsers check a service worker for a new version on each visit: it must not be kept. It
  // lives under /inspections/ but serves the whole site (home and worksite pages work offline).
  .get(SERVICE_WORKER_PATH, (c) => {
    c.header('Service-Worker-Allowed', '/')
    return send(c, serviceWorker, 'no-cache')
  })
