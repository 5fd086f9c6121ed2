// Money in the registry: amounts are kept in minor units (lisente, cents) as integers, never
// floats, with their currency. Lesotho's loti (LSL) and South Africa's rand (ZAR, also legal
// tender in Lesotho). Pure.

export const CURRENCIES = ['LSL', 'ZAR'] as const
export type Currency = (typeof CURRENCIES)[number]

/** The largest amount the registry takes: M 9,999,999.99 (a recruitment fee, not a budget). */
export const MAX_MINOR_UNITS = 999_999_999

/** An amount as typed, read: in minor units, and the currency its symbol named, if any. */
export interface TypedMoney {
  minor: number
  currency: Currency | null
}

// A symbol or code before the amount: "M1,500", "R 1 500.50", "LSL 800", "maloti 800".
const PREFIX = /^(maloti|loti|rand|lsl|zar|m|r)\.?\s*/i
const SUFFIX = /(?<=\d)\s*(maloti|loti|rand|lsl|zar|m|r)\.?$/i
const PREFIX_CURRENCY: Record<string, Currency> = {
  m: 'LSL',
  lsl: 'LSL',
  maloti: 'LSL',
  loti: 'LSL',
  r: 'ZAR',
  zar: 'ZAR',
  rand: 'ZAR',
}

/**
 * Money as people write it: "1500", "1,500", "M1,500", "R 1 500.50", "1 500,50", "1.500,50",
 * "300 maloti", "500 rand".
 * Spaces group thousands. A comma followed by exactly three digits groups thousands; otherwise
 * it is the decimal mark (as a dot is). With both marks, the last one is the decimal mark.
 * Anything else, more than two decimals, or more than MAX_MINOR_UNITS, is null: asked again
 * rather than guessed ("1.500" could be one and a half, or fifteen hundred).
 */
export function parseMoney(typed: string): TypedMoney | null {
  let text = typed.trim()
  const prefix = PREFIX.exec(text)
  // Or after it, as it is said: "300 maloti", "500 rand", "300 R".
  const suffix = prefix ? null : SUFFIX.exec(text)
  const named = prefix?.[1] ?? suffix?.[1]
  const currency = named ? PREFIX_CURRENCY[named.toLowerCase()]! : null
  if (prefix) text = text.slice(prefix[0].length)
  if (suffix) text = text.slice(0, suffix.index)
  // Spaces of every kind (a phone keyboard may give a no-break space) between digit groups.
  text = text.replace(/(?<=\d)[\s\u00a0\u202f](?=\d{3}(?!\d))/g, '')
  if (!/^\d[\d.,]*$/.test(text)) return null
  const lastDot = text.lastIndexOf('.')
  const lastComma = text.lastIndexOf(',')
  let whole: string
  let fraction = ''
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ','
    const at = Math.max(lastDot, lastComma)
    whole = text.slice(0, at)
    fraction = text.slice(at + 1)
    const grouping = decimal === '.' ? ',' : '.'
    if (whole.includes(decimal) || !groupedBy(whole, grouping)) return null
    whole = whole.replaceAll(grouping, '')
  } else if (lastComma >= 0) {
    if (groupedBy(text, ',')) whole = text.replaceAll(',', '')
    else if (text.indexOf(',') === lastComma) {
      whole = text.slice(0, lastComma)
      fraction = text.slice(lastComma + 1)
    } else return null
  } else if (lastDot >= 0) {
    if (text.indexOf('.') !== lastDot) return null
    whole = text.slice(0, lastDot)
    fraction = text.slice(lastDot + 1)
  } else whole = text
  if (!/^\d+$/.test(whole) || !/^\d{0,2}$/.test(fraction) || whole.length > 9) return null
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  return minor <= MAX_MINOR_UNITS ? { minor, currency } : null
}

/** "1,500,000" grouped by commas: 1–3 digits, then groups of exactly three. */
function groupedBy(text: string, mark: string): boolean {
  if (!text.includes(mark)) return /^\d+$/.test(text)
  const [first, ...rest] = text.split(mark)
  return /^\d{1,3}$/.test(first!) && rest.every((group) => /^\d{3}$/.test(group))
}

const SYMBOLS: Record<string, string> = { LSL: 'M', ZAR: 'R' }

/** "M 1,500.00" (loti) or "R 1,500.00" (rand): an amount kept in minor units, with its currency. */
// Made once: toLocaleString with options builds a formatter on every call (2% of a job offer's page).
const amountFormat = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

export function formatMoney(minor: number | null, currency: string | null): string | null {
  if (minor === null) return null
  const amount = amountFormat.format(minor / 100)
  const symbol = currency ? (SYMBOLS[currency] ?? currency) : ''
  return `${symbol} ${amount}`.trim()
}

/**
 * The currency of an amount: the one chosen, else the one its symbol named, else none.
 * "mismatch" when both are given and differ (R typed, maloti chosen): the person is asked.
 */
export function currencyOf(
  money: TypedMoney,
  chosen: Currency | null | undefined,
): Currency | null | 'mismatch' {
  if (chosen && money.currency && chosen !== money.currency) return 'mismatch'
  return chosen ?? money.currency
}
