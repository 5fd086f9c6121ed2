import { z } from 'zod'
import {
  blankToUndefined,
  dateField,
  listFilter,
  requiredText,
  searchFilter,
  versionField,
} from '../http/fields.js'
import { pageParam } from '../http/pagination.js'
import { DISTRICTS } from '../vocabulary.js'
import { CASE_ACTIONS, CASE_AGES, CASE_STAGES, OFFENCES } from './stages.js'

const text = (max: number, required: string, multiline = false) =>
  requiredText({
    max,
    multiline,
    messages: { required, tooLong: (n) => `Must be ${n.toLocaleString('en')} characters or fewer` },
  })

const oneOrMany = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

/** A case as the police officer opens it. */
export const openCaseSchema = z
  .object({
    station: text(100, 'Enter the police station, for example “Maseru Central”'),
    case_year: z.coerce
      .number({ error: 'Enter the year of the case number' })
      .int('Enter the year as four digits')
      .min(1990, 'Enter the year as four digits, 1990 or later')
      .max(2100, 'Enter the year as four digits'),
    case_number: z.coerce
      .number({ error: 'Enter the case number' })
      .int('Enter the case number as a whole number')
      .min(1, 'Enter the case number as a whole number')
      .max(999_999, 'Must be 999,999 or less'),
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
