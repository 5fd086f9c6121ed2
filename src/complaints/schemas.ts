import { z } from 'zod'
import {
  blankToUndefined,
  listFilter,
  optionalDateField,
  optionalMoneyField,
  optionalText,
  requiredText,
  searchText,
  versionField,
} from '../http/fields.js'
import { pageParam } from '../http/pagination.js'
import type { Catalogue } from '../i18n/messages.js'
import { LANGUAGES } from '../i18n/messages.js'
import { CURRENCIES, type Currency, currencyOf, parseMoney } from '../money.js'
import { DISTRICTS } from '../vocabulary.js'
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, OUTCOMES, PUBLIC_FLAGS } from './rules.js'

const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

// Every field has a length limit: a report is read by a person, and a script must not fill the
// database through it.
export const LIMITS = { short: 200, phone: 40, description: 4000, licence: 40 } as const

const PHONE = /^\+?[0-9 ()-]{6,20}$/

// Building a zod schema costs more than a report's insert (zod compiles each object schema):
// one per language and day is made, then reused.
const builtSchemas = new WeakMap<
  Catalogue,
  { today: string; schema: ReturnType<typeof buildComplaintSchema> }
>()

/** The public report form, with messages in the reader's language; dates after `today` refused. */
export function complaintSchema(t: Catalogue, today: string) {
  const built = builtSchemas.get(t)
  if (built?.today === today) return built.schema
  const schema = buildComplaintSchema(t, today)
  builtSchemas.set(t, { today, schema })
  return schema
}

function buildComplaintSchema(t: Catalogue, today: string) {
  const e = t.complaint.errors
  const messages = { tooLong: e.tooLong, badCharacters: e.badCharacters }
  const optional = (max: number, multiline = false) => optionalText({ max, multiline, messages })
  return z.object({
    licence: optional(LIMITS.licence),
    recruiter_name: optional(LIMITS.short),
    recruiter_place: optional(LIMITS.short),
    recruiter_phone: optional(LIMITS.phone),
    categories: z.preprocess(
      asArray,
      z.array(z.enum(COMPLAINT_CATEGORIES, { error: e.categories })).min(1, e.categories),
    ),
    fee_amount: optionalMoneyField(e.amount),
    fee_currency: z.preprocess(blankToUndefined, z.enum(CURRENCIES, { error: e.currency }).optional()),
    happened_on: optionalDateField(e.date, { min: '1990-01-01', max: today }),
    district: z.preprocess(blankToUndefined, z.enum(DISTRICTS, { error: e.choice }).optional()),
    // The code on the advert, kept as typed even when no offer has it (a fake advert's code).
    job_offer_code: optional(20).pipe(
      z
        .string()
        .transform((v) => v.replace(/[\s\-–.·]/g, ''))
        .refine((v) => /^\d{8}$/.test(v), e.jobCode)
        .optional(),
    ),
    promised_job: optional(LIMITS.short),
    promised_employer: optional(LIMITS.short),
    promised_country: optional(LIMITS.short),
    description: requiredText({
      max: LIMITS.description,
      multiline: true,
      messages: { ...messages, required: e.description },
    }),
    contact_phone: optional(LIMITS.phone).refine((v) => v === undefined || PHONE.test(v), e.phone),
    contact_email: z.preprocess(
      blankToUndefined,
      z.email({ error: e.email }).max(LIMITS.short, e.tooLong(LIMITS.short)).optional(),
    ),
    may_contact: z.preprocess((v) => v === 'yes', z.boolean()),
    contact_language: z.preprocess(blankToUndefined, z.enum(LANGUAGES, { error: e.choice }).optional()),
    // Made when the form was shown; the same key twice is the same report.
    submission_key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, t.complaint.problem),
    // Left empty by people; filled by scripts that fill every field.
    website: z.preprocess(
      (v) => (v === undefined ? '' : typeof v === 'string' ? v.trim() : 'filled'),
      z.string(),
    ),
  })
}
/**
 * Rules across fields, checked on what was typed whether or not the fields themselves passed,
 * so that every problem is shown at once.
 */
