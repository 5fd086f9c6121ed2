// Calendar dates as 'YYYY-MM-DD' strings, as the database hands them over. Pure functions.

const TIME_ZONE = 'Africa/Maseru'

// Made once: building an Intl formatter costs far more than using one (about 80 µs).
const isoDateInLesotho = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
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
