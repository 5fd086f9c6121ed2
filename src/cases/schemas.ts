import { z } from 'zod'
import { COUNTRY_CODES } from '../agencies/countries.js'
import {
  blankToUndefined,
  countField,
  dateField,
  listFilter,
  optionalMoneyField,
  optionalText,
  requiredText,
  searchFilter,
  versionField,
} from '../http/fields.js'
import { pageParam } from '../http/pagination.js'
import { todayInLesotho } from '../time.js'
import { DISTRICTS } from '../vocabulary.js'
import {
  AGE_GROUPS,
  AGENCY_LINKS,
  EXPLOITATION_FORMS,
  isPerson,
  SEXES,
  SUSPECT_KINDS,
  SUSPECT_ROLES,
  UNKNOWN_NATIONALITY,
  VERDICTS,
} from './parties.js'
import { CASE_ACTIONS, CASE_AGES, CASE_STAGES, OFFENCES } from './stages.js'

const text = (max: number, required: string, multiline = false) =>
  requiredText({
    max,
    multiline,
    messages: { required, tooLong: (n) => `Must be ${n.toLocaleString('en')} characters or fewer` },
  })

/** A whole number typed: blank asks for it, anything else not a whole number says what to type. */
const wholeNumber = (
  required: string,
  notANumber: string,
  bounds: { min: number; below: string; max: number; above: string },
) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce
      .number({ error: (issue) => (issue.input === undefined ? required : notANumber) })
      .int(notANumber)
      .min(bounds.min, bounds.below)
      .max(bounds.max, bounds.above),
  )

const oneOrMany = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

/** A case as the police officer opens it. */
export const openCaseSchema = z
  .object({
    station: text(100, 'Enter the police station, for example “Maseru Central”'),
    case_number: wholeNumber(
      'Enter the case number',
      'Enter the case number as a whole number, for example 358',
      {
        min: 1,
        below: 'Enter the case number as a whole number, 1 or more',
        max: 999_999,
        above: 'Must be 999,999 or less',
      },
    ),
    case_year: wholeNumber(
      'Enter the year of the case number',
      'Enter the year as four digits, for example 2026',
      {
        min: 1990,
        below: 'Enter the year as four digits, 1990 or later',
        max: 2100,
        above: 'Enter the year as four digits',
      },
    ),
    district: z.enum(DISTRICTS, { error: 'Choose the district' }),
    investigating_officer: text(200, 'Enter the investigating officer’s name and rank'),
    offences: z.preprocess(
      oneOrMany,
      z
        .array(z.enum(OFFENCES, { error: 'Choose the offences from the list' }))
        .min(1, 'Choose at least one offence')
        .max(OFFENCES.length, 'Choose the offences from the list'),
    ),
    reported_on: dateField('Enter the day the offence was reported'),
    opened_on: dateField('Enter the day the investigation was opened'),
    submission_key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'The page is out of date: reload it'),
    // What the case comes from, carried in the form from the complaint's or inspection's page.
    complaint_id: z.preprocess(
      blankToUndefined,
      z.uuid({ error: 'The page is out of date: reload it' }).optional(),
    ),
    inspection_id: z.preprocess(
      blankToUndefined,
      z.uuid({ error: 'The page is out of date: reload it' }).optional(),
    ),
  })
  .superRefine((c, ctx) => {
    if (c.opened_on < c.reported_on)
      ctx.addIssue({
        code: 'custom',
        path: ['opened_on'],
        message: 'The investigation cannot be opened before the offence was reported',
      })
  })
export type OpenCaseInput = z.infer<typeof openCaseSchema>

const reason = requiredText({
  max: 2000,
  multiline: true,
  messages: { required: 'Enter the reason', tooLong: () => 'Reason must be 2,000 characters or fewer' },
})

