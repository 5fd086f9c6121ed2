// Money in the registry: amounts are kept in minor units (lisente, cents) as integers, never
// floats, with their currency. Lesotho's loti (LSL) and South Africa's rand (ZAR, also legal
// tender in Lesotho). Pure.

export const CURRENCIES = ['LSL', 'ZAR'] as const
export type Currency = (typeof CURRENCIES)[number]

/** The largest amount the registry takes: M 9,999,999.99 (a recruitment fee, not a budget). */
export const MAX_MINOR_UNITS = 999_999_999

/** "1500", "1 500,50", "1500.5" -> minor units (150000, 150050, 150050); anything else -> null. */
export function minorUnits(typed: string): number | null {
  const m = typed.replace(/\s/g, '').match(/^(\d{1,7})(?:[.,](\d{1,2}))?$/)
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'))
}

const SYMBOLS: Record<string, string> = { LSL: 'M', ZAR: 'R' }

/** "M 1,500.00" (loti) or "R 1,500.00" (rand): an amount kept in minor units, with its currency. */
export function formatMoney(minor: number | null, currency: string | null): string | null {
  if (minor === null) return null
  const amount = (minor / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  const symbol = currency ? (SYMBOLS[currency] ?? currency) : ''
  return `${symbol} ${amount}`.trim()
}
