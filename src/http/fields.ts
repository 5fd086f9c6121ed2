import { z } from 'zod'
import { parseMoney } from '../money.js'

// The field types every schema is built from. Whatever a person (or a script) sends passes one
// of these before anything else sees it: text is refused when it holds a NUL or another control
// character (PostgreSQL cannot store a NUL, and nobody types one), normalised to NFC (the same
// letters are the same bytes, so "Maseru" is found however it was typed), trimmed and bounded;
// numbers are bounded to what their column holds; dates to 1900-2100.

/** An empty or blank form field is a field not filled in (zod then applies .optional()). */
export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

/** A filter chosen from a list: blank means any; anything else must be on the list. */
export const listFilter = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: `Select ${what} from the list` }).optional())

/** What a field says when it refuses a value; public forms pass the reader's language. */
export interface TextMessages {
  /** A required field left blank. */
  required?: string
  tooLong?: (max: number) => string
  /** A control character, or a value that is not one piece of text. */
  badCharacters?: string
}

const ENGLISH = {
  tooLong: (max: number) => `Must be ${max.toLocaleString('en')} characters or fewer`,
  badCharacters:
    'This held hidden characters that cannot be kept (control characters); they have been taken out. Check the text and send it again',
}

// Control characters (Unicode Cc: C0, DEL and C1). Tab and line feed are allowed only in
// multi-line fields (carriage returns are turned into line feeds first).
const CONTROL_ANYWHERE = /[^\P{Cc}\t\n]/u
const CONTROL_ON_ONE_LINE = /\p{Cc}/u

export interface TextRule {
  max: number
  /** A textarea: keeps line breaks (as \n) and tabs. */
  multiline?: boolean
  messages?: TextMessages
}

export type Cleaned = { ok: true; value: string } | { ok: false; message: string }

/**
 * The one cleaning of typed text: NFC, line breaks as \n, trimmed, bounded, no control
 * characters. A blank value comes back as ''. Not a string (a repeated field, a file) is refused.
 */
export function cleanText(value: unknown, rule: TextRule): Cleaned {
  const messages = { ...ENGLISH, ...rule.messages }
  if (value === undefined || value === null) return { ok: true, value: '' }
  if (typeof value !== 'string') return { ok: false, message: messages.badCharacters }
  const lines = rule.multiline ? value.replace(/\r\n?/g, '\n') : value
  if ((rule.multiline ? CONTROL_ANYWHERE : CONTROL_ON_ONE_LINE).test(lines))
    return { ok: false, message: messages.badCharacters }
  const text = lines.normalize('NFC').trim()
  if (text.length > rule.max) return { ok: false, message: messages.tooLong(rule.max) }
  return { ok: true, value: text }
}

// Any value at all, run through the cleaning even when the form left the field out: zod 4 does
// not run a schema that accepts undefined (z.unknown()) for a missing key, but does run this.
const anyValue = () => z.preprocess((v) => v, z.unknown())

/** Text that must be given. */
export function requiredText(rule: TextRule & { messages: TextMessages & { required: string } }) {
  return anyValue().transform((value, ctx): string => {
    const cleaned = cleanText(value, rule)
    if (!cleaned.ok) ctx.addIssue({ code: 'custom', message: cleaned.message })
    else if (cleaned.value === '') ctx.addIssue({ code: 'custom', message: rule.messages.required })
    else return cleaned.value
    return z.NEVER
  })
}

/** Text that may be left blank (blank is undefined). */
export function optionalText(rule: TextRule) {
  return z
    .unknown()
    .transform((value, ctx): string | undefined => {
      const cleaned = cleanText(value, rule)
      if (!cleaned.ok) {
        ctx.addIssue({ code: 'custom', message: cleaned.message })
        return z.NEVER
      }
      return cleaned.value === '' ? undefined : cleaned.value
    })
    .optional()
}

/**
 * A search box: what cannot be searched for is removed rather than refused (a pasted line break,
 * a stray control character), the rest cleaned like any text. Too long is still refused.
 */
export function searchText(max: number, tooLong: string = ENGLISH.tooLong(max)) {
  return anyValue().transform((value, ctx): string => {
    const typed = Array.isArray(value) ? value.at(-1) : value
    if (typeof typed !== 'string') return ''
    const text = typed
      .replace(/\p{Cc}+/gu, ' ')
      .normalize('NFC')
      .replace(/\s+/g, ' ')
      .trim()
    if (text.length > max) {
      ctx.addIssue({ code: 'custom', message: tooLong })
      return z.NEVER
    }
    return text
  })
}

/** A list's search box: blank (or only what was removed) means no search. */
export function searchFilter(max: number, tooLong?: string) {
  return searchText(max, tooLong)
    .transform((q) => q || undefined)
    .optional()
}

/** The largest value of a PostgreSQL integer column. */
export const MAX_INT = 2_147_483_647

/**
 * The version of a record as the form was opened at: a whole number a PostgreSQL integer holds.
 * Anything else means the page is damaged or out of date.
 */
export const versionField = z.coerce
  .number({ error: 'The page is out of date: reload it and make your change again' })
  .int('The page is out of date: reload it and make your change again')
  .min(1, 'The page is out of date: reload it and make your change again')
  .max(MAX_INT, 'The page is out of date: reload it and make your change again')

/** A count of people or things, 0 to `max` (blank is 0). */
export function countField(max = 100_000, what = 'a whole number') {
  return z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `Enter ${what}` })
      .int(`Enter ${what}`)
      .min(0, 'Cannot be negative')
      .max(max, `Must be ${max.toLocaleString('en')} or fewer`)
      .default(0),
  )
}

export const EARLIEST_DATE = '1900-01-01'
export const LATEST_DATE = '2100-12-31'

/** A calendar date typed as YYYY-MM-DD, between 1900 and 2100 (a date-picker sends this form). */
export function dateField(message: string, bounds: { min?: string; max?: string } = {}) {
  const min = bounds.min ?? EARLIEST_DATE
  const max = bounds.max ?? LATEST_DATE
  return z.iso.date({ error: message }).refine((d) => d >= min && d <= max, { message })
}

/** The same, or blank (undefined). */
export function optionalDateField(message: string, bounds: { min?: string; max?: string } = {}) {
  return z.preprocess(blankToUndefined, dateField(message, bounds).optional())
}

/**
 * An amount of money as people write it ("1,500", "M1,500", "R 1 500.50"; src/money.ts), with
 * the currency its symbol names, or blank (undefined).
 */
export function optionalMoneyField(message: string) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: message })
      .max(40, message)
      .transform((typed, ctx) => {
        const money = parseMoney(typed)
        if (money) return money
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      })
      .optional(),
  )
}
