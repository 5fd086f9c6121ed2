import { z } from 'zod'
import { blankToUndefined, listFilter, optionalDateField } from '../http/fields.js'
import { addDays, addMonths, todayInLesotho } from '../time.js'
import { DISTRICTS, type District, SECTORS, type Sector } from '../vocabulary.js'
import { periodDates, readPeriod } from './periods.js'

/** What the figures count: a period of days (both ends included), and one district or sector. */
export interface ReportFilters {
  from: string
  to: string
  district: District | null
  sector: Sector | null
}

/** The last twelve months, today included. */
export function defaultPeriod(today = todayInLesotho()) {
  return { from: addDays(addMonths(today, -12), 1), to: today }
}

const date = (label: string) =>
  optionalDateField(`Enter the ${label} date as a day, month and year, between 1900 and 2100`)

export const reportFiltersSchema = z
  .object({
    // A TIP reporting year or a calendar year; its dates replace any typed.
    period: z.preprocess(
      blankToUndefined,
      z
        .string()
        .max(20)
        .transform((v, ctx) => {
          const named = readPeriod(v)
          if (!named) ctx.addIssue({ code: 'custom', message: 'Choose a period from the list' })
          return named ?? z.NEVER
        })
        .optional(),
    ),
    from: date('first'),
    to: date('last'),
    district: listFilter(DISTRICTS, 'a district'),
    sector: listFilter(SECTORS, 'a sector'),
  })
  .transform((v) => {
    const period = defaultPeriod()
    const named = v.period ? periodDates(v.period) : null
    return {
      from: named?.from ?? v.from ?? (v.to ? addDays(addMonths(v.to, -12), 1) : period.from),
      to: named?.to ?? v.to ?? period.to,
      district: v.district ?? null,
      sector: v.sector ?? null,
    }
  })
  .superRefine((v, ctx) => {
    if (v.from > v.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Choose a date on or after the From date' })
    else if (v.from < addMonths(v.to, -120))
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'Choose a period of ten years or less' })
  })
