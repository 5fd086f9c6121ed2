import { describe, expect, it } from 'vitest'
import { csvCell, csvLine } from '../../src/http/csv.js'
import { RateLimiter } from '../../src/http/rate-limit.js'
import { chooseLanguage, formatPublicDate, preferredLanguage } from '../../src/i18n/language.js'
import { type Catalogue, LANGUAGES, messagesFor } from '../../src/i18n/messages.js'
import { licenceNumberIn } from '../../src/licence-number.js'

describe('the message catalogue', () => {
  // Every leaf of a catalogue as [path, value]: strings, and functions called with samples.
  function leaves(value: unknown, path = ''): [string, string][] {
    if (typeof value === 'string') return [[path, value]]
    if (typeof value === 'function') return [[path, String(value('X', 'Y'))]]
    if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`))
    return Object.entries(value as object).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
  }
  const en = new Map(leaves(messagesFor('en')))
  const st = new Map(leaves(messagesFor('st')))

  it('has every message in every language, none empty', () => {
    for (const lang of LANGUAGES) {
      const messages = new Map(leaves(messagesFor(lang)))
      expect([...messages.keys()].sort()).toEqual([...en.keys()].sort())
      for (const [key, text] of messages) expect(text.trim(), `${lang}: ${key}`).not.toBe('')
    }
  })

  it('has Sesotho that differs from the English (nothing left untranslated)', () => {
    const same = [...en].filter(([key, text]) => st.get(key) === text).map(([key]) => key)
    expect(same).toEqual([])
  })

  it('counts in both languages', () => {
    const t: Catalogue = messagesFor('en')
    expect(t.resultCount(1)).toBe('1 recruiter found')
    expect(t.resultCount(4)).toBe('4 recruiters found')
    expect(messagesFor('st').resultCount(4)).toBe('Ho fumanoe baemeli ba 4')
  })
})

describe('choosing the language', () => {
  it('reads Accept-Language by weight and ignores languages we do not have', () => {
    expect(preferredLanguage('st-LS,st;q=0.9,en;q=0.8')).toBe('st')
    expect(preferredLanguage('en-GB,en;q=0.9,st;q=0.8')).toBe('en')
    expect(preferredLanguage('fr;q=1, st;q=0.3, en;q=0.2')).toBe('st')
    expect(preferredLanguage('en;q=0.2, st;q=0.7')).toBe('st')
    expect(preferredLanguage('st;q=0, en')).toBe('en')
    expect(preferredLanguage('fr, de')).toBeNull()
    expect(preferredLanguage(undefined)).toBeNull()
  })

  it('prefers ?lang=, then the cookie, then the browser, then English', () => {
    expect(chooseLanguage('st', 'en', 'en')).toEqual({ lang: 'st', remember: true })
    expect(chooseLanguage('st', 'st', 'en')).toEqual({ lang: 'st', remember: false })
    expect(chooseLanguage('xx', 'st', 'en')).toEqual({ lang: 'st', remember: false })
    expect(chooseLanguage(undefined, undefined, 'st')).toEqual({ lang: 'st', remember: false })
    expect(chooseLanguage(undefined, 'zz', undefined)).toEqual({ lang: 'en', remember: false })
  })

  it('writes dates with the month in the reader’s language, in Lesotho’s calendar', () => {
    expect(formatPublicDate('2026-03-03', messagesFor('en'))).toBe('3 March 2026')
    expect(formatPublicDate('2026-03-03', messagesFor('st'))).toBe('3 Hlakubele 2026')
    expect(formatPublicDate('2026-12-31', messagesFor('st'))).toBe('31 Tšitoe 2026')
    // 23:30 UTC on 31 December is already 1 January in Maseru (UTC+2).
    expect(formatPublicDate(new Date('2026-12-31T23:30:00Z'), messagesFor('en'))).toBe('1 January 2027')
  })
})

describe('licence numbers as people type them', () => {
  it.each([
    ['LRA-2026-00042', 'LRA-2026-00042'],
    ['lra 2026 42', 'LRA-2026-00042'],
    ['2026-00042', 'LRA-2026-00042'],
    [' LRA–2026–7 ', 'LRA-2026-00007'],
  ])('%s means %s', (typed, number) => expect(licenceNumberIn(typed)).toBe(number))

  it.each(['Maluti', 'LRA-2026', 'LRA-2026-0', 'LRA-2026-123456', '2026'])(
    '%s is no licence number',
    (typed) => expect(licenceNumberIn(typed)).toBeNull(),
  )
})

describe('CSV cells', () => {
  it('neutralises anything a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}1+1`).includes(`'${start}`)).toBe(true)
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell(-2)).toBe('-2')
  })

  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('Maluti Jobs')).toBe('Maluti Jobs')
    expect(csvCell('Ha Foso, Berea')).toBe('"Ha Foso, Berea"')
    expect(csvCell('The "best" jobs')).toBe('"The ""best"" jobs"')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell(null)).toBe('')
    expect(csvLine(['a', null, 3, true])).toBe('a,,3,true\r\n')
  })

  it('quotes a semicolon, which semicolon-separated spreadsheets split at', () => {
    expect(csvCell('agriculture; mining')).toBe('"agriculture; mining"')
  })

  it('neutralises a formula hidden after a separator, and changes nothing else in the cell', () => {
    expect(csvCell('Agency;=1+1;@SUM(2)')).toBe('"\'Agency;=1+1;@SUM(2)"')
    expect(csvCell('Agency, =HYPERLINK("x")')).toBe('"\'Agency, =HYPERLINK(""x"")"')
    expect(csvCell('Agency;-2')).toBe('"\'Agency;-2"')
    expect(csvCell('Mafeteng; Maseru')).toBe('"Mafeteng; Maseru"')
    expect(csvCell('Bra Tsietsi - Maputsoe')).toBe('Bra Tsietsi - Maputsoe')
  })
})

