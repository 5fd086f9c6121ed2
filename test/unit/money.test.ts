import { describe, expect, it } from 'vitest'
import { formatMoney, MAX_MINOR_UNITS, parseMoney } from '../../src/money.js'

describe('reading money as people type it', () => {
  it.each([
    ['1500', 150000, null],
    ['1,500', 150000, null],
    ['M1,500', 150000, 'LSL'],
    ['m 1500', 150000, 'LSL'],
    ['M. 800', 80000, 'LSL'],
    ['R 1 500.50', 150050, 'ZAR'],
    ['R1500', 150000, 'ZAR'],
    ['ZAR 250', 25000, 'ZAR'],
    ['maloti 300', 30000, 'LSL'],
    ['1 500,50', 150050, null],
    ['1\u00a0500,50', 150050, null],
    ['1.500,50', 150050, null],
    ['1,500.50', 150050, null],
    ['1,500,000', 150000000, null],
    ['1500,5', 150050, null],
    ['1500,50', 150050, null],
    ['1500.5', 150050, null],
    ['0,75', 75, null],
    ['  2 000  ', 200000, null],
    ['1,50', 150, null],
    // The currency after the amount, as it is said.
    ['300 maloti', 30000, 'LSL'],
    ['500 rand', 50000, 'ZAR'],
    ['300 R', 30000, 'ZAR'],
    ['1500 M', 150000, 'LSL'],
    ['1 500 Maloti', 150000, 'LSL'],
    ['0.00', 0, null],
  ])('reads %j as %i minor units in %s', (typed, minor, currency) => {
    expect(parseMoney(typed)).toEqual({ minor, currency })
  })

  it.each([
    '',
    'M',
    'fifteen hundred',
    '1.500',
    '1,5000',
    '15,00,000',
    '1,500.5.0',
    '1.500.000,5,0',
    '-1500',
    '1500.505',
    '1e5',
    '$1500',
    'M300 maloti',
    'R 300 rand',
    '12 34',
    '1,500 000',
    '99999999999',
  ])('asks again for %j instead of guessing', (typed) => {
    expect(parseMoney(typed)).toBeNull()
  })

  it('refuses more than the largest fee the registry takes', () => {
    expect(parseMoney('9 999 999.99')).toEqual({ minor: MAX_MINOR_UNITS, currency: null })
    expect(parseMoney('10 000 000')).toBeNull()
  })

  it('writes amounts with the currency symbol people use', () => {
    expect(formatMoney(150050, 'LSL')).toBe('M 1,500.50')
    expect(formatMoney(80000, 'ZAR')).toBe('R 800.00')
    expect(formatMoney(80000, null)).toBe('800.00')
    expect(formatMoney(null, 'LSL')).toBeNull()
  })
})
