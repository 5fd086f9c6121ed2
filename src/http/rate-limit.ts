import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from './env.js'

// Counts requests per key (a client address, a phone number) in a sliding window: the current
// fixed window plus the previous one weighted by how much of it still overlaps.
//
// The counts live in each server's memory, not in PostgreSQL: a write per public lookup would
// cost more than the lookup. With several instances behind a load balancer, each allows the
// full rate, which is acceptable for limits meant to stop scripts, not people.

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number
  windowMs: number
}

interface Counter {
  windowStart: number
  count: number
  previous: number
}

// Enough for every address seen in a busy hour; beyond this the oldest are forgotten.
const MAX_KEYS = 100_000

export class RateLimiter {
  private readonly counters = new Map<string, Counter>()

  constructor(readonly rule: RateLimitRule) {}

  /** Whether one more would be allowed now, without counting it (when to retry, if not). */
  check(key: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfter: number } {
    return this.verdict(key, now, false)
  }

  /** Counts one request; says whether it is allowed and, if not, when to retry (seconds). */
  take(key: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfter: number } {
    return this.verdict(key, now, true)
  }

  private verdict(
    key: string,
    now: number,
    count: boolean,
  ): { allowed: true } | { allowed: false; retryAfter: number } {
    const { limit, windowMs } = this.rule
    const windowStart = now - (now % windowMs)
    let counter = this.counters.get(key)
    if (!counter) {
      if (this.counters.size >= MAX_KEYS) this.forgetOldest()
      counter = { windowStart, count: 0, previous: 0 }
      this.counters.set(key, counter)
    } else if (counter.windowStart !== windowStart) {
      counter.previous = counter.windowStart === windowStart - windowMs ? counter.count : 0
      counter.windowStart = windowStart
      counter.count = 0
    }
    const overlap = 1 - (now - windowStart) / windowMs
    const estimate = counter.previous * overlap + counter.count
    if (estimate >= limit) {
      return { allowed: false, retryAfter: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) }
    }
    if (count) counter.count += 1
    return { allowed: true }
  }

  private forgetOldest() {
    // Maps iterate in insertion order: the first tenth are the longest known.
    let n = Math.ceil(MAX_KEYS / 10)
    for (const key of this.counters.keys()) {
      if (n-- <= 0) break
      this.counters.delete(key)
    }
  }
}

/**
 * Refuses requests over the limit with `onLimited`'s answer (status 429, Retry-After set).
 * Requests with no key (no known address, as in app.request() tests) are not limited.
 */
export function rateLimited(
  limiter: RateLimiter,
  keyOf: (c: Context<AppEnv>) => string | null,
  onLimited: (c: Context<AppEnv>) => Response | Promise<Response>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = keyOf(c)
    if (key !== null) {
      const verdict = limiter.take(key)
      if (!verdict.allowed) {
        c.header('Retry-After', String(verdict.retryAfter))
        c.get('logger')?.warn({ reqId: c.get('requestId') }, 'rate limit reached')
        return onLimited(c)
      }
    }
    await next()
  }
}
