import { describe, expect, it } from 'vitest'
import { generateTemporaryPassword, hashPassword, verifyPassword } from '../../src/auth/password.js'
import { safeNextPath } from '../../src/auth/schemas.js'
import {
  accountKey,
  afterFailure,
  PAUSE_MINUTES,
  pairKey,
  pausedUntil,
  THROTTLE_RULES,
  type ThrottleRow,
  WINDOW_MINUTES,
} from '../../src/auth/throttle.js'
import { hashToken, newToken } from '../../src/auth/tokens.js'
import { csrfTokenFor } from '../../src/http/csrf.js'

describe('sign-in throttle rules', () => {
  const now = new Date('2026-03-03T10:00:00Z')
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000)

  it('pauses a pair on its fifth failure in the window, for 15 minutes, and counts afresh after', () => {
    let row: ThrottleRow | undefined
    const paused: (Date | null)[] = []
    for (let i = 0; i < THROTTLE_RULES.pair.failures; i++) {
      row = afterFailure(row, 'pair', at(i))
      paused.push(row.blockedUntil)
    }
    expect(paused.slice(0, 4)).toEqual([null, null, null, null])
    expect(paused[4]).toEqual(at(4 + PAUSE_MINUTES))
    expect(row!.failures).toBe(0)
  })

  it('starts a new window once the last one has passed', () => {
    let row = afterFailure(undefined, 'pair', now)
    for (let i = 1; i < 4; i++) row = afterFailure(row, 'pair', at(i))
    expect(row.failures).toBe(4)
    row = afterFailure(row, 'pair', at(WINDOW_MINUTES + 1))
    expect(row).toMatchObject({ failures: 1, blockedUntil: null, windowStartedAt: at(WINDOW_MINUTES + 1) })
  })

  it('counts 50 for an address and 20 for an account', () => {
    expect(THROTTLE_RULES).toEqual({
      pair: { failures: 5 },
      address: { failures: 50 },
      account: { failures: 20 },
    })
  })

  it('holds a pause until its end, not after', () => {
    const row = (
      scope: ThrottleRow['scope'],
      blockedUntil: Date | null,
      lastSuccessAt: Date | null = null,
    ) => ({
      scope,
      failures: 0,
      windowStartedAt: now,
      blockedUntil,
      lastSuccessAt,
    })
    expect(pausedUntil([], now)).toBeNull()
    expect(pausedUntil([row('pair', at(0.01))], now)).toEqual(at(0.01))
    expect(pausedUntil([row('pair', now)], now)).toBeNull()
    expect(pausedUntil([row('address', at(3)), row('pair', at(5))], now)).toEqual(at(5))
  })

  it('spares an address that signed in to the account in the last 30 days from an account-wide pause', () => {
    const pause = {
      scope: 'account' as const,
      failures: 0,
      windowStartedAt: now,
      blockedUntil: at(10),
      lastSuccessAt: null,
    }
    const pair = (days: number) => ({
      scope: 'pair' as const,
      failures: 0,
      windowStartedAt: now,
      blockedUntil: null,
      lastSuccessAt: new Date(now.getTime() - days * 86_400_000),
    })
    expect(pausedUntil([pause], now)).toEqual(at(10))
    expect(pausedUntil([pause, pair(29)], now)).toBeNull()
    expect(pausedUntil([pause, pair(31)], now)).toEqual(at(10))
  })

  it('keys accounts by the email as typed, whatever its case, and pairs by email and address', () => {
    expect(accountKey('  Palesa@Labour.gov.LS ')).toBe('palesa@labour.gov.ls')
    expect(pairKey('Palesa@labour.gov.ls', '198.51.100.7')).toBe('palesa@labour.gov.ls 198.51.100.7')
    expect(pairKey('palesa@labour.gov.ls', null)).toBe('palesa@labour.gov.ls -')
  })
})

describe('passwords', () => {
  it('hashes with scrypt and a fresh salt, and verifies only the right password', async () => {
    const a = await hashPassword('letsatsi le chabile')
    const b = await hashPassword('letsatsi le chabile')
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('letsatsi le chabile', a)).toBe(true)
    expect(await verifyPassword('letsatsi le chabile ', a)).toBe(false)
    expect(await verifyPassword('anything', 'garbage')).toBe(false)
  })

  it('makes one-time passwords that are readable and different each time', () => {
    const one = generateTemporaryPassword()
    expect(one).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
    expect(one).not.toMatch(/[ilo01]/)
    expect(generateTemporaryPassword()).not.toBe(one)
  })
})

describe('tokens', () => {
  it('are long, random and stored as a SHA-256 hex digest', () => {
    const token = newToken()
    expect(token.length).toBeGreaterThanOrEqual(43)
    expect(newToken()).not.toBe(token)
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('sign form tokens so that a token fits only what it is bound to, and its secret', () => {
    expect(csrfTokenFor('s1', { form: 'cookie' })).toBe(csrfTokenFor('s1', { form: 'cookie' }))
    expect(csrfTokenFor('s1', { form: 'cookie' })).not.toBe(csrfTokenFor('s1', { form: 'other' }))
    expect(csrfTokenFor('s1', { form: 'cookie' })).not.toBe(csrfTokenFor('s2', { form: 'cookie' }))
    // A session's token is never a form cookie's with the same value.
    expect(csrfTokenFor('s1', { session: 'x' })).not.toBe(csrfTokenFor('s1', { form: 'x' }))
  })
})

describe('where to go after signing in', () => {
  it.each([
    ['/admin/users?page=2', '/admin/users?page=2'],
    ['//evil.example', null],
    ['/\\evil.example', null],
    ['https://evil.example/', null],
    ['', null],
    [undefined, null],
  ])('%s -> %s', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected)
  })
})
