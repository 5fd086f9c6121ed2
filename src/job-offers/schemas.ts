import { z } from 'zod'
import { COUNTRY_CODES } from '../agencies/countries.js'
import { dateField, listFilter, requiredText, versionField } from '../http/fields.js'
import { pageParam } from '../http/pagination.js'
import { CURRENCIES, currencyOf, MAX_MINOR_UNITS, parseMoney } from '../money.js'
import { SECTORS } from '../vocabulary.js'
import { COSTS_PAID_BY_CHOICES, JOB_OFFER_STATUSES } from './lifecycle.js'

const text = (max: number, required: string, multiline = false) =>
  requiredText({
    max,
    multiline,
    messages: { required, tooLong: (n) => `Must be ${n.toLocaleString('en')} characters or fewer` },
  })

const wholeNumber = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `Enter ${what}` })
    .int(`Enter ${what} as a whole number`)
    .min(min, `Must be at least ${min}`)
    .max(max, `Must be ${max.toLocaleString('en')} or fewer`)

/** Who pays: the worker is a choice on the form so that the refusal can say why. */
const paidBy = (what: string) =>
  z
    .enum(COSTS_PAID_BY_CHOICES, { error: `Choose who pays the ${what}` })
    .refine((v) => v !== 'worker', {
      message: `Refused: the worker may not pay any ${what}. A licensed agency is paid by the employer; an offer that makes the worker pay cannot be recorded.`,
    })
    .transform((v) => v as Exclude<typeof v, 'worker'>)

/** A vacancy as the licensing officer records it from the agency's submission. */
export const jobOfferSchema = z
  .object({
    employer_name: text(200, 'Enter the employer’s name'),
    employer_country: z
      .string({ error: 'Choose the country of the job' })
      .refine((c) => COUNTRY_CODES.has(c), 'Choose the country of the job'),
    employer_place: text(200, 'Enter the town, farm or district of the job'),
    position: text(200, 'Enter the position, for example “Fruit picker”'),
    sector: z.enum(SECTORS, { error: 'Choose the sector' }),
    workers_wanted: wholeNumber(1, 100_000, 'the number of workers wanted'),
    wage: z
      .string({ error: 'Enter the wage per month' })
      .max(40, 'Enter the wage per month, for example 4,500')
      .transform((typed, ctx) => {
        const money = parseMoney(typed)
        if (money && money.minor > 0 && money.minor <= MAX_MINOR_UNITS) return money
        ctx.addIssue({ code: 'custom', message: 'Enter the wage per month, for example 4,500' })
        return z.NEVER
      }),
    wage_currency: z.enum(CURRENCIES, { error: 'Choose the currency of the wage' }),
    contract_months: wholeNumber(1, 120, 'the length of the contract in months'),
    hours_per_week: wholeNumber(1, 84, 'the working hours per week'),
    accommodation: text(500, 'Say what accommodation is given (or “none”)', true),
    recruitment_costs_paid_by: paidBy('recruitment costs'),
    travel_costs_paid_by: paidBy('travel costs'),
    open_from: dateField('Enter the first day the offer is open'),
    open_until: dateField('Enter the last day the offer is open'),
    contract_reference: text(200, 'Enter the reference of the contract or demand letter'),
    submission_key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'The page is out of date: reload it'),
  })
  .superRefine((offer, ctx) => {
    if (offer.open_until < offer.open_from)
      ctx.addIssue({
        code: 'custom',
        path: ['open_until'],
        message: 'The last day must be on or after the first',
      })
    if (currencyOf(offer.wage, offer.wage_currency) === 'mismatch')
      ctx.addIssue({
        code: 'custom',
        path: ['wage_currency'],
        message: 'The wage was typed in the other currency: choose that one, or type the amount alone',
      })
  })
export type JobOfferInput = z.infer<typeof jobOfferSchema>

const reason = requiredText({
  max: 2000,
  multiline: true,
  messages: { required: 'Enter the reason', tooLong: () => 'Reason must be 2,000 characters or fewer' },
})
export const approveOfferSchema = z.object({ version: versionField })
export const endOfferSchema = z.object({ version: versionField, reason })

export const offerIdParam = z.object({ id: z.uuid() })
export const offerListQuery = z.object({
  status: listFilter(JOB_OFFER_STATUSES, 'a status'),
  page: pageParam,
})
