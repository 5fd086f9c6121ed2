import type { Context, MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { currentRegistryVersion } from '../db/registry-version.js'
import { sentBytes } from './compression.js'
import type { AppEnv } from './env.js'

// Registry pages change only when the registry does, yet each costs queries, a render and a
// compression. So an instance keeps the finished responses of the routes that opt in and sends
// them again while both hold:
// - the registry has not changed since: each request reads registry_version (one row, moved in
//   the same transaction as any change), so a suspension shows on the very next request, on
//   every instance;
// - the minute has not turned: pages say "checked on <date> at <time>" or "waiting 3 days",
//   and a licence's expiry follows today's date, so nothing outlives its minute.
// Anonymous pages are shared by everyone, unless they hold a form token. A signed-in person's
// pages carry their name and form token, so they are kept for that person's browser only.
// Nothing that sets a cookie, and no error but 404, is ever kept.

export interface KeptResponse {
  version: string
  expiresAt: number
  status: number
  headers: [string, string][]
  body: Uint8Array<ArrayBuffer>
}

const KEPT_STATUSES = new Set([200, 404])

/** The start of the next minute: kept responses never cross it. */
export function endOfMinute(now: number): number {
  return Math.floor(now / 60_000) * 60_000 + 60_000
}

/** A size-bounded map of responses, the least recently used dropped first. */
export class ResponseCache {
  private entries = new Map<string, KeptResponse>()
  private bytes = 0

  constructor(
    // A burst asks for a few pages many times; a thousand kept pages hold every page of one.
    // Each route group keeps its own, and bytes count only bodies: 5,000 pages and 16 MB each
    // were a fifth of the server's memory once public searches had filled them.
    private readonly maxEntries = 1_000,
    private readonly maxBytes = 4 * 1024 * 1024,
  ) {}

  get(key: string, version: string, now: number): KeptResponse | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.version !== version || now >= entry.expiresAt) {
      this.delete(key)
      return undefined
    }
    // Map order is insertion order: moving a hit to the end keeps the least used first.
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry
  }

  set(key: string, entry: KeptResponse): void {
    if (entry.body.byteLength > this.maxBytes / 100) return
    this.delete(key)
    this.entries.set(key, entry)
    this.bytes += entry.body.byteLength
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break
      this.delete(oldest)
    }
  }

  get size(): number {
    return this.entries.size
  }

  private delete(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.bytes -= entry.body.byteLength
    this.entries.delete(key)
  }
}

// Everything a response depends on besides the registry: who asks, the URL, the language,
// the encoding and whether htmx asked for the fragment only.
function keyOf(c: Context<AppEnv>): string {
  const user = c.get('user')
  const url = c.req.url
  const query = url.indexOf('?')
  const accept = c.req.header('accept-encoding') ?? ''
  return [
    user ? `${user.id}/${user.role}/${c.get('sessionTokenHash') ?? '-'}` : 'anyone',
    c.get('lang') ?? '-',
    accept.includes('br') ? 'br' : accept.includes('gzip') ? 'gzip' : '-',
    c.req.header('hx-request-type') ?? '-',
    c.req.path + (query >= 0 ? url.slice(query) : ''),
  ].join(' ')
}

// Headers that belong to one request, never to the page: the request's own id (the log line
// names it), cookies, and what the server writes afresh for every response.
const PER_REQUEST_HEADERS = new Set(['x-request-id', 'set-cookie', 'date', 'content-length'])

/**
 * A kept page as this request's answer, with this request's own headers (its id). `X-Kept`
 * says it was not made for this request, so the benchmark can show first views never are.
 */
const respond = (c: Context<AppEnv>, entry: KeptResponse) =>
  c.body(entry.body, entry.status as ContentfulStatusCode, {
    ...Object.fromEntries(entry.headers),
    'x-kept': 'hit',
  })

/**
 * A middleware for GET routes whose pages depend only on the registry, the viewer and the
 * URL. Requests for a page that is being made wait for it instead of each making their own:
 * when the minute turns or the registry changes, a popular page is rendered once.
 */
export function keptResponses(cache = new ResponseCache()): MiddlewareHandler<AppEnv> {
  const inFlight = new Map<string, Promise<KeptResponse | null>>()
  // Hono runs a route's handlers twice for a request whose path is the route's own pattern
  // ("/verify/:number" typed literally): the second pass would wait for the first forever.
  const entered = new WeakSet<Request>()

  return async (c, next) => {
    if (c.req.method !== 'GET' || entered.has(c.req.raw)) return next()
    entered.add(c.req.raw)
    const version = await currentRegistryVersion(c.get('db'))
    const key = keyOf(c)
    const hit = cache.get(key, version, Date.now())
    if (hit) return respond(c, hit)
    const flightKey = `${version} ${key}`
    const pending = inFlight.get(flightKey)
    if (pending) {
      const made = await pending
      return made ? respond(c, made) : next()
    }
    let settle: (entry: KeptResponse | null) => void = () => {}
    inFlight.set(flightKey, new Promise((resolve) => (settle = resolve)))
    let entry: KeptResponse | null = null
    // An anonymous page that asked for the form token belongs to one browser.
    let holdsToken = false
    const csrfToken = c.get('csrfToken')
    c.set('csrfToken', () => {
      holdsToken = true
      return csrfToken()
    })
    try {
      await next()
      const res = c.res
      const shareable = Boolean(c.get('user')) || !holdsToken
      if (KEPT_STATUSES.has(res.status) && shareable && !res.headers.has('set-cookie')) {
        entry = {
          version,
          expiresAt: endOfMinute(Date.now()),
          status: res.status,
          headers: [...res.headers].filter(([name]) => !PER_REQUEST_HEADERS.has(name)),
          body: sentBytes(res) ?? new Uint8Array(await res.clone().arrayBuffer()),
        }
        cache.set(key, entry)
      }
    } finally {
      inFlight.delete(flightKey)
      settle(entry)
    }
  }
}
