import { z } from 'zod'
import { normaliseReference } from '../complaints/rules.js'
import {
  blankToUndefined,
  countField,
  optionalDateField,
  optionalMoneyField,
  optionalText,
} from '../http/fields.js'
import { licenceNumberIn } from '../licence-number.js'
import { currencyOf, type TypedMoney } from '../money.js'
import { lesothoInstant } from '../time.js'
import { coordinateField, type WorksiteInput, worksiteSchema } from '../worksites/schemas.js'
import {
  headcountProblems,
  INDICATOR_LEVELS,
  INDICATORS,
  INSPECTION_TYPES,
  type Indicator,
  type IndicatorLevel,
  isPhotoSubject,
  LABOUR_FINDINGS,
  MAX_PHOTOS,
  OTHER_AGENCIES,
  OUTCOMES,
  REFERRAL_DESTINATIONS,
  type ReferralDestination,
  type VictimCounts,
} from './rules.js'

// The inspection form is one flat HTML form (it must work without JavaScript and offline as
// the same fields): repeated rows carry their number in the field name, so every field has
// one name to show its message beside. Parsing returns the record and every problem at once.

export const RECRUITER_ROWS = 4
export const POLICE_ROWS = 3
export const FOLLOW_UP_ROWS = 3
export const HEADCOUNTS = [
  'workers_present',
  'workers_interviewed',
  'women',
  'men',
  'under_18',
  'foreign_nationals',
] as const
export const VICTIM_GROUPS = ['female_under_18', 'female_adult', 'male_under_18', 'male_adult'] as const

const TEXT = 200
const LONG = 2000
const text = (max: number) => optionalText({ max, multiline: max > TEXT })
const count = countField(100_000)
const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const isoDate = optionalDateField('Enter a date between 1900 and 2100')

function fieldShape() {
  const shape: Record<string, z.ZodType> = {
    idempotency_key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'This form is damaged: open a new one'),
    // Blank when the worksite is added on the spot (the new_worksite_ fields).
    worksite_id: z.preprocess(blankToUndefined, z.uuid('Choose the worksite').optional()),
    visited_at: z.preprocess(
      blankToUndefined,
      z.string({ error: 'Enter the date and time of the visit' }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, {
        error: 'Enter the date and time of the visit',
      }),
    ),
    type: z.enum(INSPECTION_TYPES, { error: 'Choose the type of inspection' }),
    complaint_references: text(400),
    lead_inspector: text(TEXT),
    other_agencies: z.preprocess(list, z.array(z.enum(OTHER_AGENCIES, { error: 'Choose from the list' }))),
    other_agencies_detail: text(TEXT),
    nationalities: text(TEXT),
    labour_findings: z.preprocess(list, z.array(z.enum(LABOUR_FINDINGS, { error: 'Choose from the list' }))),
    labour_findings_detail: text(LONG),
    outcome: z.preprocess(blankToUndefined, z.enum(OUTCOMES, { error: 'Choose the outcome' }).optional()),
    compliance_due_on: isoDate,
    police_case_number: text(60),
    notes: text(LONG),
    // Where the record was made: from the phone (with its accuracy in metres) or typed (none).
    position_latitude: coordinateField('latitude'),
    position_longitude: coordinateField('longitude'),
    position_accuracy: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'The position from the phone is damaged: take it again' })
        .min(0, 'The position from the phone is damaged: take it again')
        .max(100_000, 'The position from the phone is damaged: take it again')
        .optional(),
    ),
    action: z.enum(['draft', 'submit'], { error: 'Choose to save a draft or to submit' }),
    // The photos taken for the record, sent after it: "<sha256>:<what it is evidence of>".
    photo: z.preprocess(
      list,
      z
        .array(
          z
            .string()
            .max(150)
            .refine(
              (p) => /^[0-9a-f]{64}:/.test(p) && isPhotoSubject(p.slice(65)),
              'A photo of this record is damaged: take it again',
            ),
        )
        .max(MAX_PHOTOS, `A record takes at most ${MAX_PHOTOS} photos`),
    ),
  }
  for (const h of HEADCOUNTS) shape[h] = count
  for (let i = 1; i <= POLICE_ROWS; i++) {
    shape[`police_${i}_name`] = text(TEXT)
    shape[`police_${i}_service_number`] = text(40)
  }
  for (let i = 1; i <= RECRUITER_ROWS; i++) {
    shape[`recruiter_${i}_licence`] = text(40)
    shape[`recruiter_${i}_name`] = text(TEXT)
    shape[`recruiter_${i}_fee`] = optionalMoneyField('Enter an amount, for example 1500, 1,500 or M1,500.50')
    shape[`recruiter_${i}_currency`] = z.preprocess(
      blankToUndefined,
      z.enum(['LSL', 'ZAR'], { error: 'Choose the currency' }).optional(),
    )
    shape[`recruiter_${i}_workers`] = count
    shape[`recruiter_${i}_indicators`] = z.preprocess(
      list,
      z.array(z.enum(INDICATORS, { error: 'Choose from the list' })),
    )
  }
  for (const indicator of INDICATORS) {
    shape[`indicator_${indicator}`] = z.preprocess(
      blankToUndefined,
      z.enum(INDICATOR_LEVELS, { error: 'Choose from the list' }).default('not_observed'),
    )
    shape[`evidence_${indicator}`] = text(LONG)
  }
  for (const destination of REFERRAL_DESTINATIONS) {
    for (const group of VICTIM_GROUPS) shape[`referral_${destination}_${group}`] = count
    shape[`referral_${destination}_consent`] = z.preprocess((v) => v === 'yes', z.boolean())
  }
  for (let i = 1; i <= FOLLOW_UP_ROWS; i++) {
    shape[`follow_up_${i}_action`] = text(TEXT)
    shape[`follow_up_${i}_due`] = isoDate
  }
  return shape
}
// Most of the form's 150 fields are left empty; what an empty field parses to is worked out once.
const inspectionFields = Object.entries(fieldShape()).map(
  ([name, schema]) => [name, schema, schema.safeParse(undefined)] as const,
)

