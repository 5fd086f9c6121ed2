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
import { LICENCE_ACTIONS } from './lifecycle.js'

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

export const licenceActionParam = z.object({ id: z.uuid(), action: z.enum(LICENCE_ACTIONS) })
export const licenceActionSchema = z.object({
  version,
  reason: reason('for this decision'),
  suspended_until: optionalDateField('Enter a date like 2026-12-31'),
})

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
})
export const conditionMetSchema = z.object({ version })
export const conditionParam = z.object({ id: z.uuid(), conditionId: z.uuid() })

export const applicationIdParam = z.object({ id: z.uuid() })
export const queueFiltersSchema = z.object({
  district: listFilter(DISTRICTS, 'a district'),
  page: pageParam,
})
