import { isIP } from 'node:net'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/** "::ffff:10.0.0.1" is the IPv4 address 10.0.0.1; anything that is no address is null. */
function address(value: string | undefined | null): string | null {
  const bare = value?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '') ?? ''
  return isIP(bare) ? bare : null
}

/**
 * The client's address. With no proxy trusted, the socket's. Behind `trustedHops` proxies
 * (a load balancer: 1; a CDN in front of it: 2), each of which appends the address it saw to
 * X-Forwarded-For, the address the outermost trusted proxy saw: the entry that many places from
 * the right. Entries further left were written by the client and are never believed, so a client
 * cannot choose its address for the rate limits or the audit log.
 */
export function clientAddressOf(c: Context, trustedHops: number): string | null {
  let socket: string | null = null
  try {
    socket = address(getConnInfo(c).remote.address)
  } catch {
    // app.request() in tests has no socket.
  }
  if (trustedHops === 0) return socket
  const chain = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  // Fewer entries than trusted proxies: the request did not come through them all.
  if (chain.length < trustedHops) return socket
  return address(chain[chain.length - trustedHops]) ?? socket
}
