import { Readable } from 'node:stream'
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/
// Smaller bodies are not worth compressing.
const MIN_SIZE = 1024
// Bodies up to this size are compressed in one synchronous call (about 0.1 ms for a page:
// cheaper than streaming or the thread pool). Larger ones, such as exports, are compressed as
// they stream, so they are never held in memory.
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

/** Reads the start of a body: all of it when it is small, else the chunks read so far and the rest. */
async function peek(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  while (size <= ONE_SHOT_LIMIT) {
    const { done, value } = await reader.read()
    if (done) return { whole: Buffer.concat(chunks, size) }
    chunks.push(value)
    size += value.length
  }
  const rest = async function* () {
    yield* chunks
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  }
  return { stream: Readable.from(rest()) }
}

/** Brotli or gzip for dynamic responses. Responses already encoded (static files) pass through. */
export const compression: MiddlewareHandler = async (c, next) => {
  await next()
  const res = c.res
  if (!res.body || res.headers.has('content-encoding') || c.req.method === 'HEAD') return
  if (!COMPRESSIBLE.test(res.headers.get('content-type') ?? '')) return
  if (Number(res.headers.get('content-length') ?? Number.POSITIVE_INFINITY) < MIN_SIZE) return
  const accept = c.req.header('accept-encoding') ?? ''
  const encoding = accept.includes('br') ? 'br' : accept.includes('gzip') ? 'gzip' : null
  if (!encoding) return

  const start = await peek(res.body)
  let body: BodyInit
  if (start.whole) {
    if (start.whole.length < MIN_SIZE) {
      c.res = new Response(new Uint8Array(start.whole), res)
      return
    }
    const raw = start.whole
    body = new Uint8Array(
      encoding === 'br' ? brotliCompressSync(raw, brotliParams(raw.length)) : gzipSync(raw),
    )
  } else {
    const compressor = encoding === 'br' ? createBrotliCompress(brotliParams()) : createGzip()
    const source = start.stream!
    source.on('error', (error) => compressor.destroy(error))
    body = Readable.toWeb(source.pipe(compressor)) as unknown as ReadableStream
  }
  // Hono copies the old headers onto a new c.res, so adjust them after the assignment.
  c.res = new Response(body, res)
  c.res.headers.delete('content-length')
  c.res.headers.set('content-encoding', encoding)
  c.res.headers.append('vary', 'Accept-Encoding')
}
