import { sql } from 'kysely'

// Time in Lesotho, in one place. Lesotho keeps South Africa Standard Time (UTC+2) all year,
// with no daylight saving; the zone's name is still what Intl and PostgreSQL are given, so
// that a change in the rules would be a tzdata update, not a code change. Calendar dates are
// 'YYYY-MM-DD' strings, as the database hands them over. Everything here is pure.

export const LESOTHO_TIME_ZONE = 'Africa/Maseru'

// Made once: building an Intl formatter costs far more than using one (about 80 µs).
const isoDateInLesotho = new Intl.DateTimeFormat('en-CA', {
  timeZone: LESOTHO_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})
const clockInLesotho = new Intl.DateTimeFormat('en-GB', {
  timeZone: LESOTHO_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
const offsetInLesotho = new Intl.DateTimeFormat('en-US', {
  timeZone: LESOTHO_TIME_ZONE,
  timeZoneName: 'longOffset',
})

// The date changes once a day; the answer is kept for the minute it was asked in.
let cachedMinute = -1
let cachedDate = ''

/** The calendar date in Lesotho at a moment. */
export function dateInLesotho(at: Date): string {
  const minute = Math.floor(at.getTime() / 60_000)
  if (minute !== cachedMinute) {
    cachedDate = isoDateInLesotho.format(at)
    cachedMinute = minute
  }
  return cachedDate
}

/** Today's date in Lesotho. */
export function todayInLesotho(now: Date = new Date()): string {
  return dateInLesotho(now)
}

/** "2026-11-20T09:30": a moment as Lesotho's clocks show it (the form's date-and-time field). */
export function lesothoLocal(at: Date): string {
  return `${isoDateInLesotho.format(at)}T${clockInLesotho.format(at)}`
}

/** The UTC offset of Lesotho's clocks at a moment, as "+02:00". */
function offsetAt(at: Date): string {
  const name = offsetInLesotho.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? ''
  const m = name.match(/([+-]\d{2}):?(\d{2})/)
  return m ? `${m[1]}:${m[2]}` : '+00:00'
}

/**
 * The moment Lesotho's clocks showed "2026-11-20T09:30" (or a date alone, at midnight).
 * Invalid input gives an invalid Date, which callers check.
 */
export function lesothoInstant(local: string): Date {
  const withTime = local.length === 10 ? `${local}T00:00` : local
  const guess = new Date(`${withTime}:00Z`)
  if (Number.isNaN(guess.getTime())) return guess
  return new Date(`${withTime}:00${offsetAt(guess)}`)
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number)
  return [y!, m!, d!]
}

const iso = (d: Date) => d.toISOString().slice(0, 10)

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date)
  return iso(new Date(Date.UTC(y, m - 1, d + days)))
}

/** Adds months, keeping the day where the month has it (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date)
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate()
  return iso(new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))))
}

export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from)
  const [y2, m2, d2] = parts(to)
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000)
}

// The same rules inside SQL, for the queries that count by day or month in Lesotho. The zone is
// written into the statement (not a parameter), so an expression in SELECT matches its GROUP BY.
const zone = sql.lit(LESOTHO_TIME_ZONE)

/** The moment a Lesotho calendar day begins, as SQL. */
export const startOfDayInLesotho = (date: string) =>
  sql<Date>`(${date}::date)::timestamp at time zone ${zone}`

/** The Lesotho calendar date of a timestamp column, as SQL. */
export const lesothoDateOf = (column: string) => sql<string>`(${sql.ref(column)} at time zone ${zone})::date`
