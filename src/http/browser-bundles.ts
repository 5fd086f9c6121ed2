import { buildSync } from 'esbuild'

const BROWSER_DIR = new URL('../../views/browser/', import.meta.url).pathname

/**
 * Bundles browser code for serving: one minified script per entry. It runs once when the
 * server starts (tens of milliseconds), so there is no build step and nothing generated to
 * commit. Each folder's own tsconfig makes its JSX jsx-dom's, never hono/jsx.
 */
export function bundleBrowserCode(entry: string, define: Record<string, string> = {}): Buffer {
  const path = BROWSER_DIR + entry
  const folder = path.slice(0, path.lastIndexOf('/') + 1)
  const result = buildSync({
    entryPoints: [path],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    write: false,
    legalComments: 'none',
    tsconfig: `${folder}tsconfig.json`,
    define,
    logLevel: 'silent',
  })
  return Buffer.from(result.outputFiles[0]!.contents)
}
