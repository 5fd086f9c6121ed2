import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './env.js'
import { PageError } from './problems.js'

// Every request body is bounded before it is read: a form is a few kilobytes (the inspection
// form, the longest, about 50 KB filled in), so a quarter of a megabyte refuses nothing real and
// a 200 MB post never reaches memory. A route that takes more (photos) gets its own limit here.

export const BODY_LIMITS = {
  /** Any form. */
  form: 256 * 1024,
  /** A USSD gateway's callback: a few fields. */
  ussd: 8 * 1024,
} as const

/** Where a phone sends an inspection's photos (src/inspections/photo-routes.tsx). */
export const PHOTO_UPLOAD_PATH = '/inspections/photos'

function limitFor(path: string, photoMax: number): number {
  if (path === '/ussd' || path.startsWith('/ussd/')) return BODY_LIMITS.ussd
  if (path === PHOTO_UPLOAD_PATH) return photoMax
  return BODY_LIMITS.form
}

/**
 * Refuses a body over its route's limit with 413: at once when its Content-Length says so,
 * else as soon as the bytes read pass it (a chunked upload). Nothing is read here; the limit
 * applies when (and if) the route reads the body.
 */
export const limitBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Read from the headers alone: touching the body would build a whole fetch Request for it.
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
  const limit = limitFor(c.req.path, c.get('config').PHOTO_MAX_BYTES)
  const declared = c.req.header('content-length')
  if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
    if (!/^\d+$/.test(declared) || Number(declared) > limit) throw new PageError(413)
    return next()
  }
  // No length given (a chunked upload): the body is counted as it is read.
  const raw = c.req.raw
  if (!raw.body) return next()
  const reader = raw.body.getReader()
  let seen = 0
  const limited = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read()
        if (done) return controller.close()
        seen += value.byteLength
        if (seen > limit) {
          c.set('bodyTooLarge', true)
          controller.error(new PageError(413))
          await reader.cancel()
          return
        }
        controller.enqueue(value)
      },
      cancel: (reason) => reader.cancel(reason),
    },
    // Nothing is pulled from the socket until the route reads the body.
    { highWaterMark: 0 },
  )
  c.req.raw = new Request(raw, { body: limited, duplex: 'half' } as RequestInit)
  return next()
}
