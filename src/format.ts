// How dates and times read in the registry: "3 March 2026", in Lesotho's time zone.
import { LESOTHO_TIME_ZONE as TIME_ZONE } from './time.js'

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
})
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: TIME_ZONE,
})

export function formatDate(value: Date | string): string {
  // 'YYYY-MM-DD' strings are calendar dates: read them at noon UTC so no zone shifts the day.
  const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value
  return dateFormat.format(date)
}

export function formatDateTime(value: Date): string {
  return `${dateFormat.format(value)} at ${timeFormat.format(value)}`
}

export function formatTime(value: Date): string {
  return timeFormat.format(value)
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
/** "2025-12" -> "December 2025". */
export function formatMonth(yearMonth: string): string {
  return monthFormat.format(new Date(`${yearMonth}-15T12:00:00Z`))
}