/** The worksite fields of a form that adds the worksite on the spot, by their names on the form. */
export const NEW_WORKSITE_PREFIX = 'new_worksite_'
export const NEW_WORKSITE_FIELDS = [
  'name',
  'kind',
  'sector',
  'operator',
  'district',
  'village',
  'latitude',
  'longitude',
  'approx_workers',
] as const

function parseNewWorksite(body: Record<string, unknown>, errors: Record<string, string>) {
  const fields = Object.fromEntries(NEW_WORKSITE_FIELDS.map((f) => [f, body[`${NEW_WORKSITE_PREFIX}${f}`]]))
  const parsed = worksiteSchema.safeParse(fields)
  if (parsed.success) return parsed.data
  for (const issue of parsed.error.issues)
    errors[`${NEW_WORKSITE_PREFIX}${String(issue.path[0])}`] ??= issue.message
  return null
}

export interface InspectionRecord {
  idempotencyKey: string
  /** The registered worksite, or null when `newWorksite` is added with the record. */
  worksiteId: string | null
  newWorksite: WorksiteInput | null
  visitedAt: string
  type: (typeof INSPECTION_TYPES)[number]
  complaintReferences: string[]
  leadInspector: string
  policeOfficers: { name: string; service_number: string }[]
  otherAgencies: (typeof OTHER_AGENCIES)[number][]
  otherAgenciesDetail: string | null
  headcounts: Record<(typeof HEADCOUNTS)[number], number>
  nationalities: string[]
  recruiters: {
    licence: string | null
    name: string | null
    feeAmountMinor: number | null
    feeCurrency: 'LSL' | 'ZAR' | null
    workersPaying: number
    indicators: Indicator[]
    /** The form row, for messages. */
    row: number
  }[]
  indicators: Partial<
    Record<Indicator, { level: Exclude<IndicatorLevel, 'not_observed'>; evidence: string | null }>
  >
  labourFindings: (typeof LABOUR_FINDINGS)[number][]
  labourFindingsDetail: string | null
  outcome: (typeof OUTCOMES)[number] | null
  complianceDueOn: string | null
  policeCaseNumber: string | null
  referrals: Partial<Record<ReferralDestination, VictimCounts & { consentRecorded: boolean }>>
  followUps: { action: string; dueOn: string }[]
  notes: string | null
  /** Where the record was made; the accuracy in metres when the phone gave it, null when typed. */
  position: { latitude: number; longitude: number; accuracyMetres: number | null } | null
  /** The photos the device took for it, each sent on its own after the record. */
  photos: { sha256: string; attachedTo: string }[]
  action: 'draft' | 'submit'
}

/**
 * The record from the submitted form, or the message for each field that is wrong. `now`
 * bounds the visit date: a visit cannot be recorded before it happened.
 */
