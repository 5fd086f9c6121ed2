import { describe, expect, it } from 'vitest'
import { afterFailedLogin, isLocked, MAX_FAILED_LOGINS } from '../../src/auth/lockout.js'
import { generateTemporaryPassword, hashPassword, verifyPassword } from '../../src/auth/password.js'
import { safeNextPath } from '../../src/auth/schemas.js'
import { hashToken, newToken } from '../../src/auth/tokens.js'
import { csrfTokenFor } from '../../src/http/csrf.js'

describe('lockout rule', () => {
  it('locks on the fifth failure and starts counting again after', () => {
    let count = 0
    const locks: boolean[] = []
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      const next = afterFailedLogin(count)
      locks.push(next.locks)
      count = next.failedLogins
    }
    expect(locks).toEqual([false, false, false, false, true])
    expect(count).toBe(0)
  })

  it('holds a lock until its end, not after', () => {
    const now = new Date('2026-03-03T10:00:00Z')
    expect(isLocked(null, now)).toBe(false)
    expect(isLocked(new Date('2026-03-03T10:00:01Z'), now)).toBe(true)
    expect(isLocked(new Date('2026-03-03T10:00:00Z'), now)).toBe(false)
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

  it('sign CSRF cookies so that a token fits only its cookie and secret', () => {
    expect(csrfTokenFor('s1', 'cookie')).toBe(csrfTokenFor('s1', 'cookie'))
    expect(csrfTokenFor('s1', 'cookie')).not.toBe(csrfTokenFor('s1', 'other'))
    expect(csrfTokenFor('s1', 'cookie')).not.toBe(csrfTokenFor('s2', 'cookie'))
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