/** One step of a case; each action asks only for what it records. */
export const caseStepSchemas = {
  send_to_dpp: z.object({ version: versionField, on_date: dateField('Enter the day it was sent') }),
  charge: z.object({
    version: versionField,
    on_date: dateField('Enter the day of the charge'),
    court: text(200, 'Enter the court, for example “Maseru Magistrate’s Court”'),
    court_case_number: text(60, 'Enter the court’s case number'),
  }),
  record_verdict: z.object({ version: versionField, on_date: dateField('Enter the day of the verdict') }),
  close: z.object({ version: versionField, on_date: dateField('Enter the day it was closed'), reason }),
  close_without_charge: z.object({
    version: versionField,
    on_date: dateField('Enter the day it was closed'),
    reason,
  }),
} as const

export const caseIdParam = z.object({ id: z.uuid() })
export const caseActionParam = z.object({ id: z.uuid(), action: z.enum(CASE_ACTIONS) })

export const caseListQuery = z.object({
  district: listFilter(DISTRICTS, 'a district'),
  stage: listFilter(CASE_STAGES, 'a stage'),
  offence: listFilter(OFFENCES, 'an offence'),
  age: listFilter(CASE_AGES, 'an age'),
  q: searchFilter(100),
  page: pageParam,
})
export type CaseListFilters = z.infer<typeof caseListQuery>

/** Where a new case comes from, when it is opened from a complaint's or an inspection's page. */
export const caseSourceQuery = z.object({
  complaint: z.preprocess(blankToUndefined, z.uuid().optional()),
  inspection: z.preprocess(blankToUndefined, z.uuid().optional()),
})

const choice = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { error: message })
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: message }).optional())
const key = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'The page is out of date: reload it')
const nationalityIn = (v: string) => v === UNKNOWN_NATIONALITY || COUNTRY_CODES.has(v)
const optionalNationality = z.preprocess(
  blankToUndefined,
  z.string().refine(nationalityIn, 'Choose the nationality from the list').optional(),
)

/**
 * A suspect as the police or the prosecutor adds them. An agency, or a person of one, is named by
 * the agency's licence number, registration number or registered name; a person has a sex, an
 * age group and a nationality ("not known" is an answer), and an ID or passport number when
 * known. Every field may be blank at first, so that what each kind of suspect needs is said all
 * at once.
 */
const suspectFields = z.object({
  version: versionField,
  submission_key: key,
  kind: optionalChoice(SUSPECT_KINDS, 'Choose who the suspect is from the list'),
  agency: optionalText({ max: 200 }),
  agency_link: optionalChoice(AGENCY_LINKS, 'Choose how the person is linked to the agency'),
  name: optionalText({ max: 200 }),
  role: optionalChoice(SUSPECT_ROLES, 'Choose the suspect’s role from the list'),
  sex: optionalChoice(SEXES, 'Choose the sex, or “Not known”'),
  age_group: optionalChoice(AGE_GROUPS, 'Choose the age group, or “Age not known”'),
  nationality: optionalNationality,
  id_number: optionalText({ max: 40 }),
})
type SuspectFields = z.infer<typeof suspectFields>
export type SuspectInput = SuspectFields & {
  kind: (typeof SUSPECT_KINDS)[number]
  role: (typeof SUSPECT_ROLES)[number]
}

export const suspectSchema = suspectFields.transform((s, ctx): SuspectInput => {
  const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
  if (!s.kind) need('kind', 'Choose who the suspect is')
  if (!s.role) need('role', 'Choose the suspect’s role')
  if ((s.kind === 'agency' || s.kind === 'agency_person') && !s.agency)
    need('agency', 'Enter the agency’s licence number, registration number or registered name')
  if (s.kind === 'agency_person' && !s.agency_link)
    need('agency_link', 'Choose how the person is linked to the agency')
  if (s.kind && s.kind !== 'agency' && !s.name)
    need('name', s.kind === 'employer' ? 'Enter the employer’s name' : 'Enter the suspect’s name')
  if (s.kind && isPerson(s.kind)) {
    if (!s.sex) need('sex', 'Choose the sex, or “Not known”')
    if (!s.age_group) need('age_group', 'Choose the age group, or “Age not known”')
    if (!s.nationality) need('nationality', 'Choose the nationality, or “Not known”')
  }
  return s as SuspectInput
})

