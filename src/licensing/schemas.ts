import { z } from 'zod'
import {
  dateField,
  listFilter,
  optionalDateField,
  optionalText,
  requiredText,
  versionField,
} from '../http/fields.js'
import { pageParam } from '../http/pagination.js'
import { DISTRICTS } from '../vocabulary.js'
import { DIRECT_LICENCE_ACTIONS, NOTICE_ACTIONS, PUBLIC_REASONS } from './lifecycle.js'

/** A field sent once, many times or not at all, as a list. */
const asList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const ticked = z.preprocess((v) => v === 'on' || v === 'yes' || v === '1', z.boolean())
const version = versionField
const reason = (what: string) =>
  requiredText({
    max: 2000,
    multiline: true,
    messages: {
      required: `Enter the reason ${what}`,
      tooLong: () => 'Reason must be 2,000 characters or fewer',
    },
  })

export const applicationSchema = z.object({
  fit_and_proper_checked: ticked,
  registration_seen: ticked,
  office_visited: ticked,
  fee_free_declaration_signed: ticked,
  checklist_notes: optionalText({
    max: 4000,
    multiline: true,
    messages: { tooLong: () => 'Notes must be 4,000 characters or fewer' },
  }),
})

/** The checklist changed after the application was recorded, at the version the officer saw. */
export const checklistSchema = applicationSchema.extend({ version })
/** Approving; with checks not done, only once the officer has ticked that they approve anyway. */
export const approveSchema = z.object({ version, open_items_confirmed: ticked })
export const refuseSchema = z.object({ version, reason: reason('for refusing') })
export const withdrawSchema = z.object({ version, reason: reason('for the withdrawal') })

export const licenceActionParam = z.object({ id: z.uuid(), action: z.enum(DIRECT_LICENCE_ACTIONS) })
export const licenceActionSchema = z.object({
  version,
  reason: reason('for this decision'),
  suspended_until: optionalDateField('Enter a date like 2026-12-31'),
})
const publicReason = z.enum(PUBLIC_REASONS, { error: 'Choose what the public is told' })
/** An immediate suspension also says what the public is told. */
export const suspendNowSchema = licenceActionSchema.extend({ public_reason: publicReason })

/** A notice of intended suspension or revocation. */
export const noticeSchema = z.object({
  action: z.enum(NOTICE_ACTIONS, { error: 'Choose suspension or revocation' }),
  grounds: reason('for the intended action (the findings, complaints or inspection findings)'),
  complaint_ids: z.preprocess(asList, z.array(z.uuid('Choose complaints from the list')).max(50)),
  finding_ids: z.preprocess(asList, z.array(z.uuid('Choose findings from the list')).max(50)),
  public_reason: publicReason,
  suspended_until: optionalDateField('Enter a date like 2026-12-31'),
  respond_by: dateField('Enter the last day for representations, like 2026-12-31'),
})
export const noticeIdParam = z.object({ id: z.uuid() })
export const representationsSchema = z
  .object({
    version,
    answer: z.enum(['received', 'none'], { error: 'Say whether representations were received' }),
    representations: optionalText({
      max: 4000,
      multiline: true,
      messages: { tooLong: () => 'Must be 4,000 characters or fewer' },
    }),
    received_on: optionalDateField('Enter the day they were received, like 2026-12-31'),
  })
  .superRefine((v, ctx) => {
    if (v.answer === 'received' && !v.representations)
      ctx.addIssue({ code: 'custom', path: ['representations'], message: 'Enter what the agency said' })
    if (v.answer === 'received' && !v.received_on)
      ctx.addIssue({ code: 'custom', path: ['received_on'], message: 'Enter the day they were received' })
  })
export const noticeDecisionSchema = z.object({ version, reason: reason('for this decision') })

export const conditionSchema = z.object({
  condition: requiredText({
    max: 1000,
    multiline: true,
    messages: {
      required: 'Enter the condition',
      tooLong: () => 'Condition must be 1,000 characters or fewer',
    },
  }),
  due_on: dateField('Enter the due date, like 2026-12-31'),
  // Shown on the public register while the condition is in force; without it, not shown at all.
  public_wording: optionalText({
    max: 300,
    messages: { tooLong: () => 'The public wording must be 300 characters or fewer' },
  }),
})
export const conditionMetSchema = z.object({ version })
export const conditionParam = z.object({ id: z.uuid(), conditionId: z.uuid() })

export const applicationIdParam = z.object({ id: z.uuid() })
export const queueFiltersSchema = z.object({
  district: listFilter(DISTRICTS, 'a district'),
  page: pageParam,
})