describe('the rate limiter', () => {
  const minute = 60_000

  it('allows the limit within a window and says when to retry', () => {
    const limiter = new RateLimiter({ limit: 3, windowMs: minute })
    const t0 = 10 * minute
    for (let i = 0; i < 3; i++) expect(limiter.take('a', t0 + i).allowed).toBe(true)
    const refused = limiter.take('a', t0 + 3)
    expect(refused).toEqual({ allowed: false, retryAfter: 60 })
    expect(limiter.take('b', t0 + 3).allowed).toBe(true)
  })

  it('slides: a burst at the end of one window still counts early in the next', () => {
    const limiter = new RateLimiter({ limit: 4, windowMs: minute })
    const end = 11 * minute - 1
    for (let i = 0; i < 4; i++) expect(limiter.take('a', end).allowed).toBe(true)
    // A quarter into the next window, three quarters of the last one still count (3 of 4).
    expect(limiter.take('a', 11 * minute + minute / 4).allowed).toBe(true)
    expect(limiter.take('a', 11 * minute + minute / 4).allowed).toBe(false)
    // Two windows later, all is forgotten.
    expect(limiter.take('a', 13 * minute).allowed).toBe(true)
  })

  it('does not count refused requests against the client', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: minute })
    expect(limiter.take('a', 0).allowed).toBe(true)
    for (let i = 0; i < 10; i++) expect(limiter.take('a', 10).allowed).toBe(false)
    expect(limiter.take('a', 2 * minute).allowed).toBe(true)
  })
})

describe('public words that must be true for every case the rules allow', () => {
  it('never says "repeated" of an agency under watch: one finding can be enough', async () => {
    const { pointsForFinding, WATCH_POINTS } = await import('../../src/complaints/rules.js')
    const { messagesFor } = await import('../../src/i18n/messages.js')
    expect(pointsForFinding(['recruitment_fee'])).toBeGreaterThanOrEqual(WATCH_POINTS)
    for (const lang of ['en', 'st'] as const) {
      const words = `${messagesFor(lang).warnings.under_watch} ${messagesFor(lang).ussd.warnings.under_watch}`
      expect(words).not.toMatch(/repeat|again and again|khafetsa|pheta/i)
    }
  })
})
