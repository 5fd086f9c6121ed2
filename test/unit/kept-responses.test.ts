import { describe, expect, it } from 'vitest'
import { VersionReader } from '../../src/db/registry-version.js'
import { endOfMinute, type KeptResponse, ResponseCache } from '../../src/http/kept-responses.js'

const at = (iso: string) => Date.parse(iso)
const entry = (version: string, expiresAt: number, bytes = 10): KeptResponse => ({
  version,
  expiresAt,
  status: 200,
  headers: [['content-type', 'text/html']],
  body: new Uint8Array(bytes),
})

describe('endOfMinute', () => {
  it('is the start of the next minute, even exactly on a minute', () => {
    expect(endOfMinute(at('2026-11-22T10:15:42.123Z'))).toBe(at('2026-11-22T10:16:00Z'))
    expect(endOfMinute(at('2026-11-22T10:15:00Z'))).toBe(at('2026-11-22T10:16:00Z'))
    expect(endOfMinute(at('2026-11-22T21:59:59.999Z'))).toBe(at('2026-11-22T22:00:00Z'))
  })
})

describe('ResponseCache', () => {
  const now = at('2026-11-22T10:15:30Z')

  it('gives back a response for the same version within its minute', () => {
    const cache = new ResponseCache()
    cache.set('a', entry('7', endOfMinute(now)))
    expect(cache.get('a', '7', now)?.status).toBe(200)
    expect(cache.get('a', '7', at('2026-11-22T10:15:59.999Z'))).toBeDefined()
  })

  it('forgets a response once the registry has changed', () => {
    const cache = new ResponseCache()
    cache.set('a', entry('7', endOfMinute(now)))
    expect(cache.get('a', '8', now)).toBeUndefined()
    // Gone for good, even if asked with the old version again.
    expect(cache.get('a', '7', now)).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('forgets a response when its minute is over', () => {
    const cache = new ResponseCache()
    cache.set('a', entry('7', endOfMinute(now)))
    expect(cache.get('a', '7', at('2026-11-22T10:16:00Z'))).toBeUndefined()
  })

  it('drops the least recently used when full', () => {
    const cache = new ResponseCache(2)
    cache.set('a', entry('1', endOfMinute(now)))
    cache.set('b', entry('1', endOfMinute(now)))
    cache.get('a', '1', now)
    cache.set('c', entry('1', endOfMinute(now)))
    expect(cache.get('b', '1', now)).toBeUndefined()
    expect(cache.get('a', '1', now)).toBeDefined()
    expect(cache.get('c', '1', now)).toBeDefined()
  })

  it('keeps within its byte budget and never keeps one outsized response', () => {
    const cache = new ResponseCache(100, 100_000)
    // More than a hundredth of the budget.
    cache.set('huge', entry('1', endOfMinute(now), 1001))
    expect(cache.size).toBe(0)
    for (const key of ['a', 'b', 'c']) cache.set(key, entry('1', endOfMinute(now), 1000))
    expect(cache.size).toBe(3)
    const full = new ResponseCache(1000, 100_000)
    for (let i = 0; i < 100; i++) full.set(`page ${i}`, entry('1', endOfMinute(now), 1000))
    expect(full.size).toBe(100)
    full.get('page 0', '1', now)
    full.set('one more', entry('1', endOfMinute(now), 1000))
    // The least recently used went to make room; the one just read stayed.
    expect(full.size).toBe(100)
    expect(full.get('page 1', '1', now)).toBeUndefined()
    expect(full.get('page 0', '1', now)).toBeDefined()
    expect(full.get('one more', '1', now)).toBeDefined()
  })
})

describe('VersionReader', () => {
  /** A version source whose reads the test finishes by hand. */
  function manualSource() {
    const reads: { resolve: (v: string) => void; reject: (e: Error) => void }[] = []
    const reader = new VersionReader(
      () => new Promise<string>((resolve, reject) => reads.push({ resolve, reject })),
    )
    return { reader, reads }
  }
  const tick = () => new Promise((r) => setTimeout(r, 0))

  it('answers requests that arrive during a read with the next read, never the earlier one', async () => {
    const { reader, reads } = manualSource()
    const first = reader.read()
    const second = reader.read()
    const third = reader.read()
    expect(reads).toHaveLength(1)
    // The registry changes while the first read is in flight: only its own requester gets "1".
    reads[0]!.resolve('1')
    expect(await first).toBe('1')
    await tick()
    expect(reads).toHaveLength(2)
    reads[1]!.resolve('2')
    expect(await second).toBe('2')
    expect(await third).toBe('2')
  })

  it('reads again for a request that comes after a read has finished', async () => {
    const { reader, reads } = manualSource()
    const first = reader.read()
    reads[0]!.resolve('1')
    await first
    await tick()
    const later = reader.read()
    expect(reads).toHaveLength(2)
    reads[1]!.resolve('5')
    expect(await later).toBe('5')
  })

  it('leaves no unhandled rejection behind when a lone read fails (the database is down)', async () => {
    const unhandled: unknown[] = []
    const listener = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', listener)
    try {
      const { reader, reads } = manualSource()
      const lone = reader.read()
      reads[0]!.reject(new Error('database unavailable'))
      await expect(lone).rejects.toThrow('database unavailable')
      await new Promise((r) => setTimeout(r, 10))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', listener)
    }
  })

  it('passes a failed read to its requester and reads afresh for those waiting', async () => {
    const { reader, reads } = manualSource()
    const first = reader.read()
    const waiting = reader.read()
    reads[0]!.reject(new Error('database unavailable'))
    await expect(first).rejects.toThrow('database unavailable')
    await tick()
    reads[1]!.resolve('3')
    expect(await waiting).toBe('3')
  })
})
