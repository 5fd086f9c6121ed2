import { z } from 'zod'
import { pageParam } from '../http/pagination.js'
import { blankToUndefined } from '../http/validation.js'

const isoDate = z.iso.date('Enter a date like 2026-03-31')

export const auditFiltersSchema = z
  .object({
    actor: z.preprocess(blankToUndefined, z.uuid('Select a user from the list').optional()),
    entity: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    entity_id: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
    from: z.preprocess(blankToUndefined, isoDate.optional()),
    to: z.preprocess(blankToUndefined, isoDate.optional()),
    page: pageParam,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ['to'],
    message: 'The end date must be on or after the start date',
  })
