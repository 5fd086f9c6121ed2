import { z } from 'zod'
import { pageParam } from '../http/pagination.js'
import { blankToUndefined, listFilter } from '../http/validation.js'
import { DISTRICTS } from '../vocabulary.js'
import { LICENCE_ACTIONS } from './lifecycle.js'

const ticked = z.preprocess((v) => v === 'on' || v === 'yes' || v === '1', z.boolean())
const version = z.coerce.number({ error: 'The page is out of date; reload it' }).int().min(1)
const reason = (what: string) =>
  z
    .string({ error: `Enter the reason ${what}` })
    .trim()
    .min(1, `Enter the reason ${what}`)
    .max(2000, 'Reason must be 2000 characters or fewer')
const isoDate = (message: string) => z.iso.date(message)

export const applicationSchema = z.object({
  fit_and_proper_checked: ticked,
  registration_seen: ticked,
  office_visited: ticked,
  fee_free_declaration_signed: ticked,
  checklist_notes: z.preprocess(
    blankToUndefined,
    z.string().trim().max(4000, 'Notes must be 4000 characters or fewer').optional(),
  ),
})

export const approveSchema = z.object({ version })
export const refuseSchema = z.object({ version, reason: reason('for refusing') })
export const withdrawSchema = z.object({ version, reason: reason('for the withdrawal') })

export const licenceActionParam = z.object({ id: z.uuid(), action: z.enum(LICENCE_ACTIONS) })
export const licenceActionSchema = z.object({
  version,
  reason: reason('for this decision'),
  suspended_until: z.preprocess(blankToUndefined, isoDate('Enter a date like 2026-12-31').optional()),
})

export const conditionSchema = z.object({
  condition: z
    .string()
    .trim()
    .min(1, 'Enter the condition')
    .max(1000, 'Condition must be 1000 characters or fewer'),
  due_on: isoDate('Enter the due date, like 2026-12-31'),
})
export const conditionMetSchema = z.object({ version })
export const conditionParam = z.object({ id: z.uuid(), conditionId: z.uuid() })

export const applicationIdParam = z.object({ id: z.uuid() })
export const queueFiltersSchema = z.object({
  district: listFilter(DISTRICTS, 'a district'),
  page: pageParam,
})
