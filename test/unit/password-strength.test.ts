import { describe, expect, it } from 'vitest'
import { passwordProblem } from '../../src/auth/password-strength.js'

const thabo = { email: 'thabo.mokhethi@labour.gov.ls', name: 'Thabo Mokhethi' }

describe('new passwords', () => {
  it.each([
    'password1234',
    'Password123!',
    'qwertyuiop12',
    'iloveyou2026',
    '123456789012',
    'Lesotho12345',
    'maseru123456',
  ])('refuses %j, a password people commonly choose or guess first', (password) => {
    expect(passwordProblem(password, thabo)).toMatch(/^This password is easy to guess/)
  })

  it.each(['thabo.mokhethi2026', 'Mokhethi!1990', 'mythabopassword', 'THABO-LERIBE-2026'])(
    'refuses %j, which holds the person’s own name or email address',
    (password) => {
      expect(passwordProblem(password, thabo)).toBe(
        'Do not use your own name or email address in your password',
      )
    },
  )

  it.each([
    'kettle river orange blanket',
    'blue-donkey-lamp-9',
    'correcthorsebatterystaple',
    'a brand new long password',
  ])('accepts %j', (password) => {
    expect(passwordProblem(password, thabo)).toBeNull()
  })

  it('ignores names too short to matter, even inside ordinary words', () => {
    expect(
      passwordProblem('kettle river orange blanket', { email: 'mo@labour.gov.ls', name: 'Mo Li' }),
    ).toBeNull()
    // "Tau" hides in "restaurant": not the person's name.
    expect(
      passwordProblem('restaurant kettle blue window', {
        email: 'tau.sello@labour.gov.ls',
        name: 'Tau Sello',
      }),
    ).toBeNull()
  })
})
