import { describe, expect, it } from 'vitest'
import { safeNextPath } from '../../src/auth/schemas.js'
import {
  cleanText,
  countField,
  dateField,
  MAX_INT,
  optionalText,
  requiredText,
  searchText,
  versionField,
} from '../../src/http/fields.js'

// The one cleaning every typed value passes before anything else sees it.

describe('cleanText', () => {
  const line = { max: 20 }
  const area = { max: 20, multiline: true }

  it.each([
    ['a NUL', 'poison\u0000'],
    ['a bell', 'a\u0007b'],
    ['an escape', '\u001b[31mred'],
    ['DEL', 'x\u007f'],
    ['a C1 control', 'x\u0085y'],
  ])('refuses %s anywhere', (_what, value) => {
    expect(cleanText(value, line).ok).toBe(false)
    expect(cleanText(value, area).ok).toBe(false)
  })

  it('refuses tabs and line breaks on one line, keeps them (as \\n) in a text area', () => {
    expect(cleanText('a\tb', line).ok).toBe(false)
    expect(cleanText('a\nb', line).ok).toBe(false)
    expect(cleanText('a\r\nb\rc\td', area)).toEqual({ ok: true, value: 'a\nb\nc\td' })
  })

  it('normalises to NFC and trims', () => {
    // "é" typed as e + combining acute accent is stored as the one letter.
    expect(cleanText('  Se\u0301kho  ', line)).toEqual({ ok: true, value: 'Sékho' })
  })

  it('bounds the length after cleaning, with the message given', () => {
    expect(cleanText('x'.repeat(20), line)).toEqual({ ok: true, value: 'x'.repeat(20) })
    expect(cleanText('x'.repeat(21), { max: 20, messages: { tooLong: (n) => `at most ${n}` } })).toEqual({
      ok: false,
      message: 'at most 20',
    })
  })

  it('refuses what is not one piece of text (a repeated field, a file), and reads a missing one as blank', () => {
    expect(cleanText(['a', 'b'], line).ok).toBe(false)
    expect(cleanText(new File(['x'], 'x.txt'), line).ok).toBe(false)
    expect(cleanText(undefined, line)).toEqual({ ok: true, value: '' })
  })
})

describe('the text fields', () => {
  it('requiredText refuses blank with its own message, optionalText gives undefined', () => {
    const name = requiredText({ max: 10, messages: { required: 'Enter a name' } })
    expect(name.safeParse('   ').error?.issues[0]?.message).toBe('Enter a name')
    expect(name.safeParse('Thabo\u0000').error?.issues[0]?.message).toMatch(/cannot be kept/)
    expect(optionalText({ max: 10 }).parse('  ')).toBeUndefined()
    expect(optionalText({ max: 10 }).parse(undefined)).toBeUndefined()
  })

  it('searchText removes what cannot be searched for instead of refusing it', () => {
    const q = searchText(100)
    expect(q.parse('Maluti\u0000 Jobs\n\tLtd')).toBe('Maluti Jobs Ltd')
    expect(q.parse(['first', 'last'])).toBe('last')
    expect(q.parse(undefined)).toBe('')
    expect(q.safeParse('x'.repeat(101)).success).toBe(false)
  })
})

describe('bounded numbers and dates', () => {
  it('takes a version only as a whole number an integer column holds', () => {
    expect(versionField.parse('7')).toBe(7)
    for (const bad of [String(MAX_INT + 1), '2147483648', '-1', '0', '1.5', 'abc', '1e400'])
      expect(versionField.safeParse(bad).success, bad).toBe(false)
  })

  it('takes counts from 0 to their maximum, blank as 0', () => {
    const count = countField(100)
    expect(count.parse('')).toBe(0)
    expect(count.parse('100')).toBe(100)
    expect(count.safeParse('101').success).toBe(false)
    expect(count.safeParse('-3').success).toBe(false)
  })

  it('takes dates between 1900 and 2100 only', () => {
    const date = dateField('Enter a date')
    expect(date.parse('2026-03-31')).toBe('2026-03-31')
    for (const bad of ['0000-01-01', '1899-12-31', '2101-01-01', '9999-12-31', '2026-02-30', '31/03/2026'])
      expect(date.safeParse(bad).success, bad).toBe(false)
  })
})

describe('safeNextPath', () => {
  it.each(['/agencies', '/agencies?q=maluti&page=2', '/inspections/new#draft=abc'])(
    'keeps a path on this site: %s',
    (path) => expect(safeNextPath(path)).toBe(path),
  )

  it.each([
    ['a tab a browser drops', '/\t/evil.example/x'],
    ['a line break', '/x\nLocation: //evil.example'],
    ['a carriage return', '/x\r'],
    ['a NUL', '/x\u0000'],
    ['a protocol-relative address', '//evil.example'],
    ['a backslash browsers read as a slash', '/\\evil.example'],
    ['a path that climbs to //', '/..//evil.example'],
    ['another scheme', 'https://evil.example/'],
    ['no leading slash', 'evil.example'],
    ['not text', ['/a', '/b']],
  ])('refuses %s', (_what, value) => expect(safeNextPath(value)).toBeNull())
})