/** A group of potential victims: a count, never a name. */
export const victimsSchema = z
  .object({
    version: versionField,
    submission_key: key,
    people: z.coerce
      .number({ error: 'Enter how many people' })
      .int('Enter how many people as a whole number')
      .min(1, 'Enter how many people, 1 or more')
      .max(10_000, 'Must be 10,000 or fewer'),
    sex: choice(SEXES, 'Choose the sex, or “Not known”'),
    age_group: choice(AGE_GROUPS, 'Choose the age group, or “Age not known”'),
    nationality: z.preprocess(
      blankToUndefined,
      z
        .string({ error: 'Choose the nationality, or “Not known”' })
        .refine(nationalityIn, 'Choose the nationality from the list'),
    ),
    exploitation: choice(EXPLOITATION_FORMS, 'Choose the form of exploitation, or “Not known yet”'),
    referred_nrm: countField(10_000, 'how many were referred, 0 if none'),
  })
  .superRefine((v, ctx) => {
    if (v.referred_nrm > v.people)
      ctx.addIssue({
        code: 'custom',
        path: ['referred_nrm'],
        message: 'Cannot be more than the people in this group',
      })
  })
export type VictimsInput = z.infer<typeof victimsSchema>

/** The court's ruling on one suspect; a sentence only for a conviction. */
export const suspectVerdictSchema = z
  .object({
    version: versionField,
    verdict: choice(VERDICTS, 'Choose the court’s ruling'),
    verdict_on: dateField('Enter the day of the ruling'),
    prison_months: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'Enter the prison term in months, or leave it empty' })
        .int('Enter the prison term in whole months')
        .min(1, 'A prison term is 1 month or more: leave it empty for none')
        .max(1200, 'Must be 1,200 months or fewer')
        .optional(),
    ),
    prison_suspended: z.preprocess((v) => v === 'yes', z.boolean()),
    fine: optionalMoneyField('Enter the fine in maloti, for example 5,000, or leave it empty'),
  })
  .superRefine((v, ctx) => {
    if (v.verdict !== 'convicted' && (v.prison_months !== undefined || v.fine !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: [v.prison_months !== undefined ? 'prison_months' : 'fine'],
        message: 'A sentence is given only with a conviction',
      })
    if (v.verdict === 'convicted' && v.prison_months === undefined && v.fine === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['prison_months'],
        message: 'Enter the sentence: a prison term, a fine, or both',
      })
    if (v.fine?.minor === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['fine'],
        message: 'A fine is more than M 0: leave it empty for none',
      })
    if (v.prison_suspended && v.prison_months === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['prison_suspended'],
        message: 'Only a prison term can be suspended',
      })
  })
export type SuspectVerdictInput = z.infer<typeof suspectVerdictSchema>

/** A conviction overturned on appeal, recorded by the prosecutor. */
export const overturnSchema = z.object({
  version: versionField,
  overturned_on: dateField('Enter the day of the appeal judgment'),
  reason: requiredText({
    max: 2000,
    multiline: true,
    messages: {
      required: 'Enter the appeal court and its judgment',
      tooLong: () => 'Must be 2,000 characters or fewer',
    },
  }),
})

export const suspectParam = z.object({ id: z.uuid(), suspectId: z.uuid() })

/**
 * Each of these dates of something that has happened, when typed after today (Lesotho's date):
 * an error beside it. Today moves, so this is checked when the form arrives, not in a schema.
 */
export function futureDates(
  values: Record<string, unknown>,
  names: readonly string[],
  today = todayInLesotho(),
) {
  const errors: Record<string, string> = {}
  for (const name of names) {
    const value = values[name]
    if (typeof value === 'string' && value > today) errors[name] = 'The date cannot be in the future'
  }
  return errors
}
