import { z } from 'zod'
import { blankToUndefined, optionalDateField, optionalText } from '../http/fields.js'
import { pageParam } from '../http/pagination.js'

export const auditFiltersSchema = z
  .object({
    actor: z.preprocess(blankToUndefined, z.uuid('Select a user from the list').optional()),
    entity: optionalText({ max: 60 }),
    entity_id: optionalText({ max: 100 }),
    from: optionalDateField('Enter a date between 1900 and 2100, like 2026-03-31'),
    to: optionalDateField('Enter a date between 1900 and 2100, like 2026-03-31'),
    page: pageParam,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ['to'],
    message: 'Choose a date on or after the From date',
  })
