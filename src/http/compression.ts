import { Readable } from 'node:stream'
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

// Compression is done where a response is made, not by a middleware: a middleware would have
// to read every body back out of its stream to learn its size, which cost more than the
// compression itself (a third of the throughput of /healthz).

// Smaller bodies are not worth compressing.
const MIN_SIZE = 1024

// A page made for one request is compressed at quality 2 with a 64 KiB window: measured on an
// 8 KB lookup page, 55 µs and 2,037 bytes against 155 µs and 1,788 bytes at quality 4 (a fifth of
// a first view's server time went to brotli). A streamed export, large and rare, keeps quality 4
// with a 256 KiB window (instead of the default 4 MiB, so memory per response stays small).
const pageBrotli = (sizeHint: number) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 2,
    [constants.BROTLI_PARAM_LGWIN]: 16,
    [constants.BROTLI_PARAM_SIZE_HINT]: sizeHint,
  },
})
const streamBrotli = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_LGWIN]: 18 },
}

function chooseEncoding(c: Context): 'br' | 'gzip' | null {
  const accept = c.req.header('accept-encoding') ?? ''
  return accept.includes('br') ? 'br' : accept.includes('gzip') ? 'gzip' : null
}

/** A text response, compressed in one synchronous call when the browser accepts it (about 0.1 ms for a page). */
export function sendText(
  c: Context,
  text: string,
  contentType: string,
  status: ContentfulStatusCode = 200,
): Response {
  const raw = Buffer.from(text)
  const encoding = raw.length >= MIN_SIZE ? chooseEncoding(c) : null
  c.header('Content-Type', contentType)
  c.header('Vary', 'Accept-Encoding', { append: true })
  if (!encoding) return withBytes(c, new Uint8Array(raw), status)
  c.header('Content-Encoding', encoding)
  const packed = encoding === 'br' ? brotliCompressSync(raw, pageBrotli(raw.length)) : gzipSync(raw)
  return withBytes(c, new Uint8Array(packed), status)
}

// The bytes each response was made of, for a middleware that keeps pages (kept-responses.ts):
// reading them back out of the Response (clone, then arrayBuffer) turned Node's direct write of
// a buffer into a web stream, and cost a sixth of a verify page's server time.
const bytesOf = new WeakMap<Response, Uint8Array<ArrayBuffer>>()

function withBytes(c: Context, body: Uint8Array<ArrayBuffer>, status: ContentfulStatusCode): Response {
  const response = c.body(body, status)
  bytesOf.set(response, body)
  return response
}

/** The body of a response made here, without reading it (undefined for any other response). */
export function sentBytes(response: Response): Uint8Array<ArrayBuffer> | undefined {
  return bytesOf.get(response)
}

/** A large streamed response (an export), compressed as it streams so it is never held in memory. */
export function sendStream(
  c: Context,
  stream: ReadableStream<Uint8Array>,
  contentType: string,
  status: ContentfulStatusCode = 200,
): Response {
  const encoding = chooseEncoding(c)
  c.header('Content-Type', contentType)
  c.header('Vary', 'Accept-Encoding', { append: true })
  if (!encoding) return c.body(stream, status)
  c.header('Content-Encoding', encoding)
  const compressor = encoding === 'br' ? createBrotliCompress(streamBrotli) : createGzip()
  const source = Readable.fromWeb(stream as import('node:stream/web').ReadableStream<Uint8Array>)
  source.on('error', (error) => compressor.destroy(error))
  return c.body(Readable.toWeb(source.pipe(compressor)) as unknown as ReadableStream<Uint8Array>, status)
}

/** JSON, compressed like a page: an API answer with ten agencies is a few kilobytes. */
export function sendJson(c: Context, value: unknown, status: ContentfulStatusCode = 200): Response {
  return sendText(c, JSON.stringify(value), 'application/json; charset=UTF-8', status)
}
