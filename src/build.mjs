// The release build, in plain JavaScript so that it runs on Node alone (no TypeScript loader):
// - the server, the demo and the migration command, compiled by esbuild into dist/ (npm
//   packages stay in node_modules, imported as they are);
// - the files pages use (stylesheet, htmx, the offline script, the service worker), each under
//   a content hash and already compressed (brotli and gzip), in dist/static/, with a manifest
//   the server reads at start (src/http/assets.ts).
//
//   node src/build.mjs             build
//   node src/build.mjs --if-stale  build only when a source is newer than the last build
//
// `npm start` runs the second form first, so `npm install && npm start` needs nothing else.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const stamp = join(dist, '.built')
const require = createRequire(import.meta.url)

/** The newest modification time of the sources the build reads. */
function newestSource() {
  let newest = 0
  const visit = (path) => {
    const info = statSync(path)
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry))
    } else newest = Math.max(newest, info.mtimeMs)
  }
  for (const part of ['src', 'views', 'migrations', 'static', 'package-lock.json', 'tsconfig.json'])
    if (existsSync(join(root, part))) visit(join(root, part))
  return newest
}

if (process.argv.includes('--if-stale') && existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource()) {
  process.exit(0)
}

const started = performance.now()
rmSync(dist, { recursive: true, force: true })
mkdirSync(join(dist, 'static'), { recursive: true })

// The server side: hono/jsx through the project's tsconfig.
await build({
  entryPoints: {
    server: join(root, 'src/server.ts'),
    demo: join(root, 'src/demo.ts'),
    migrate: join(root, 'src/db/migrate-cli.ts'),
  },
  outdir: dist,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
})

/** Browser code, with its folder's own tsconfig (jsx-dom, never hono/jsx). */
async function bundleBrowser(entry, define = {}) {
  const path = join(root, 'views/browser', entry)
  const result = await build({
    entryPoints: [path],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    write: false,
    legalComments: 'none',
    tsconfig: join(dirname(path), 'tsconfig.json'),
    define,
    logLevel: 'warning',
  })
  return Buffer.from(result.outputFiles[0].contents)
}

const manifest = {}
const JS = 'text/javascript; charset=utf-8'

/** Writes a file with its compressed forms; returns the address pages use for it. */
function emit(name, raw, type, { hashed = true } = {}) {
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 12)
  const dot = name.lastIndexOf('.')
  const file = hashed ? `${name.slice(0, dot)}.${hash}${name.slice(dot)}` : name
  writeFileSync(join(dist, 'static', file), raw)
  writeFileSync(
    join(dist, 'static', `${file}.br`),
    brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }),
  )
  writeFileSync(join(dist, 'static', `${file}.gz`), gzipSync(raw, { level: 9 }))
  manifest[name] = { file, type, hash }
  return `/static/${file}`
}

emit('app.css', readFileSync(join(root, 'static/app.css')), 'text/css; charset=utf-8')
// htmx and the little every page adds to it (views/browser/pages.ts): one file, one request.
emit(
  'htmx.js',
  Buffer.concat([
    readFileSync(require.resolve('htmx.org/dist/htmx.min.js')),
    Buffer.from('\n'),
    await bundleBrowser('pages.ts'),
  ]),
  JS,
)
emit('offline.js', await bundleBrowser('offline.tsx'), JS)

// The inspection form's service worker names the files and pages it keeps, so it changes (and
// browsers install it again) whenever one of them does. Its own address never changes.
const kept = Object.values(manifest).map((a) => `/static/${a.file}`)
emit(
  'sw.js',
  await bundleBrowser('service-worker/sw.ts', {
    __ASSETS__: JSON.stringify(kept),
    __PAGES__: JSON.stringify(['/staff', '/inspections/new', '/inspections/device']),
    __VERSION__: JSON.stringify(createHash('sha256').update(kept.join()).digest('hex').slice(0, 12)),
  }),
  JS,
  { hashed: false },
)

writeFileSync(join(dist, 'static', 'manifest.json'), JSON.stringify(manifest, null, 2))
writeFileSync(stamp, new Date().toISOString())
console.log(`Built dist/ in ${Math.round(performance.now() - started)} ms.`)
