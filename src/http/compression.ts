import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/
// Whole bodies up to this size are compressed in one call; larger or unknown-length bodies
// (exports) are compressed as they stream, so they are never held in memory.
const ONE_SHOT_LIMIT = 64 * 1024

// Quality 4 keeps brotli about as fast as gzip on the fly while still smaller. A 256 KiB
// window (instead of the default 4 MiB) keeps memory per response small under load.
const brotliParams = (sizeHint?: number) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 4,
    [constants.BROTLI_PARAM_LGWIN]: 18,
    ...(sizeHint ? { [constants.BROTLI_PARAM_SIZE_HINT]: sizeHint } : {}),
  },
})

/** Brotli or gzip for dynamic responses. Responses already encoded (static files) pass through. */
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

  let body: BodyInit
  if (length <= ONE_SHOT_LIMIT) {
    const raw = Buffer.from(await res.arrayBuffer())
    // In one synchronous call: for a page this size (about 0.1 ms) handing it to the thread
    // pool and back costs more than the compression itself.
    const packed = encoding === 'br' ? brotliCompressSync(raw, brotliParams(raw.length)) : gzipSync(raw)
    body = new Uint8Array(packed)
  } else {
    const compressor = encoding === 'br' ? createBrotliCompress(brotliParams()) : createGzip()
    const source = Readable.fromWeb(res.body as unknown as NodeReadableStream)
    source.on('error', (error) => compressor.destroy(error))
    body = Readable.toWeb(source.pipe(compressor)) as unknown as ReadableStream
  }
  // Hono copies the old headers onto a new c.res, so adjust them after the assignment.
  c.res = new Response(body, res)
  c.res.headers.delete('content-length')
  c.res.headers.set('content-encoding', encoding)
  c.res.headers.append('vary', 'Accept-Encoding')
}
