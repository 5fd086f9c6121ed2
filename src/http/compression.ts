import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { constants, createBrotliCompress, createGzip } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/
// Quality 4 keeps brotli about as fast as gzip on the fly while still smaller.
const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }

/**
 * Brotli or gzip for dynamic responses, streamed so that a large export is compressed as it
 * is written rather than held in memory. Responses already encoded (static files) pass.
 */
export const compression: MiddlewareHandler = async (c, next) => {
  await next()
  const res = c.res
  if (!res.body || res.headers.has('content-encoding') || c.req.method === 'HEAD') return
  if (!COMPRESSIBLE.test(res.headers.get('content-type') ?? '')) return
  const length = Number(res.headers.get('content-length') ?? Number.NaN)
  if (length < 1024) return
  const accept = c.req.header('accept-encoding') ?? ''
  const encoding = accept.includes('br') ? 'br' : accept.includes('gzip') ? 'gzip' : null
  if (!encoding) return
  const compressor = encoding === 'br' ? createBrotliCompress(BROTLI_OPTIONS) : createGzip()
  const source = Readable.fromWeb(res.body as unknown as NodeReadableStream)
  source.on('error', (error) => compressor.destroy(error))
  const body = Readable.toWeb(source.pipe(compressor)) as unknown as ReadableStream
  // Hono copies the old headers onto a new c.res, so adjust them after the assignment.
  c.res = new Response(body, res)
  c.res.headers.delete('content-length')
  c.res.headers.set('content-encoding', encoding)
  c.res.headers.append('vary', 'Accept-Encoding')
}