export function parseInspectionForm(
  body: Record<string, unknown>,
  now: Date,
): { record: InspectionRecord; errors?: undefined } | { record?: undefined; errors: Record<string, string> } {
  // Each field is checked on its own, so the rules across fields below still run (on the
  // fields that are right) and every problem is shown at once; a field's own message wins.
  const errors: Record<string, string> = {}
  const v: Record<string, unknown> = {}
  for (const [name, schema, whenAbsent] of inspectionFields) {
    const result = body[name] === undefined ? whenAbsent : schema.safeParse(body[name])
    if (result.success) v[name] = result.data
    else errors[name] = result.error.issues[0]!.message
  }
  const s = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : null)
  const n = (name: string) => (typeof v[name] === 'number' ? (v[name] as number) : 0)
  const problem = (name: string, message: string) => {
    errors[name] ??= message
  }

  const worksiteId = s('worksite_id')
  const newWorksite = worksiteId || errors.worksite_id ? null : parseNewWorksite(body, errors)
  const submitting = v.action === 'submit'
  const visitedAt = s('visited_at') ?? ''
  const visited = lesothoInstant(visitedAt)
  if (!visitedAt) {
    // Its own message is already there.
  } else if (Number.isNaN(visited.getTime()) || visited.getTime() > now.getTime() + 10 * 60_000)
    errors.visited_at = 'The visit cannot be in the future'
  else if (visitedAt < '2000-01-01') errors.visited_at = 'Enter the date and time of the visit'

  const typedReferences = (s('complaint_references') ?? '')
    .split(/[,;\n]+/)
    .map((r) => r.trim())
    .filter(Boolean)
  const complaintReferences = typedReferences.map(normaliseReference)
  if (complaintReferences.some((r) => r === null))
    problem('complaint_references', 'Enter complaint references like C-7KQ3-X9PD, separated by commas')
  else if (v.type === 'complaint_led' && complaintReferences.length === 0)
    problem('complaint_references', 'Enter the reference of the complaint this inspection follows up')

  const policeOfficers: InspectionRecord['policeOfficers'] = []
  for (let i = 1; i <= POLICE_ROWS; i++) {
    const name = s(`police_${i}_name`)
    const number = s(`police_${i}_service_number`)
    if (name && number) policeOfficers.push({ name, service_number: number })
    else if (name) problem(`police_${i}_service_number`, 'Enter the service number of this officer')
    else if (number) problem(`police_${i}_name`, 'Enter the name of this officer')
  }

  const headcounts = Object.fromEntries(HEADCOUNTS.map((h) => [h, n(h)])) as InspectionRecord['headcounts']
  for (const [name, message] of Object.entries(headcountProblems(headcounts))) problem(name, message)

  const indicators: InspectionRecord['indicators'] = {}
  for (const indicator of INDICATORS) {
    const level = (v[`indicator_${indicator}`] as IndicatorLevel | undefined) ?? 'not_observed'
    const evidence = s(`evidence_${indicator}`)
    if (level !== 'not_observed') indicators[indicator] = { level, evidence }
    if (submitting && level === 'observed' && !evidence)
      problem(`evidence_${indicator}`, 'Say what was seen or heard that shows this indicator')
  }

  const recruiters: InspectionRecord['recruiters'] = []
  for (let i = 1; i <= RECRUITER_ROWS; i++) {
    // Read as the public lookup reads it: "lra 2026 42" is LRA-2026-00042.
    const typedLicence = s(`recruiter_${i}_licence`)
    const licence = typedLicence ? licenceNumberIn(typedLicence) : null
    if (typedLicence && !licence)
      problem(`recruiter_${i}_licence`, 'Enter a licence number like LRA-2026-00042, or the name instead')
    const name = s(`recruiter_${i}_name`)
    const money = (v[`recruiter_${i}_fee`] as TypedMoney | undefined) ?? null
    const fee = money?.minor ?? null
    // An M or R typed before the amount says the currency, unless another one is chosen.
    const chosen = s(`recruiter_${i}_currency`) as 'LSL' | 'ZAR' | null
    const resolved = money ? currencyOf(money, chosen) : chosen
    if (resolved === 'mismatch')
      problem(
        `recruiter_${i}_currency`,
        'The amount is written in one currency and another is chosen: choose one',
      )
    const currency = resolved === 'mismatch' ? null : resolved
    const linked = (v[`recruiter_${i}_indicators`] as Indicator[]) ?? []
    const workers = n(`recruiter_${i}_workers`)
    if (!typedLicence && !name) {
      if (fee !== null || linked.length > 0 || workers > 0)
        problem(`recruiter_${i}_name`, 'Enter the licence number or the name of this recruiter')
      continue
    }
    if (fee !== null && !currency) problem(`recruiter_${i}_currency`, 'Choose the currency')
    const unseen = linked.filter((ind) => indicators[ind]?.level !== 'observed')
    if (unseen.length > 0)
      problem(
        `recruiter_${i}_indicators`,
        'Link only indicators marked as observed in the indicators section',
      )
    recruiters.push({
      licence,
      name: licence ? null : name,
      feeAmountMinor: fee,
      feeCurrency: fee === null ? null : currency,
      workersPaying: workers,
      indicators: [...new Set(linked)],
      row: i,
    })
  }

  const referrals: InspectionRecord['referrals'] = {}
  for (const destination of REFERRAL_DESTINATIONS) {
    const counts = Object.fromEntries(
      VICTIM_GROUPS.map((g) => [g, n(`referral_${destination}_${g}`)]),
    ) as unknown as VictimCounts
    const consentRecorded = v[`referral_${destination}_consent`] === true
    if (Object.values(counts).some((c) => c > 0)) referrals[destination] = { ...counts, consentRecorded }
    else if (consentRecorded)
      problem(`referral_${destination}_female_under_18`, 'Enter how many people were referred here')
  }

  const followUps: InspectionRecord['followUps'] = []
  for (let i = 1; i <= FOLLOW_UP_ROWS; i++) {
    const action = s(`follow_up_${i}_action`)
    const due = s(`follow_up_${i}_due`)
    if (action && due) followUps.push({ action, dueOn: due })
    else if (action) problem(`follow_up_${i}_due`, 'Enter when this must be done')
    else if (due) problem(`follow_up_${i}_action`, 'Say what must be done')
  }

  const outcome = (v.outcome as InspectionRecord['outcome']) ?? null
  if (submitting && !outcome) problem('outcome', 'Choose the outcome')
  if (outcome === 'compliance_order' && !s('compliance_due_on') && submitting)
    problem('compliance_due_on', 'Enter the date by which the order must be complied with')
  if (outcome === 'criminal_investigation' && !s('police_case_number') && submitting)
    problem('police_case_number', 'Enter the police case number')
  if (submitting && !s('lead_inspector'))
    problem('lead_inspector', 'Enter the name of the lead labour inspector')

  const latitude = v.position_latitude as number | undefined
  const longitude = v.position_longitude as number | undefined
  if ((latitude === undefined) !== (longitude === undefined))
    problem(
      latitude === undefined ? 'position_latitude' : 'position_longitude',
      'Enter both latitude and longitude, or neither',
    )
  const accuracy = v.position_accuracy as number | undefined
  // The accuracy is a hidden field: its message goes beside the coordinates it belongs to.
  if (errors.position_accuracy) {
    problem('position_latitude', errors.position_accuracy)
    delete errors.position_accuracy
  }

  if (Object.keys(errors).length > 0) return { errors }
  return {
    record: {
      idempotencyKey: s('idempotency_key')!,
      worksiteId,
      newWorksite,
      visitedAt,
      type: v.type as InspectionRecord['type'],
      complaintReferences: [...new Set(complaintReferences as string[])],
      leadInspector: s('lead_inspector') ?? '',
      policeOfficers,
      otherAgencies: [...new Set(v.other_agencies as InspectionRecord['otherAgencies'])],
      otherAgenciesDetail: s('other_agencies_detail'),
      headcounts,
      nationalities: (s('nationalities') ?? '')
        .split(/[,;]+/)
        .map((x) => x.trim())
        .filter(Boolean),
      recruiters,
      indicators,
      labourFindings: [...new Set(v.labour_findings as InspectionRecord['labourFindings'])],
      labourFindingsDetail: s('labour_findings_detail'),
      outcome,
      complianceDueOn: outcome === 'compliance_order' ? s('compliance_due_on') : null,
      policeCaseNumber: outcome === 'criminal_investigation' ? s('police_case_number') : null,
      referrals,
      followUps,
      notes: s('notes'),
      position:
        latitude !== undefined && longitude !== undefined
          ? { latitude, longitude, accuracyMetres: accuracy === undefined ? null : Math.round(accuracy) }
          : null,
      photos: [...new Set((v.photo as string[] | undefined) ?? [])].map((p) => ({
        sha256: p.slice(0, 64),
        attachedTo: p.slice(65),
      })),
      action: v.action as 'draft' | 'submit',
    },
  }
}