export function complaintCrossFieldErrors(
  typed: Record<string, string | string[]>,
  t: Catalogue,
): Record<string, string> {
  const e = t.complaint.errors
  const filled = (name: string) => typeof typed[name] === 'string' && (typed[name] as string).trim() !== ''
  const errors: Record<string, string> = {}
  // The code on an advert names the recruiter too (or shows the advert to be fake).
  if (!filled('licence') && !filled('recruiter_name') && !filled('job_offer_code'))
    errors.recruiter_name = e.recruiter
  // The currency is optional: an amount with no currency is kept as it was said.
  const money = filled('fee_amount') ? parseMoney(typed.fee_amount as string) : null
  const chosen = (CURRENCIES as readonly unknown[]).includes(typed.fee_currency)
    ? (typed.fee_currency as Currency)
    : null
  if (money && currencyOf(money, chosen) === 'mismatch') errors.fee_currency = e.currencyMismatch
  if (typed.may_contact === 'yes' && !filled('contact_phone') && !filled('contact_email'))
    errors.contact_phone = e.consent
  return errors
}

export type ComplaintInput = z.infer<ReturnType<typeof complaintSchema>>

// Whatever was typed is read (and shown back, shortened): a reference too long is simply not found.
export const trackQuery = z.object({ ref: searchText(20_000).transform((ref) => ref.slice(0, 60)) })

// Staff side (English).
const reason = (what: string) =>
  requiredText({ max: 2000, multiline: true, messages: { required: `Enter ${what}` } })
const version = versionField

export const complaintFiltersSchema = z.object({
  status: listFilter([...COMPLAINT_STATUSES, 'open'], 'a status'),
  category: listFilter(COMPLAINT_CATEGORIES, 'what happened'),
  district: listFilter(DISTRICTS, 'a district'),
  registered: listFilter(['yes', 'no'], 'the kind of recruiter'),
  assigned: listFilter(['me', 'nobody'], 'who it is assigned to'),
  // Set by the link from an agency's page, never typed.
  agency: z.preprocess(blankToUndefined, z.uuid({ error: 'This agency link is not valid' }).optional()),
  page: pageParam,
})
export type ComplaintFilters = z.infer<typeof complaintFiltersSchema>

export const complaintIdParam = z.object({ id: z.uuid() })
export const versionOnly = z.object({ version })
export const noteSchema = z.object({ version, note: reason('the note') })
export const linkAgencySchema = z.object({
  version,
  agency: requiredText({
    max: LIMITS.short,
    messages: { required: 'Enter the licence number, registration number or name of the agency' },
  }),
})
export const linkAgencyIdSchema = z.object({ version, agency_id: z.uuid('Choose an agency') })
export const unlicensedSchema = z.object({
  version,
  name: requiredText({ max: LIMITS.short, messages: { required: 'Enter the name the recruiter uses' } }),
  place: optionalText({ max: LIMITS.short }),
  phone: optionalText({ max: LIMITS.phone }),
  district: z.preprocess(blankToUndefined, z.enum(DISTRICTS, { error: 'Choose a district' }).optional()),
})
export const decisionSchema = z
  .object({
    version,
    outcome: z.enum(OUTCOMES, { error: 'Choose substantiated or unsubstantiated' }),
    proven: z.preprocess(
      asArray,
      z.array(z.enum(COMPLAINT_CATEGORIES, { error: 'Choose categories from the list' })),
    ),
    finding: reason('the finding or the reason'),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'substantiated' && v.proven.length === 0)
      ctx.addIssue({ code: 'custom', path: ['proven'], message: 'Choose what was proven' })
    if (v.outcome === 'unsubstantiated' && v.proven.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['proven'],
        message: 'An unsubstantiated complaint proves nothing: untick the categories',
      })
  })
export const referSchema = z.object({
  version,
  police_case_number: requiredText({ max: 60, messages: { required: 'Enter the police case number' } }),
})
export const clearFlagParam = z.object({ id: z.uuid(), flag: z.enum(PUBLIC_FLAGS) })
export const clearFlagSchema = z.object({ reason: reason('the reason for clearing the flag') })

export const findingDecisionSchema = z
  .object({
    version,
    outcome: z.enum(['substantiated', 'dismissed'], { error: 'Choose substantiated or dismissed' }),
    proven: z.preprocess(
      asArray,
      z.array(z.enum(COMPLAINT_CATEGORIES, { error: 'Choose categories from the list' })),
    ),
    reason: reason('the finding or the reason it is dismissed'),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'substantiated' && v.proven.length === 0)
      ctx.addIssue({ code: 'custom', path: ['proven'], message: 'Choose what was proven' })
    if (v.outcome === 'dismissed' && v.proven.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['proven'],
        message: 'A dismissed finding proves nothing: untick the categories',
      })
  })
